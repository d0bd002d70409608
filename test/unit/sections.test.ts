import * as assert from 'node:assert/strict';
import { joinLines, parse } from './util';

suite('sections', () => {
  test('headings # to ###### make a hierarchy with ranges', () => {
    const model = parse(
      joinLines('# Top', 'text', '## Child ##', '', '###### Deep', '', '## Second', '# Next', '####### not a heading', '#notaheading', '    # indented code, not a heading'),
    );
    assert.deepEqual(
      model.sections.map((s) => [s.level, s.title, s.parentIndex]),
      [
        [1, 'Top', undefined],
        [2, 'Child', 0],
        [6, 'Deep', 1],
        [2, 'Second', 0],
        [1, 'Next', undefined],
      ],
    );
    assert.deepEqual(
      model.sections.map((s) => [s.range.start.line, s.range.end.line]),
      [
        [0, 6],
        [2, 4],
        [4, 4],
        [6, 6],
        [7, 10],
      ],
    );
  });

  test('no headings inside fenced code or the front matter', () => {
    const model = parse(joinLines('---', '# yaml comment: x', '---', '```', '# code', '```', '# Real'));
    assert.deepEqual(
      model.sections.map((s) => s.title),
      ['Real'],
    );
  });
});

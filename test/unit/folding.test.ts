import * as assert from 'node:assert/strict';
import { foldingRegions } from '../../src/core/language/folding';
import { joinLines, parse } from './util';

suite('folding', () => {
  test('front matter, sections and multi-line events fold', () => {
    const model = parse(joinLines('---', 'title: x', '---', '# A', '- 2023: one', '  two', '- 2024: single', '## B', 'text'));
    assert.deepEqual(
      foldingRegions(model).map((r) => [r.kind, r.startLine, r.endLine]),
      [
        ['frontMatter', 0, 2],
        ['section', 3, 8],
        ['section', 7, 8],
        ['event', 4, 5],
      ],
    );
  });
});

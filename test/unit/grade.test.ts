import * as assert from 'node:assert/strict';
import { completionContext, gradeMeaning, sourceHoverMarkdown } from '../../src/core';
import { applyEdits } from '../../src/core/language/rename';
import { joinLines, parse } from './util';

const withSources = (...entries: string[]) => joinLines('Reported [S1].', '', '## Sources', '', ...entries, '');
const gradeProblems = (text: string) => parse(text).diagnostics.filter((d) => d.code === 'invalid-grade');

suite('graded sources (format v1.1, the Admiralty code)', () => {
  test('a code after the label is the grade; the text is what follows it, in a list item or a `[S1]:` line', () => {
    const model = parse(withSources('- [S1] (B2) Reuters, 2023-11-13', '- [S2] Yonhap', '[S3]: (A1) KCNA'));
    assert.deepEqual(
      model.sources.map((source) => [source.id, source.grade, source.text]),
      [
        ['S1', 'B2', 'Reuters, 2023-11-13'],
        ['S2', undefined, 'Yonhap'],
        ['S3', 'A1', 'KCNA'],
      ],
    );
    assert.deepEqual(
      model.diagnostics.filter((d) => d.severity !== 'information'),
      [],
    );
  });

  test('the meaning of every grade, in the scheme’s words', () => {
    assert.equal(gradeMeaning('B2'), 'usually reliable, probably true');
    assert.equal(gradeMeaning('F6'), 'reliability cannot be judged, truth cannot be judged');
    assert.equal(gradeMeaning('A1'), 'completely reliable, confirmed by other sources');
  });

  test('a code out of range is a Warning and no grade, the text kept whole', () => {
    for (const code of ['(G7)', '(B0)', '(B9)', '(Z1)']) {
      const text = withSources(`- [S1] ${code} Reuters`);
      const [problem] = gradeProblems(text);
      assert.ok(problem, code);
      assert.equal(problem.severity, 'warning');
      assert.match(problem.message, /reliability A to F, then credibility 1 to 6/);
      assert.equal(text.slice(problem.range.startOffset, problem.range.endOffset), code);
      const [source] = parse(text).sources;
      assert.equal(source.grade, undefined);
      assert.equal(source.text, `${code} Reuters`);
    }
  });

  test('a code in small letters is that grade, with the fix that writes it in capitals', () => {
    const text = withSources('- [S1] (b2) Reuters');
    const [problem] = gradeProblems(text);
    assert.equal(parse(text).sources[0].grade, 'B2');
    const fixed = applyEdits(
      text,
      problem.fix!.edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
    );
    assert.equal(fixed, withSources('- [S1] (B2) Reuters'));
    assert.deepEqual(gradeProblems(fixed), []);
  });

  test('brackets that are not a code at the start are the text: "(Reuters)", a code later on', () => {
    const model = parse(withSources('- [S1] (Reuters) wire', '- [S2] Yonhap (B2)'));
    assert.deepEqual(
      model.sources.map((source) => [source.grade, source.text]),
      [
        [undefined, '(Reuters) wire'],
        [undefined, 'Yonhap (B2)'],
      ],
    );
    assert.deepEqual(gradeProblems(withSources('- [S1] (Reuters) wire')), []);
  });

  test('the hover of a citation and of the entry gives the grade and its meaning', () => {
    const model = parse(withSources('- [S1] (B2) Reuters'));
    const source = model.sources[0];
    const card = sourceHoverMarkdown(model, { id: 'S1', source, range: source.labelRange, isDeclaration: true }, 'file:///b.briefing', (uri, line) => `${uri}#${line}`);
    assert.match(card, /Graded B2: usually reliable, probably true/);
    assert.match(card, /Reuters/);
  });

  test('completion offers the codes after the label and "("', () => {
    const text = withSources('- [S1] (');
    const model = parse(text);
    const at = text.indexOf('(') + 1;
    assert.deepEqual(completionContext(model, at), { kind: 'grade', prefixStart: at });
    const typed = withSources('[S1]: (B');
    assert.equal(completionContext(parse(typed), typed.indexOf('(B') + 2).kind, 'grade');
    const prose = joinLines('As said (');
    assert.notEqual(completionContext(parse(prose), prose.length).kind, 'grade');
  });
});

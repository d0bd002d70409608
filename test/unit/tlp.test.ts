import * as assert from 'node:assert/strict';
import { applyEdits } from '../../src/core/language/rename';
import { exportBriefing, TLP_LEVELS, TLP_MEANINGS } from '../../src/core';
import { briefing, parse } from './util';

const withTlp = (value: string) => briefing(['title: T', `tlp: ${value}`], 'Body.');
const tlpProblems = (text: string) => parse(text).diagnostics.filter((d) => d.code === 'invalid-tlp');

suite('tlp: (format v1.1, TLP 2.0)', () => {
  test('the five TLP 2.0 levels, as FIRST writes them, are read without a word', () => {
    for (const level of TLP_LEVELS) {
      const model = parse(withTlp(level));
      assert.equal(model.frontMatter?.tlp, level);
      assert.deepEqual(model.diagnostics, [], level);
      assert.ok(TLP_MEANINGS[level].length > 0);
    }
    assert.equal(parse(briefing(['title: T'], 'Body.')).frontMatter?.tlp, undefined);
  });

  test("TLP 1.0's WHITE is CLEAR, with a Warning whose fix writes CLEAR", () => {
    const text = withTlp('WHITE');
    const [problem] = tlpProblems(text);
    assert.equal(problem.severity, 'warning');
    assert.match(problem.message, /WHITE is now CLEAR/);
    assert.equal(parse(text).frontMatter?.tlp, 'CLEAR', 'read as the level it means: a marking is not dropped');
    const result = applyEdits(
      text,
      problem.fix!.edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
    );
    assert.equal(result, withTlp('CLEAR'));
    assert.deepEqual(parse(result).diagnostics, []);
  });

  test('a level written otherwise (case, a TLP: prefix, spaces) is that level, with the fix that writes it as TLP 2.0 does', () => {
    for (const [written, level] of [
      ['amber', 'AMBER'],
      ['TLP:RED', 'RED'],
      ['"TLP: amber+strict"', 'AMBER+STRICT'],
      ['AMBER + STRICT', 'AMBER+STRICT'],
      ['tlp:green', 'GREEN'],
    ] as const) {
      const text = withTlp(written);
      const [problem] = tlpProblems(text);
      assert.ok(problem, written);
      assert.equal(parse(text).frontMatter?.tlp, level, written);
      assert.equal(problem.fix?.title, `Write ${level}`);
    }
  });

  test('anything else is a Warning naming the levels, and no level: a marking is never guessed', () => {
    for (const written of ['YELLOW', 'SECRET', '3', 'AMBERSTRICT']) {
      const text = withTlp(written);
      const [problem] = tlpProblems(text);
      assert.ok(problem, written);
      assert.match(problem.message, /CLEAR, GREEN, AMBER, AMBER\+STRICT, RED/);
      assert.equal(problem.fix, undefined);
      assert.equal(parse(text).frontMatter?.tlp, undefined);
    }
  });

  test('the JSON export gives the level, or null', () => {
    assert.equal(exportBriefing(parse(withTlp('AMBER'))).tlp, 'AMBER');
    assert.equal(exportBriefing(parse(briefing(['title: T'], 'Body.'))).tlp, null);
  });
});

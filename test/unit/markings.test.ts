import * as assert from 'node:assert/strict';
import { classificationStatus, portionMarkAt, readBanner } from '../../src/core/yaml/markings';
import { applyEdits } from '../../src/core/language/rename';
import type { Diagnostic } from '../../src/core/model/types';
import { briefing, joinLines, parse } from './util';

const MARKING_CODES = new Set(['portion-above-classification', 'portion-noforn', 'classification-missing']);
const markingsOf = (text: string): Diagnostic[] => parse(text).diagnostics.filter((d) => MARKING_CODES.has(d.code));
/** Each marking diagnostic as `code@line:character "marked text"`, 1-based. */
const summary = (text: string): string[] =>
  markingsOf(text).map((d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1} ${JSON.stringify(text.slice(d.range.startOffset, d.range.endOffset))}`);

/** Applies the first marking diagnostic's fix; the result must have no marking diagnostic left. */
function fixed(text: string): string {
  const [first] = markingsOf(text);
  assert.ok(first?.fix, `a fix for ${JSON.stringify(text)}`);
  const result = applyEdits(
    text,
    first.fix.edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
  );
  assert.deepEqual(summary(result), [], result);
  assert.deepEqual(parse(result).diagnostics, [], 'and no other problem');
  return result;
}

suite('classification markings', () => {
  test('overall classifications are read with their level and controls, other schemes not at all', () => {
    assert.deepEqual(readBanner('UNCLASSIFIED'), { level: 0, controls: [] });
    assert.deepEqual(readBanner('Secret'), { level: 2, controls: [] });
    assert.deepEqual(readBanner('TOP SECRET//SI/TK//NOFORN'), { level: 3, controls: ['SI', 'TK', 'NOFORN'] });
    assert.deepEqual(readBanner('UNCLASSIFIED//FOUO'), { level: 0, controls: ['FOUO'] });
    assert.deepEqual(readBanner('CUI'), { level: 0, controls: [] });
    for (const other of ['OFFICIAL-SENSITIVE', 'NATO SECRET', 'RESTRICTED', 'internal only', '']) assert.equal(readBanner(other), undefined, other);
  });

  test("portion marks are read as written: upper case, then a space or the line's end", () => {
    assert.deepEqual(portionMarkAt('(S//NF) text', 0), { level: 2, controls: ['NF'], start: 0, end: 7, text: '(S//NF)' });
    assert.deepEqual(portionMarkAt('(S//REL TO USA, FVEY) text', 0)?.controls, ['REL TO USA, FVEY']);
    assert.equal(portionMarkAt('(TS)', 0)?.level, 3);
    for (const notMark of ['(s) text', '(S)text', '(Sec) text', '(A) text', '(S//) text']) assert.equal(portionMarkAt(notMark, 0), undefined, notMark);
  });

  test('a portion marked above the classification is an Error on its mark, wherever a portion starts', () => {
    const text = briefing(
      ['classification: UNCLASSIFIED'],
      '# (U) Title',
      '(S) A secret paragraph.',
      '- (C) a confidential item',
      '> (TS) a quoted paragraph',
      '',
      '## (S) A secret heading',
      '(U) Fine.',
    );
    assert.deepEqual(summary(text), [
      'portion-above-classification@5:1 "(S)"',
      'portion-above-classification@6:3 "(C)"',
      'portion-above-classification@7:3 "(TS)"',
      'portion-above-classification@9:4 "(S)"',
    ]);
    const [first] = markingsOf(text);
    assert.equal(first.severity, 'error');
    assert.equal(first.message, "(S) marks this portion SECRET, above the briefing's classification 'UNCLASSIFIED': raise 'classification:' or correct the mark");
  });

  test('only where a portion starts: letters in brackets inside a sentence, in code or mid-paragraph are no marks', () => {
    const text = briefing(
      ['classification: UNCLASSIFIED'],
      'Options (A), (B) and (C) remain; (S) here is no mark.',
      '(U) A paragraph whose second line',
      '(S) is not a new portion.',
      '',
      '```',
      '(S) in a fenced code block',
      '```',
      '`(S)` in inline code',
    );
    assert.deepEqual(summary(text), []);
  });

  test('the quick fix raises the classification to the highest portion', () => {
    const text = briefing(['title: T', 'classification: UNCLASSIFIED'], '(S) one', '', '(TS) two', '', '(C) three');
    assert.match(fixed(text), /^classification: TOP SECRET$/m);
    assert.equal(markingsOf(text)[0].fix?.title, 'Raise the classification to TOP SECRET');
  });

  test("no raise is offered over control markings: which still apply is the writer's call", () => {
    const [error] = markingsOf(briefing(['classification: UNCLASSIFIED//FOUO'], '(S) text'));
    assert.equal(error.code, 'portion-above-classification');
    assert.equal(error.fix, undefined);
  });

  test('a NOFORN portion in a briefing not marked NOFORN is a Warning, fixed by adding //NOFORN', () => {
    const text = briefing(['classification: SECRET'], '(S//NF) not for foreign nationals', '', '(S//NOFORN) nor this');
    assert.deepEqual(summary(text), ['portion-noforn@4:1 "(S//NF)"', 'portion-noforn@6:1 "(S//NOFORN)"']);
    assert.equal(markingsOf(text)[0].severity, 'warning');
    assert.match(fixed(text), /^classification: SECRET\/\/NOFORN$/m);
    assert.deepEqual(summary(briefing(['classification: SECRET//NOFORN'], '(S//NF) text')), []);
    assert.deepEqual(summary(briefing(['classification: TOP SECRET//SI/NF'], '(S//NF) text')), []);
  });

  test('NOFORN is not added over a REL TO release (they exclude each other)', () => {
    const [warning] = markingsOf(briefing(['classification: "SECRET//REL TO USA, FVEY"'], '(S//NF) text'));
    assert.equal(warning.code, 'portion-noforn');
    assert.equal(warning.fix, undefined);
  });

  test("raising to a NOFORN portion's level adds NOFORN too, so one fix settles both", () => {
    const text = briefing(['classification: UNCLASSIFIED'], '(S//NF) text');
    assert.deepEqual(summary(text), ['portion-above-classification@4:1 "(S//NF)"', 'portion-noforn@4:1 "(S//NF)"']);
    assert.match(fixed(text), /^classification: SECRET\/\/NOFORN$/m);
  });

  test('portion marks without a classification: a Warning on the first, fixed by adding the line', () => {
    const withFrontMatter = briefing(['title: T'], '(U) one', '', '(S) two');
    assert.deepEqual(summary(withFrontMatter), ['classification-missing@4:1 "(U)"']);
    assert.equal(markingsOf(withFrontMatter)[0].message, "This briefing has portion marks but no 'classification:' text; its highest portion is SECRET");
    assert.equal(fixed(withFrontMatter), briefing(['title: T', 'classification: SECRET'], '(U) one', '', '(S) two'));

    const crlf = ['---', 'title: T', '---', '(S) two', ''].join('\r\n');
    assert.equal(fixed(crlf), ['---', 'title: T', 'classification: SECRET', '---', '(S) two', ''].join('\r\n'), "in the document's line ends");

    const without = joinLines('(C//NF) one', '');
    assert.equal(fixed(without), joinLines('---', 'classification: CONFIDENTIAL//NOFORN', '---', '(C//NF) one', ''));
  });

  test('an empty classification: is reported without a fix (a second key would be a YAML error)', () => {
    const [warning] = markingsOf(briefing(['classification:'], '(S) text'));
    assert.equal(warning.code, 'classification-missing');
    assert.equal(warning.fix, undefined);
  });

  test('nothing is said for other schemes, for unmarked briefings, or when the front matter is not closed', () => {
    assert.deepEqual(summary(briefing(['classification: OFFICIAL-SENSITIVE'], '(S) text')), []);
    assert.deepEqual(summary(briefing(['classification: SECRET'], 'No marks at all.')), []);
    assert.deepEqual(summary(joinLines('---', 'classification: UNCLASSIFIED', '(S) text')), []);
  });

  test('the status the editor shows: the marking, and the first problem with its line', () => {
    assert.deepEqual(classificationStatus(parse(briefing(['classification: SECRET//NOFORN'], '(S//NF) text'))), {
      text: 'SECRET//NOFORN',
      detail: 'classification',
      severity: 'information',
      problemLine: undefined,
    });
    assert.deepEqual(classificationStatus(parse(briefing(['classification: SECRET'], '(S//NF) one', '', '(TS) two'))), {
      text: 'SECRET',
      detail: 'a portion is marked above it',
      severity: 'error',
      problemLine: 5,
    });
    assert.deepEqual(classificationStatus(parse(briefing(['classification: SECRET'], '(S//NF) one'))), {
      text: 'SECRET',
      detail: 'a portion is NOFORN',
      severity: 'warning',
      problemLine: 3,
    });
    assert.deepEqual(classificationStatus(parse('(C) one')), { text: 'No classification', detail: 'portions are marked', severity: 'warning', problemLine: 0 });
    assert.equal(classificationStatus(parse('No marks.')).text, 'No classification');
  });
});

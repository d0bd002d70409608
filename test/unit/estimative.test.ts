import * as assert from 'node:assert/strict';
import { LIKELIHOOD_SCALE, likelihoodHoverMarkdown, likelihoodTermAt } from '../../src/core/body/estimative';
import { applyEdits } from '../../src/core/language/rename';
import type { Diagnostic } from '../../src/core/model/types';
import { joinLines, parse } from './util';

/** The likelihood term under the first character of `word` in `text`, as `text@degree`. */
function termAt(text: string, word: string): string | undefined {
  const term = likelihoodTermAt(parse(text), text.indexOf(word));
  return term && `${term.text}@${term.degree}`;
}

const confidenceWarnings = (text: string): Diagnostic[] => parse(text).diagnostics.filter((d) => d.code === 'confidence-with-likelihood');
/** Each warning as the text it covers. */
const warned = (text: string): string[] => confidenceWarnings(text).map((d) => text.slice(d.range.startOffset, d.range.endOffset));

function applyFix(text: string): string {
  const [first] = confidenceWarnings(text);
  assert.ok(first?.fix, `a fix for ${JSON.stringify(text)}`);
  return applyEdits(
    text,
    first.fix.edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
  );
}

suite('ICD 203 estimative language', () => {
  test('every term of the scale, in either set and any case, is read with its row', () => {
    const written = (term: string) => term.replace(/ \((\w+)\)$/, '').replace('(ly)', '');
    LIKELIHOOD_SCALE.forEach((row, degree) => {
      for (const term of row.terms.map(written)) {
        const spelled = term === 'remote' ? 'remote chance' : term;
        assert.equal(termAt(`It is ${spelled} that.`, spelled), `${spelled}@${degree}`, term);
        const capital = spelled[0].toUpperCase() + spelled.slice(1);
        assert.equal(termAt(`${capital}, it will.`, capital), `${capital}@${degree}`, capital);
      }
    });
    assert.equal(termAt('almost certainly so', 'almost'), 'almost certainly@6');
    assert.equal(termAt('improbably so', 'improbably'), 'improbably@2');
    assert.equal(termAt('probably so', 'probably'), 'probably@4');
  });

  test('the longest term wins, and words that only contain one are no terms', () => {
    assert.equal(termAt('very likely', 'likely'), 'very likely@5', 'the hover on "likely" covers "very likely"');
    assert.equal(termAt('it is unlikely', 'likely'), 'unlikely@2');
    assert.equal(termAt('highly improbable', 'improbable'), 'highly improbable@1');
    assert.equal(termAt('roughly  even\todds', 'odds'), 'roughly  even\todds@3', 'any spaces between words');
    for (const [text, word] of [
      ['a remote port city', 'remote'],
      ['likelyhood', 'likely'],
      ['the probables', 'probables'],
    ]) {
      assert.equal(termAt(text, word), undefined, text);
    }
  });

  test("terms are read in the body's prose only: not in the front matter, nor in code", () => {
    const text = joinLines('---', 'title: Likely outcomes', '---', 'Likely so, `likely` not.', '```', 'likely', '```');
    const model = parse(text);
    assert.equal(likelihoodTermAt(model, text.indexOf('Likely outcomes')), undefined);
    assert.equal(likelihoodTermAt(model, text.indexOf('Likely so'))?.text, 'Likely');
    assert.equal(likelihoodTermAt(model, text.indexOf('likely`')), undefined);
    assert.equal(likelihoodTermAt(model, text.lastIndexOf('likely')), undefined);
  });

  test("the hover card shows the whole scale with the term's row in bold", () => {
    const term = likelihoodTermAt(parse('It is very likely.'), 9);
    assert.ok(term);
    const card = likelihoodHoverMarkdown(term);
    assert.match(card, /^\*\*very likely\*\* · likelihood 80–95 % \(ICD 203\)/);
    assert.ok(card.includes('| **80–95 %** | **very likely** | **highly probable** |'), card);
    assert.ok(card.includes('| 55–80 % | likely | probable (probably) |'), card);
    assert.equal(card.split('\n').filter((line) => line.startsWith('| ')).length, 9, 'a header, its rule and seven rows');
  });

  test('a confidence level in the sentence of a likelihood is a Warning on the level', () => {
    const text = '- (U) Russia likely wants the deal (moderate confidence) [S1].\n';
    const [warning] = confidenceWarnings(text);
    assert.equal(warning.severity, 'warning');
    assert.equal(
      warning.message,
      "ICD 203: a confidence level ('moderate confidence') and a likelihood ('likely') must not share a sentence: state the confidence in a sentence of its own",
    );
    assert.deepEqual(warned(text), ['moderate confidence']);
    assert.deepEqual(warned('We assess with High Confidence that it will almost certainly happen.'), ['High Confidence']);
    assert.deepEqual(warned('WE ASSESS WITH LOW CONFIDENCE THAT IT IS UNLIKELY.'), ['LOW CONFIDENCE']);
    assert.deepEqual(warned('It is probable (medium confidence).'), ['medium confidence']);
    assert.deepEqual(
      warned(joinLines('- (U) Both very likely intend', '  the meeting as a message (moderate confidence) [S1].')),
      ['moderate confidence'],
      "a list item's sentence goes on over its lines",
    );
  });

  test('only the same sentence counts: not the next, nor another paragraph, list item or heading', () => {
    for (const text of [
      'It is likely [S1]. We have moderate confidence in this judgment.',
      'It is likely! High confidence? Yes.',
      joinLines('- It is likely', '- We have low confidence'),
      joinLines('It is likely', '', 'We have low confidence'),
      joinLines('## Likely outcomes', 'We have high confidence in them'),
      'We have high confidence in the deal.',
      'Yellow confidence is likely no level; so are confidences, likely, and high confidence-building.',
      'It is `likely` (high confidence).',
      '`high confidence` it is likely.',
    ]) {
      assert.deepEqual(warned(text), [], text);
    }
  });

  test('the fix moves a level in parentheses to a sentence of its own, and settles the warning', () => {
    const fixed = applyFix('- Russia likely wants the deal (moderate confidence) [S1]. It will sign.\n');
    assert.equal(fixed, '- Russia likely wants the deal [S1]. We have moderate confidence in this judgment. It will sign.\n');
    assert.deepEqual(confidenceWarnings(fixed), []);
    assert.equal(applyFix('It is likely\t(High confidence).'), 'It is likely. We have high confidence in this judgment.', 'the level in lower case');
    for (const startsLine of ['- (low confidence) [S1] it is likely.', 'It is likely\n(low confidence) [S1].', '> (low confidence) likely.']) {
      assert.deepEqual(
        confidenceWarnings(startsLine).map((d) => d.fix),
        [undefined],
        startsLine,
      );
    }
    assert.equal(applyFix('It is likely (low confidence).\r\n'), 'It is likely. We have low confidence in this judgment.\r\n');
    assert.deepEqual(
      confidenceWarnings(joinLines('It is likely (low confidence)', '')).map((d) => d.fix),
      [undefined],
      'no sentence end: no fix',
    );
    assert.deepEqual(
      confidenceWarnings('We assess with high confidence that it is likely.').map((d) => d.fix),
      [undefined],
      'not in parentheses: the writer rephrases',
    );
  });
});

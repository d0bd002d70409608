import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { exportBriefing, parseBriefing, toJson, type Briefing, type TextRange } from '../../src/core';
import { anyBriefingText, scaledTimeout } from './generators';

/** Thousands of cases in `npm test`; `npm run fuzz` sets FUZZ_RUNS much higher. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);

function isHigh(code: number) {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLow(code: number) {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A range lies inside the text, on character boundaries: not inside a CRLF, not inside a surrogate pair. */
function checkRange(text: string, model: Briefing, range: TextRange, what: string): void {
  const { startOffset, endOffset } = range;
  assert.ok(startOffset >= 0 && startOffset <= endOffset && endOffset <= text.length, `${what} offsets inside the text`);
  for (const offset of [startOffset, endOffset]) {
    assert.ok(!(text[offset - 1] === '\r' && text[offset] === '\n'), `${what} not inside a CRLF`);
    assert.ok(!(isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset))), `${what} not inside a surrogate pair`);
  }
  assert.equal(model.lines.offsetAt(range.start), startOffset, `${what} start position and offset agree`);
  assert.equal(model.lines.offsetAt(range.end), endOffset, `${what} end position and offset agree`);
}

suite('properties of the parser (fast-check)', function () {
  this.timeout(scaledTimeout(120_000));

  test('never throws, nor fails inside (no internal error); every range is inside the document and on character boundaries', () => {
    fc.assert(
      fc.property(anyBriefingText, (text) => {
        const model = parseBriefing(text);
        assert.deepEqual(
          model.diagnostics.filter((diagnostic) => diagnostic.code === 'internal-error').map((diagnostic) => diagnostic.message),
          [],
        );
        for (const mention of model.mentions) checkRange(text, model, mention.range, 'mention');
        for (const event of model.events) {
          checkRange(text, model, event.range, 'event');
          checkRange(text, model, event.dateRange, 'event date');
        }
        for (const diagnostic of model.diagnostics) checkRange(text, model, diagnostic.range, 'diagnostic');
        for (const section of model.sections) checkRange(text, model, section.range, 'section');
        for (const entity of model.entities) checkRange(text, model, entity.definition.nameRange, 'definition');
      }),
      { numRuns: RUNS },
    );
  });

  test("mentions are sorted and never overlap; a mention's text is the document's", () => {
    fc.assert(
      fc.property(anyBriefingText, (text) => {
        const model = parseBriefing(text);
        let previousEnd = -1;
        for (const mention of model.mentions) {
          assert.ok(mention.range.startOffset >= previousEnd, 'sorted, not overlapping');
          assert.equal(text.slice(mention.range.startOffset, mention.range.endOffset), mention.text);
          previousEnd = mention.range.endOffset;
        }
      }),
      { numRuns: RUNS },
    );
  });

  test("every event starts at a list marker, and its date at the start of the item's paragraph", () => {
    fc.assert(
      fc.property(anyBriefingText, (text) => {
        const model = parseBriefing(text);
        for (const event of model.events) {
          assert.match(text.slice(event.range.startOffset, event.range.startOffset + 10), /^(?:[-*+]|\d{1,9}[.)])/);
          assert.match(text.slice(event.dateRange.startOffset, event.dateRange.endOffset), /^~?\d{4}/);
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('the JSON export always parses and round-trips', () => {
    fc.assert(
      fc.property(anyBriefingText, (text) => {
        const model = parseBriefing(text);
        const json = toJson(model);
        assert.deepEqual(JSON.parse(json), exportBriefing(model));
        assert.equal(toJson(model), json, 'deterministic');
      }),
      { numRuns: RUNS },
    );
  });
});

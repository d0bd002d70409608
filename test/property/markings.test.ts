import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseBriefing } from '../../src/core';
import { applyEdits } from '../../src/core/language/rename';
import { scaledTimeout } from './generators';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const MARKING_CODES = new Set(['portion-above-classification', 'portion-noforn', 'classification-missing']);

const control = fc.constantFrom('NF', 'NOFORN', 'FOUO', 'SI', 'TK', 'REL TO USA, FVEY', 'ORCON');
const controls = fc.array(control, { maxLength: 2 }).map((list) => list.map((c) => `//${c}`).join(''));
const portionMark = fc.tuple(fc.constantFrom('U', 'C', 'S', 'TS', 'CUI', 's', 'A', 'R'), controls).map(([level, rest]) => `(${level}${rest})`);
const classification = fc
  .option(
    fc
      .tuple(fc.constantFrom('UNCLASSIFIED', 'Secret', 'CONFIDENTIAL', 'TOP SECRET', 'CUI', 'OFFICIAL', ''), controls)
      .map(([level, rest]) => fc.constantFrom(`${level}${rest}`, `"${level}${rest}"`, `'${level}${rest}'`)),
  )
  .chain((value) => (value === null ? fc.constant(null) : value));
/** A portion as it starts a line: a paragraph, a list item, a heading, a quote, or text where no mark is read. */
const portion = fc.tuple(fc.constantFrom('', '- ', '## ', '> ', 'x '), portionMark, fc.constantFrom(' text', '', 'text')).map((parts) => parts.join(''));
const markedBriefing = fc
  .tuple(fc.boolean(), classification, fc.array(portion, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\n\n'))
  .map(([frontMatter, value, portions, gap]) => {
    const body = portions.join(gap) + '\n';
    if (!frontMatter) return body;
    return `---\ntitle: T\n${value === null ? '' : `classification: ${value}\n`}---\n${body}`;
  });

suite('property: classification markings', function () {
  // A time limit like every property suite's: a busy machine took the default 2 s.
  this.timeout(scaledTimeout(60_000));
  test('each marking fix settles its own diagnostics and breaks nothing', () => {
    fc.assert(
      fc.property(markedBriefing, (text) => {
        const before = parseBriefing(text);
        for (const diagnostic of before.diagnostics) {
          if (!MARKING_CODES.has(diagnostic.code) || !diagnostic.fix) continue;
          const fixed = applyEdits(
            text,
            diagnostic.fix.edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
          );
          const after = parseBriefing(fixed);
          assert.deepEqual(
            after.diagnostics.filter((d) => d.code === diagnostic.code),
            [],
            `${diagnostic.fix.title}:\n${fixed}`,
          );
          assert.deepEqual(
            after.diagnostics.filter((d) => d.severity === 'error' && !MARKING_CODES.has(d.code)),
            [],
            fixed,
          );
          assert.equal(after.frontMatter?.title ?? 'T', 'T', 'the rest of the front matter is kept');
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('a raised classification is never lower than any portion, and keeps every NOFORN', () => {
    fc.assert(
      fc.property(markedBriefing, (text) => {
        const raise = parseBriefing(text).diagnostics.find((d) => d.code === 'portion-above-classification' && d.fix);
        if (!raise?.fix) return;
        const fixed = applyEdits(
          text,
          raise.fix.edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
        );
        const after = parseBriefing(fixed).diagnostics.filter((d) => MARKING_CODES.has(d.code));
        assert.deepEqual(after, [], fixed);
      }),
      { numRuns: RUNS },
    );
  });
});

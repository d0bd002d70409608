import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseBriefing } from '../../src/core';
import { applyEdits } from '../../src/core/language/rename';
import { scaledTimeout } from './generators';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const CODE = 'confidence-with-likelihood';

/** Prose of the words that matter to the check: terms, levels, sentence ends, blocks, code. */
const word = fc.constantFrom(
  'likely',
  'Very likely',
  'unlikely',
  'almost certainly',
  'remote chance',
  'remote',
  'it',
  'will',
  'happen',
  '[S1]',
  '(moderate confidence)',
  '(High confidence)',
  'low confidence',
  'confidence',
  'with',
  '.',
  '!',
  '?',
  '\n',
  '\n\n',
  '\r\n',
  '\n- ',
  '\n## ',
  '\n  ',
  '`',
  '(',
  ')',
  '\t',
);
const prose = fc.array(word, { maxLength: 12 }).map((words) => words.join(' '));
/** Half of the texts have a term, then a level in parentheses, with prose around. */
const body = fc.oneof(
  prose,
  fc.tuple(prose, fc.constantFrom('likely', 'nearly\ncertain'), prose, fc.constantFrom('(low confidence)', '(MODERATE CONFIDENCE)'), prose).map((parts) => parts.join(' ')),
);

suite('property: ICD 203 estimative language', function () {
  // A time limit like every property suite's: a busy machine took the default 2 s.
  this.timeout(scaledTimeout(60_000));
  test('each fix removes its warning, and adds no problem', () => {
    fc.assert(
      fc.property(fc.boolean(), body, (frontMatter, prose) => {
        const text = frontMatter ? `---\ntitle: T\n---\n${prose}` : prose;
        const before = parseBriefing(text).diagnostics;
        const warnings = before.filter((d) => d.code === CODE);
        for (const warning of warnings) {
          if (!warning.fix) continue;
          const fixed = applyEdits(
            text,
            warning.fix.edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
          );
          const after = parseBriefing(fixed).diagnostics;
          assert.ok(after.filter((d) => d.code === CODE).length < warnings.length, `${warning.fix.title}:\n${fixed}`);
          assert.deepEqual(
            after.filter((d) => d.code !== CODE).map((d) => d.code),
            before.filter((d) => d.code !== CODE).map((d) => d.code),
            fixed,
          );
        }
      }),
      { numRuns: RUNS },
    );
  });
});

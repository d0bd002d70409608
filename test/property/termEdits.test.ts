import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { EntityDraft } from '../../src/core/model/types';
import type { TermMatcher } from '../../src/core/match/matcher';
import { termsAfterEdit } from '../../src/core/match/termEdits';
import { buildTerms, type EntityTerms } from '../../src/core/match/terms';
import { scaledTimeout } from './generators';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);

/** Few words, so that names and aliases collide, within an entity and across entities. */
const WORDS = ['Kim', 'Kim Jong Un', 'Putin', 'Vladimir Putin', 'U Thant', 'Un', 'Russia', 'Moscow', 'Moscow  Oblast', 'Ким', 'K. Un', 'Kimberly'];
const entity = fc.record({ name: fc.constantFrom(...WORDS), aliases: fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }) });
const draft = ({ name, aliases }: { name: string; aliases: string[] }) => ({ name, aliases }) as unknown as EntityDraft;

/** What a matcher and its repeats say: every word's value, the count, the matches in a text of them all. */
function behaviour(terms: EntityTerms): unknown {
  const text = `${WORDS.join(' and ')}, Kim's, Un.`;
  const matches: number[] = [];
  terms.matcher.findAll(text, 0, text.length, [], (value, _layer, start, end) => matches.push(value, start, end));
  return { lookups: WORDS.map((word) => lookup(terms.matcher, word)), count: terms.matcher.termCount, repeats: terms.repeats, matches };
}

function lookup(matcher: TermMatcher, word: string): number {
  return matcher.lookup(word.replace(/ +/g, ' '));
}

suite('terms after an edit (fast-check)', function () {
  this.timeout(scaledTimeout(60_000));

  test('patched in place or built again, the terms after an edit behave as terms built from scratch, and the previous ones are untouched', () => {
    fc.assert(
      fc.property(
        fc.array(entity, { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.option(entity, { nil: undefined }), fc.constantFrom('replace', 'insert', 'delete')), { minLength: 1, maxLength: 3 }),
        (start, edits) => {
          const before = start.map(draft);
          const after = [...before];
          for (const [at, replacement, kind] of edits) {
            const index = at % (after.length + (kind === 'insert' ? 1 : 0));
            if (kind === 'delete' && after.length > 1) after.splice(index, 1);
            else if (kind === 'insert' && replacement) after.splice(index, 0, draft(replacement));
            else if (replacement && index < after.length) after[index] = draft(replacement);
          }
          const previous = buildTerms(before);
          const previousBehaviour = behaviour(previous);
          assert.deepEqual(behaviour(termsAfterEdit(before, previous, after)), behaviour(buildTerms(after)));
          assert.deepEqual(behaviour(previous), previousBehaviour);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

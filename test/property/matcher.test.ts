import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findAllLayered, TermMatcher } from '../../src/core/match/matcher';
import { scaledTimeout } from './generators';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);

/*
 * The trie matcher against a reference written straight from the rules of DESIGN.md (mentions):
 * slow and obvious, one regular expression per term tried at every position.
 */

/** Few pieces, so that terms share prefixes, contain one another and occur in the text. */
const TERM_PIECES = ['K', 'Ki', 'Kim', 'U', 'Un', 'U.', 'é', 'e\u0301', 'Жa', '_x', '1', '😀', '.', "'s"];
const TEXT_PIECES = [...TERM_PIECES, ' ', '  ', '\t', ' \t', 'a', '\u0301', '\uD800', '-', '\n'];

const anyTerm = fc.array(fc.constantFrom(...TERM_PIECES), { minLength: 1, maxLength: 3 }).chain((pieces) =>
  // Some pieces joined by a space (a name of several words), some glued (one word).
  fc.array(fc.boolean(), { minLength: pieces.length, maxLength: pieces.length }).map((spaces) => pieces.map((piece, k) => (k > 0 && spaces[k] ? ` ${piece}` : piece)).join('')),
);
// A term of one ASCII character turns the matcher's two-character filter off: keep such terms rare,
// so that most cases go through that filter.
const term = fc.oneof({ weight: 1, arbitrary: anyTerm }, { weight: 9, arbitrary: anyTerm.filter((found) => found.length > 1) });

/** Text of pieces and of the terms themselves (a space in one sometimes written as a tab or two spaces). */
function textWith(terms: readonly string[]): fc.Arbitrary<string> {
  const written = fc.tuple(fc.constantFrom(...terms), fc.constantFrom(' ', '\t', '  ')).map(([chosen, space]) => chosen.replace(/ /g, space));
  return fc.array(fc.oneof(fc.constantFrom(...TEXT_PIECES), written), { maxLength: 30 }).map((pieces) => pieces.join(''));
}

/** Sorted, non-overlapping `[start, end)` pairs inside `[0, length]`. */
function excludedIntervals(length: number, cuts: number[]): number[] {
  const points = [...new Set(cuts.map((cut) => cut % (length + 1)))].sort((a, b) => a - b);
  const pairs: number[] = [];
  for (let k = 0; k + 1 < points.length; k += 2) pairs.push(points[k], points[k + 1]);
  return pairs;
}

const WORD = /^[\p{L}\p{N}\p{M}_]$/u;

/** The code point that ends just before `offset` (a surrogate pair whole), or undefined. */
function codePointBefore(text: string, offset: number): string | undefined {
  if (offset <= 0) return undefined;
  const pair = text.slice(Math.max(0, offset - 2), offset);
  return pair.length === 2 && [...pair].length === 1 ? pair : text[offset - 1];
}

/** The code point that starts at `offset` (with its high surrogate when `offset` splits a pair), or undefined. */
function codePointAt(text: string, offset: number): string | undefined {
  if (offset >= text.length) return undefined;
  const split = offset > 0 && [...text.slice(offset - 1, offset + 1)].length === 1;
  return split ? text.slice(offset - 1, offset + 1) : String.fromCodePoint(text.codePointAt(offset)!);
}

const isWord = (character: string | undefined) => character !== undefined && WORD.test(character);

/** A term as a sticky pattern: each space matches a run of spaces and tabs. */
function termPattern(normalized: string): RegExp {
  return new RegExp(
    normalized
      .split(' ')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[ \\t]+'),
    'y',
  );
}

interface Layer {
  /** Normalized terms in the order added, each with its value (the first of equal terms kept). */
  readonly terms: readonly (readonly [string, number])[];
}

/**
 * Leftmost-longest, never overlapping, equal lengths to the earlier layer, inside `[from, to)` (the
 * boundaries looking beyond it); a term of the same value (entity) in the same layer that starts
 * inside a match and ends past it extends the match. `[start, end, layer, value]` each.
 */
function referenceMatches(layers: readonly Layer[], text: string, excluded: readonly number[], from = 0, to = text.length): number[][] {
  const inside = (offset: number) => excluded.some((value, k) => k % 2 === 0 && value <= offset && offset < excluded[k + 1]);
  const nextExcludedStart = (offset: number) => excluded.filter((value, k) => k % 2 === 0 && value > offset).concat(to)[0];
  const longestAt = (i: number, limit: number) => {
    let best: number[] | undefined;
    layers.forEach((layer, layerIndex) => {
      for (const [normalized, value] of layer.terms) {
        const pattern = termPattern(normalized);
        pattern.lastIndex = i;
        if (!pattern.test(text)) continue;
        const end = pattern.lastIndex;
        if (end > limit || isWord(codePointAt(text, end))) continue;
        if (!best || end > best[1]) best = [i, end, layerIndex, value];
      }
    });
    return best;
  };
  const found: number[][] = [];
  let i = from;
  while (i < to) {
    if (inside(i) || isWord(codePointBefore(text, i))) {
      i++;
      continue;
    }
    const limit = Math.min(to, nextExcludedStart(i));
    const best = longestAt(i, limit);
    if (best) {
      for (let j = i + 1; j < best[1]; j++) {
        if (isWord(codePointBefore(text, j))) continue;
        const inner = longestAt(j, limit);
        if (inner && inner[1] > best[1] && inner[2] === best[2] && inner[3] === best[3]) best[1] = inner[1];
      }
      found.push(best);
      i = best[1];
    } else i++;
  }
  return found;
}

/** Terms of few entities: an entity's name and its aliases share a value, and may overlap in the text. */
const ENTITY_COUNT = 3;

function build(terms: readonly string[], firstValue: number): { matcher: TermMatcher; layer: Layer } {
  const matcher = new TermMatcher();
  const kept: [string, number][] = [];
  terms.forEach((added, k) => {
    const value = firstValue + (k % ENTITY_COUNT);
    if (matcher.add(added, value)) kept.push([added, value]);
  });
  return { matcher, layer: { terms: kept } };
}

function trieMatches(matchers: readonly TermMatcher[], text: string, excluded: readonly number[], from = 0, to = text.length): number[][] {
  const found: number[][] = [];
  findAllLayered(matchers, text, from, to, excluded, (value, layer, start, end) => found.push([start, end, layer, value]));
  return found;
}

/** Terms, and a text made of pieces and of those terms. */
const termsAndText = (maxTerms: number) => fc.array(term, { minLength: 1, maxLength: maxTerms }).chain((terms) => fc.tuple(fc.constant(terms), textWith(terms)));
const cutPoints = fc.array(fc.nat(), { maxLength: 6 });

suite('term matcher against a reference (fast-check)', function () {
  this.timeout(scaledTimeout(120_000));

  test('one matcher finds what the rules say, outside the excluded intervals and inside the range searched', () => {
    fc.assert(
      fc.property(termsAndText(8), cutPoints, fc.nat(), fc.nat(), ([terms, body], cuts, fromCut, toCut) => {
        const excluded = excludedIntervals(body.length, cuts);
        const { matcher, layer } = build(terms, 0);
        assert.deepEqual(trieMatches([matcher], body, excluded), referenceMatches([layer], body, excluded));
        const [from, to] = [fromCut % (body.length + 1), toCut % (body.length + 1)].sort((a, b) => a - b);
        assert.deepEqual(trieMatches([matcher], body, excluded, from, to), referenceMatches([layer], body, excluded, from, to));
      }),
      { numRuns: RUNS },
    );
  });

  test('layered matchers find what one would, equal lengths going to the earlier layer', () => {
    fc.assert(
      fc.property(termsAndText(12), fc.nat(), cutPoints, ([terms, body], split, cuts) => {
        const excluded = excludedIntervals(body.length, cuts);
        const at = split % (terms.length + 1);
        const own = build(terms.slice(0, at), 0);
        const shared = build(terms.slice(at), 100);
        assert.deepEqual(trieMatches([own.matcher, shared.matcher], body, excluded), referenceMatches([own.layer, shared.layer], body, excluded));
      }),
      { numRuns: RUNS },
    );
  });

  test('a matcher patched with withTerms finds what one built with those terms does', () => {
    fc.assert(
      fc.property(termsAndText(12), fc.nat(), fc.array(fc.integer({ min: -1, max: 20 }), { maxLength: 4 }), ([terms, body], split, newValues) => {
        // The first terms are built; then some of the rest, or of the first, are given new values (-1: removed).
        const at = Math.max(1, split % (terms.length + 1));
        const { matcher } = build(terms.slice(0, at), 0);
        const changes = new Map(newValues.map((value, k) => [terms[(at + k) % terms.length], value]));
        const patched = matcher.withTerms(changes);
        const values = new Map<string, number>(
          terms
            .slice(0, at)
            .map((added, k) => [added, k % ENTITY_COUNT] as const)
            .reverse(),
        );
        for (const [changed, value] of changes) values.set(changed, value);
        const expected: Layer = { terms: [...values].filter(([, value]) => value !== -1) };
        assert.deepEqual(trieMatches([patched], body, []), referenceMatches([expected], body, []));
      }),
      { numRuns: RUNS },
    );
  });
});

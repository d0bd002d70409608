import { SPACE } from '../text/charCodes';
import { isWordCharAt, isWordCharBefore } from '../text/wordCharacters';
import { TrieStore } from './trieStore';

/**
 * Finds registered terms (names and aliases) in text: case-sensitive, whole words
 * (Unicode-aware boundaries), leftmost-longest, never overlapping, but that overlapping terms of
 * one entity are one match spanning them; a run of spaces in a term matches any run of spaces or
 * tabs. One pass over the text through a trie, starting only where a word may start, so the cost
 * is linear in the text for terms of bounded length.
 */

/**
 * Receives each match: the index given to `TermMatcher.add`, which of the matchers given to
 * `findAllLayered` found it, and its `[start, end)`. Plain arguments keep the hot loop
 * allocation-free.
 */
export type MatchReport = (value: number, layer: number, start: number, end: number) => void;

/** A term's canonical form: trimmed, every run of spaces and tabs made one space. */
export function normalizeTerm(term: string): string {
  // Most terms are normal already: test before making a new string.
  return NEEDS_NORMALIZING.test(term) ? term.trim().replace(/[ \t]+/g, ' ') : term;
}

/** Leading or trailing white space, a tab, or two spaces in a row. */
const NEEDS_NORMALIZING = /^\s|\s$|\t| {2}/;

export class TermMatcher {
  /** `trie`: for `withTerms`, a copy of another matcher's trie (the filters are copied after). */
  readonly #trie: TrieStore;

  constructor(trie: TrieStore = new TrieStore()) {
    this.#trie = trie;
  }

  /** Fast filter: can a term start with this ASCII code unit? */
  readonly asciiFirst = new Uint8Array(128);
  /** Faster filter: can a term start with these two ASCII code units (128 × first + second)? */
  readonly asciiPairs = new Uint8Array(128 * 128);
  /** Terms of one ASCII character, which the pair filter cannot see. */
  hasSingleAsciiTerm = false;
  /** Can a term start with a non-ASCII character? */
  hasNonAsciiFirst = false;
  /** The indices set in `asciiPairs`, so that a small matcher's filter merges into a large one's quickly. */
  readonly pairsSet: number[] = [];
  #size = 0;
  /**
   * Per value (entity), from its terms: each rest of a term from a place inside it where the search
   * looks (after a character that is not a word's), and each head of a term up to a character that
   * is not a word's. A term can match from inside a match of another and end past it just when
   * the other's rest from there is its head: the match fixes the text up to its end, and no word
   * character after it. "Chairman Kim" and "Kim Jong Un" do ("Kim"); "General Uneldr" and
   * "Uneldr" do not, nor "Minister Lee" and "Leeds United".
   */
  #shapes = new Map<number, { readonly rests: Set<string>; readonly heads: Set<string> }>();
  /**
   * The values one of whose terms can start inside another of their own and go on past it (a rest
   * of one is a head of another, or of itself: "1 1" in "1 1 1"): only their matches are looked
   * into for it, which spares most entities (a name, a surname, a title with it). Never cleared
   * when a term goes: looking in vain costs time, never a wrong match.
   */
  #overlapping = new Set<number>();

  get termCount(): number {
    return this.#size;
  }

  /**
   * Adds a term. Returns false (and keeps the first) when an equal term is already present,
   * or when the term is empty.
   */
  add(term: string, value: number): boolean {
    const normalized = normalizeTerm(term);
    if (normalized.length === 0) return false;
    if (this.#trie.assign(normalized, value, true) !== -1) return false;
    this.#noteNewTerm(normalized);
    this.#noteTerm(normalized, value);
    return true;
  }

  /** Whether a term of this value may start inside a match of another of its terms and go on past it. */
  mayOverlapItself(value: number): boolean {
    return this.#overlapping.has(value);
  }

  #noteTerm(normalized: string, value: number, copied?: Set<number>): void {
    let shapes = this.#shapes.get(value);
    if (copied && shapes && !copied.has(value)) {
      // A copy made by withTerms shares its sets with the original until it changes them.
      shapes = { rests: new Set(shapes.rests), heads: new Set(shapes.heads) };
      this.#shapes.set(value, shapes);
    }
    copied?.add(value);
    if (!shapes) this.#shapes.set(value, (shapes = { rests: new Set(), heads: new Set() }));
    const { rests, heads } = shapes;
    let overlaps = false;
    for (let at = 1; at < normalized.length; at++) {
      if (!isWordCharBefore(normalized, at)) {
        const rest = normalized.slice(at);
        rests.add(rest);
        overlaps ||= heads.has(rest);
      }
      if (!isWordCharAt(normalized, at)) {
        const head = normalized.slice(0, at);
        heads.add(head);
        overlaps ||= rests.has(head);
      }
    }
    if (overlaps) this.#overlapping.add(value);
  }

  /**
   * A copy of this matcher in which each given term (normalized) has the given value, -1 removing
   * it; this matcher stays as it was. Copying the trie's arrays costs far less than building it
   * again, so a change of a few names in a thousand costs a few paths. (A removed term's first
   * characters stay in the quick filters, which may then let a few more places through to the
   * trie, never fewer.)
   */
  withTerms(changes: ReadonlyMap<string, number>): TermMatcher {
    const copy = new TermMatcher(this.#trie.copy());
    copy.asciiFirst.set(this.asciiFirst);
    copy.asciiPairs.set(this.asciiPairs);
    copy.pairsSet.push(...this.pairsSet);
    copy.hasSingleAsciiTerm = this.hasSingleAsciiTerm;
    copy.hasNonAsciiFirst = this.hasNonAsciiFirst;
    copy.#size = this.#size;
    copy.#shapes = new Map(this.#shapes);
    copy.#overlapping = new Set(this.#overlapping);
    const copied = new Set<number>();
    for (const [normalized, value] of changes) {
      if (normalized.length === 0) continue;
      const had = copy.#trie.assign(normalized, value);
      if (had !== -1 && value === -1) copy.#size--;
      else if (had === -1 && value !== -1) copy.#noteNewTerm(normalized);
      if (value !== -1) copy.#noteTerm(normalized, value, copied);
    }
    return copy;
  }

  /** Counts a new term and lets its first characters through the quick filters. */
  #noteNewTerm(normalized: string): void {
    this.#size++;
    const first = normalized.charCodeAt(0);
    if (first < 128) {
      // 2 (no pair filter for this first character) must survive later terms that start alike.
      if (this.asciiFirst[first] === 0) this.asciiFirst[first] = 1;
      const second = normalized.length > 1 ? normalized.charCodeAt(1) : -1;
      if (second < 0) this.hasSingleAsciiTerm = true;
      else if (second < 128 && second !== SPACE) {
        const pair = first * 128 + second;
        if (this.asciiPairs[pair] === 0) this.pairsSet.push(pair);
        this.asciiPairs[pair] = 1;
      } else {
        this.asciiFirst[first] = 2; // a space or non-ASCII second character: no pair filter
      }
    } else {
      this.hasNonAsciiFirst = true;
    }
  }

  /** Whether an equal term was added. */
  has(term: string): boolean {
    return this.lookup(normalizeTerm(term)) !== -1;
  }

  /** The value of an equal term, or -1. */
  lookup(normalized: string): number {
    return this.#trie.lookup(normalized);
  }

  /**
   * Reports the matches in `text[from, to)`, skipping the excluded intervals
   * (sorted, non-overlapping `[start, end)` pairs). Boundaries look at the characters
   * just outside a match, even beyond `from` and `to`.
   */
  findAll(text: string, from: number, to: number, excluded: readonly number[], report: MatchReport): void {
    findAllLayered([this], text, from, to, excluded, report);
  }

  /** Whether a term may start at `i`: a quick test on the first one or two characters. */
  canStartAt(text: string, i: number): boolean {
    if (this.#size === 0) return false;
    const code = text.charCodeAt(i);
    if (code >= 128) return this.hasNonAsciiFirst;
    const first = this.asciiFirst[code];
    if (first === 0) return false;
    if (first === 2 || this.hasSingleAsciiTerm) return true;
    const next = text.charCodeAt(i + 1);
    return next >= 128 || next !== next || this.asciiPairs[code * 128 + next] === 1;
  }

  /** The term found by the last `longestAt`; a field rather than a returned pair keeps the hot loop allocation-free. */
  get lastTerm(): number {
    return this.#trie.lastTerm;
  }

  /** The end of the longest term starting at `start` with a valid end boundary, or -1. Sets `lastTerm`. */
  longestAt(text: string, start: number, limit: number): number {
    return this.#trie.longestAt(text, start, limit);
  }
}

/**
 * Finds terms of several matchers as if they were one: leftmost-longest over all of them, an
 * equal length going to the earlier matcher. This lets a briefing's own terms sit over the
 * workspace registries' matcher, built once and shared by every briefing.
 */
export function findAllLayered(matchers: readonly TermMatcher[], text: string, from: number, to: number, excluded: readonly number[], report: MatchReport): void {
  const active = matchers.filter((matcher) => matcher.termCount > 0);
  if (active.length === 0) return;
  const { firstCharacters, asciiFirst, asciiPairs, pairFilter } = startFilter(active);
  let exclusion = 0;
  let i = from;
  while (i < to) {
    // The regular expression skips the characters that cannot start a term faster than a loop
    // here can; it runs over the whole range once, so the skipping stays linear.
    firstCharacters.lastIndex = i;
    if (!firstCharacters.test(text)) return;
    i = firstCharacters.lastIndex - 1;
    if (i >= to) return;
    while (exclusion < excluded.length && excluded[exclusion + 1] <= i) exclusion += 2;
    if (exclusion < excluded.length && excluded[exclusion] <= i) {
      i = excluded[exclusion + 1];
      continue;
    }
    const code = text.charCodeAt(i);
    if (code < 128 && asciiFirst[code] === 1 && pairFilter) {
      const next = text.charCodeAt(i + 1);
      if (next < 128 && asciiPairs[code * 128 + next] === 0) {
        i++;
        continue;
      }
    }
    if (isWordCharBefore(text, i)) {
      i++;
      continue;
    }
    // A term ends before the next excluded interval.
    const limit = exclusion < excluded.length ? Math.min(to, excluded[exclusion]) : to;
    if (!longestOfAll(matchers, active, text, i, limit)) {
      i++;
      continue;
    }
    const value = found.value;
    const layer = found.layer;
    let end = found.end;
    // A term of the same entity that starts inside the match and goes on past it makes one mention
    // of both ("Chairman Kim" and "Kim Jong Un" in "Chairman Kim Jong Un"); another entity's does not.
    if (matchers[layer].mayOverlapItself(value)) {
      for (let j = i + 1; j < end; j++) {
        if (isWordCharBefore(text, j) || !longestOfAll(matchers, active, text, j, limit)) continue;
        if (found.end > end && found.value === value && found.layer === layer) end = found.end;
      }
    }
    report(value, layer, i, end);
    i = end;
  }
}

/** What the last `longestOfAll` found; a shared record keeps the hot loop allocation-free. */
const found = { value: -1, layer: -1, end: -1 };

/**
 * The longest term of any matcher at `start` (an equal length going to the earlier matcher), into
 * `found`; false when there is none.
 */
function longestOfAll(matchers: readonly TermMatcher[], active: readonly TermMatcher[], text: string, start: number, limit: number): boolean {
  found.end = -1;
  for (let m = 0; m < active.length; m++) {
    const matcher = active[m];
    if (!matcher.canStartAt(text, start)) continue;
    const matchEnd = matcher.longestAt(text, start, limit);
    if (matchEnd > found.end) {
      found.end = matchEnd;
      found.value = matcher.lastTerm;
      found.layer = matchers.indexOf(matcher);
    }
  }
  return found.end >= 0;
}

/** The union of several matchers' quick filters. */
interface StartFilter {
  /** Global; matches a code unit that may start a term (every non-ASCII one when a term starts with one). */
  readonly firstCharacters: RegExp;
  readonly asciiFirst: Uint8Array;
  readonly asciiPairs: Uint8Array;
  readonly pairFilter: boolean;
  /** The matchers' term count when it was built: a matcher that gained terms needs a new one. */
  readonly termCount: number;
}

const filterCache = new WeakMap<TermMatcher, WeakMap<TermMatcher, StartFilter>>();
const singleFilterCache = new WeakMap<TermMatcher, StartFilter>();

function startFilter(active: readonly TermMatcher[]): StartFilter {
  if (active.length === 1) {
    const [only] = active;
    let filter = singleFilterCache.get(only);
    // A matcher can still gain terms: the filter is rebuilt when its size changed.
    if (!filter || filter.termCount !== only.termCount) {
      filter = makeFilter(only.asciiFirst, only.asciiPairs, !only.hasSingleAsciiTerm, only.hasNonAsciiFirst, only.termCount);
      singleFilterCache.set(only, filter);
    }
    return filter;
  }
  const [first, second] = active;
  const cached = active.length === 2 ? filterCache.get(first)?.get(second) : undefined;
  if (cached && cached.termCount === first.termCount + second.termCount) return cached;
  // Each briefing's own terms meet the registries' shared ones: start from the largest
  // matcher's tables, copied whole, and add the others' few pairs one by one.
  const largest = active.reduce((a, b) => (b.termCount > a.termCount ? b : a));
  const asciiFirst = largest.asciiFirst.slice();
  const asciiPairs = largest.asciiPairs.slice();
  for (const matcher of active) {
    if (matcher === largest) continue;
    for (let code = 0; code < 128; code++) asciiFirst[code] = Math.max(asciiFirst[code], matcher.asciiFirst[code]);
    for (const pair of matcher.pairsSet) asciiPairs[pair] = 1;
  }
  const filter = makeFilter(
    asciiFirst,
    asciiPairs,
    active.every((matcher) => !matcher.hasSingleAsciiTerm),
    active.some((matcher) => matcher.hasNonAsciiFirst),
    active.reduce((sum, matcher) => sum + matcher.termCount, 0),
  );
  if (active.length === 2) {
    let inner = filterCache.get(first);
    if (!inner) filterCache.set(first, (inner = new WeakMap()));
    inner.set(second, filter);
  }
  return filter;
}

function makeFilter(asciiFirst: Uint8Array, asciiPairs: Uint8Array, pairFilter: boolean, nonAscii: boolean, termCount: number): StartFilter {
  let characters = '';
  for (let code = 0; code < 128; code++) if (asciiFirst[code] !== 0) characters += `\\x${code.toString(16).padStart(2, '0')}`;
  if (nonAscii) characters += '\\u0080-\\uffff';
  // (A matcher with terms always has a first character; `[^\s\S]` matches nothing, for safety.)
  const firstCharacters = new RegExp(characters ? `[${characters}]` : '[^\\s\\S]', 'g');
  return { firstCharacters, asciiFirst, asciiPairs, pairFilter, termCount };
}

import { isSpaceOrTab, isWordCharAt, isWordCharBefore } from './characters';

/**
 * Finds registered terms (names and aliases) in text: case-sensitive, whole words
 * (Unicode-aware boundaries), leftmost-longest, never overlapping; a run of spaces
 * in a term matches any run of spaces or tabs. One pass over the text through a trie,
 * starting only where a word may start, so the cost is linear in the text for
 * terms of bounded length.
 */

interface TrieNode {
  /** Most nodes inside a name have one child: it is kept here, without a Map. */
  onlyCode: number;
  onlyChild: TrieNode | undefined;
  /** Children when there are several. */
  next: Map<number, TrieNode> | undefined;
  /** Taken on any run of spaces or tabs. */
  space: TrieNode | undefined;
  /** The index of the term that ends here, if one does. */
  term: number;
}

export interface TermMatch {
  /** The index given to `TermMatcher.add`. */
  readonly value: number;
  /** Which of the matchers given to `findAllLayered` found it. */
  readonly layer: number;
  readonly start: number;
  readonly end: number;
}

function newNode(): TrieNode {
  return { onlyCode: -1, onlyChild: undefined, next: undefined, space: undefined, term: -1 };
}

function child(node: TrieNode, code: number): TrieNode | undefined {
  return node.onlyCode === code ? node.onlyChild : node.next?.get(code);
}

function addChild(node: TrieNode, code: number): TrieNode {
  const existing = child(node, code);
  if (existing) return existing;
  const created = newNode();
  if (node.onlyChild === undefined && node.next === undefined) {
    node.onlyCode = code;
    node.onlyChild = created;
  } else {
    if (!node.next) {
      node.next = new Map([[node.onlyCode, node.onlyChild!]]);
      node.onlyCode = -1;
      node.onlyChild = undefined;
    }
    node.next.set(code, created);
  }
  return created;
}

/** A term's canonical form: trimmed, every run of spaces and tabs made one space. */
export function normalizeTerm(term: string): string {
  return term.trim().replace(/[ \t]+/g, ' ');
}

export class TermMatcher {
  private readonly root = newNode();
  /** Fast filter: can a term start with this ASCII code unit? */
  readonly asciiFirst = new Uint8Array(128);
  /** Faster filter: can a term start with these two ASCII code units (128 × first + second)? */
  readonly asciiPairs = new Uint8Array(128 * 128);
  /** Terms of one ASCII character, which the pair filter cannot see. */
  hasSingleAsciiTerm = false;
  /** Can a term start with a non-ASCII character? */
  hasNonAsciiFirst = false;
  private size = 0;

  get termCount(): number {
    return this.size;
  }

  /**
   * Adds a term. Returns false (and keeps the first) when an equal term is already present,
   * or when the term is empty.
   */
  add(term: string, value: number): boolean {
    const normalized = normalizeTerm(term);
    if (normalized.length === 0) return false;
    let node = this.root;
    for (let i = 0; i < normalized.length; i++) {
      const code = normalized.charCodeAt(i);
      if (code === 32) {
        node = node.space ??= newNode();
        continue;
      }
      node = addChild(node, code);
    }
    if (node.term !== -1) return false;
    node.term = value;
    this.size++;
    const first = normalized.charCodeAt(0);
    if (first < 128) {
      this.asciiFirst[first] = 1;
      const second = normalized.length > 1 ? normalized.charCodeAt(1) : -1;
      if (second < 0) this.hasSingleAsciiTerm = true;
      else if (second < 128 && second !== 32) this.asciiPairs[first * 128 + second] = 1;
      else this.asciiFirst[first] = 2; // a space or non-ASCII second character: no pair filter
    } else {
      this.hasNonAsciiFirst = true;
    }
    return true;
  }

  /** Whether an equal term was added. */
  has(term: string): boolean {
    return this.lookup(normalizeTerm(term)) !== -1;
  }

  /** The value of an equal term, or -1. */
  lookup(normalized: string): number {
    let node: TrieNode | undefined = this.root;
    for (let i = 0; i < normalized.length && node; i++) {
      const code = normalized.charCodeAt(i);
      node = code === 32 ? node.space : child(node, code);
    }
    return node ? node.term : -1;
  }

  /**
   * Reports the matches in `text[from, to)`, skipping the excluded intervals
   * (sorted, non-overlapping `[start, end)` pairs). Boundaries look at the characters
   * just outside a match, even beyond `from` and `to`.
   */
  findAll(text: string, from: number, to: number, excluded: readonly number[], report: (match: TermMatch) => void): void {
    findAllLayered([this], text, from, to, excluded, report);
  }

  /** Whether a term may start at `i`: a quick test on the first one or two characters. */
  canStartAt(text: string, i: number): boolean {
    if (this.size === 0) return false;
    const code = text.charCodeAt(i);
    if (code >= 128) return this.hasNonAsciiFirst;
    const first = this.asciiFirst[code];
    if (first === 0) return false;
    if (first === 2 || this.hasSingleAsciiTerm) return true;
    const next = text.charCodeAt(i + 1);
    return next >= 128 || next !== next || this.asciiPairs[code * 128 + next] === 1;
  }

  /** The term found by the last `longestAt`; a field rather than a returned pair keeps the hot loop allocation-free. */
  lastTerm = -1;

  /** The end of the longest term starting at `start` with a valid end boundary, or -1. Sets `lastTerm`. */
  longestAt(text: string, start: number, limit: number): number {
    let node: TrieNode | undefined = this.root;
    let i = start;
    let bestEnd = -1;
    let bestTerm = -1;
    while (node) {
      // A term may end here only if no word character follows it.
      if (node.term !== -1 && i > start && !isWordCharAt(text, i)) {
        bestEnd = i;
        bestTerm = node.term;
      }
      if (i >= limit) break;
      const code = text.charCodeAt(i);
      if (isSpaceOrTab(code)) {
        node = node.space;
        if (!node) break;
        while (i < limit && isSpaceOrTab(text.charCodeAt(i))) i++;
        continue;
      }
      node = child(node, code);
      i++;
    }
    this.lastTerm = bestTerm;
    return bestEnd;
  }
}

/**
 * Finds terms of several matchers as if they were one: leftmost-longest over all of them, an
 * equal length going to the earlier matcher. This lets a briefing's own terms sit over the
 * workspace registries' matcher, built once and shared by every briefing.
 */
export function findAllLayered(matchers: readonly TermMatcher[], text: string, from: number, to: number, excluded: readonly number[], report: (match: TermMatch) => void): void {
  const active = matchers.filter((matcher) => matcher.termCount > 0);
  if (active.length === 0) return;
  let segmentStart = from;
  let exclusion = 0;
  while (exclusion < excluded.length && excluded[exclusion + 1] <= from) exclusion += 2;
  while (segmentStart < to) {
    const segmentEnd = exclusion < excluded.length ? Math.min(to, Math.max(segmentStart, excluded[exclusion])) : to;
    findInSegment(active, matchers, text, segmentStart, segmentEnd, report);
    if (exclusion >= excluded.length) break;
    segmentStart = Math.max(segmentStart, excluded[exclusion + 1]);
    exclusion += 2;
  }
}

/** The union of several matchers' quick filters: one table look-up a character in the hot loop. */
interface StartFilter {
  readonly asciiFirst: Uint8Array;
  readonly asciiPairs: Uint8Array;
  readonly pairFilter: boolean;
  readonly nonAscii: boolean;
}

const filterCache = new WeakMap<TermMatcher, WeakMap<TermMatcher, StartFilter>>();

function startFilter(active: readonly TermMatcher[]): StartFilter {
  if (active.length === 1) {
    const [only] = active;
    return { asciiFirst: only.asciiFirst, asciiPairs: only.asciiPairs, pairFilter: !only.hasSingleAsciiTerm, nonAscii: only.hasNonAsciiFirst };
  }
  const [first, second] = active;
  const cached = active.length === 2 ? filterCache.get(first)?.get(second) : undefined;
  if (cached) return cached;
  const asciiFirst = new Uint8Array(128);
  const asciiPairs = new Uint8Array(128 * 128);
  for (const matcher of active) {
    for (let code = 0; code < 128; code++) asciiFirst[code] = Math.max(asciiFirst[code], matcher.asciiFirst[code]);
    for (let pair = 0; pair < asciiPairs.length; pair++) asciiPairs[pair] |= matcher.asciiPairs[pair];
  }
  const filter = {
    asciiFirst,
    asciiPairs,
    pairFilter: active.every((matcher) => !matcher.hasSingleAsciiTerm),
    nonAscii: active.some((matcher) => matcher.hasNonAsciiFirst),
  };
  if (active.length === 2) {
    let inner = filterCache.get(first);
    if (!inner) filterCache.set(first, (inner = new WeakMap()));
    inner.set(second, filter);
  }
  return filter;
}

function findInSegment(active: readonly TermMatcher[], all: readonly TermMatcher[], text: string, start: number, end: number, report: (match: TermMatch) => void): void {
  const { asciiFirst, asciiPairs, pairFilter, nonAscii } = startFilter(active);
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    // Most characters cannot start a term: skip them with a table look-up.
    if (code < 128) {
      const first = asciiFirst[code];
      if (first === 0) {
        i++;
        continue;
      }
      if (first === 1 && pairFilter) {
        const next = text.charCodeAt(i + 1);
        if (next < 128 && asciiPairs[code * 128 + next] === 0) {
          i++;
          continue;
        }
      }
    } else if (!nonAscii) {
      i++;
      continue;
    }
    if (isWordCharBefore(text, i)) {
      i++;
      continue;
    }
    let bestEnd = -1;
    let bestValue = -1;
    let bestLayer = -1;
    for (let m = 0; m < active.length; m++) {
      const matcher = active[m];
      if (active.length > 1 && !matcher.canStartAt(text, i)) continue;
      const matchEnd = matcher.longestAt(text, i, end);
      if (matchEnd > bestEnd) {
        bestEnd = matchEnd;
        bestValue = matcher.lastTerm;
        bestLayer = all.indexOf(matcher);
      }
    }
    if (bestEnd < 0) {
      i++;
      continue;
    }
    report({ value: bestValue, layer: bestLayer, start: i, end: bestEnd });
    i = bestEnd;
  }
}

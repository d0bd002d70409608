import { isSpaceOrTab, isWordCharAt, isWordCharBefore } from './characters';

/**
 * Finds registered terms (names and aliases) in text: case-sensitive, whole words
 * (Unicode-aware boundaries), leftmost-longest, never overlapping; a run of spaces
 * in a term matches any run of spaces or tabs. One pass over the text through a trie,
 * starting only where a word may start, so the cost is linear in the text for
 * terms of bounded length.
 */

interface TrieNode {
  next: Map<number, TrieNode> | undefined;
  /** Taken on any run of spaces or tabs. */
  space: TrieNode | undefined;
  /** The index of the term that ends here, if one does. */
  term: number;
}

export interface TermMatch {
  /** The index given to `TermMatcher.add`. */
  readonly value: number;
  readonly start: number;
  readonly end: number;
}

function newNode(): TrieNode {
  return { next: undefined, space: undefined, term: -1 };
}

/** A term's canonical form: trimmed, every run of spaces and tabs made one space. */
export function normalizeTerm(term: string): string {
  return term.trim().replace(/[ \t]+/g, ' ');
}

export class TermMatcher {
  private readonly root = newNode();
  /** Fast filter: can a term start with this ASCII code unit? */
  private readonly asciiFirst = new Uint8Array(128);
  private readonly hasNonAsciiFirst: boolean[] = [false];
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
      node.next ??= new Map();
      let child = node.next.get(code);
      if (!child) {
        child = newNode();
        node.next.set(code, child);
      }
      node = child;
    }
    if (node.term !== -1) return false;
    node.term = value;
    this.size++;
    const first = normalized.charCodeAt(0);
    if (first < 128) this.asciiFirst[first] = 1;
    else this.hasNonAsciiFirst[0] = true;
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
      node = code === 32 ? node.space : node.next?.get(code);
    }
    return node ? node.term : -1;
  }

  /**
   * Reports the matches in `text[from, to)`, skipping the excluded intervals
   * (sorted, non-overlapping `[start, end)` pairs). Boundaries look at the characters
   * just outside a match, even beyond `from` and `to`.
   */
  findAll(text: string, from: number, to: number, excluded: readonly number[], report: (match: TermMatch) => void): void {
    if (this.size === 0) return;
    const asciiFirst = this.asciiFirst;
    const nonAscii = this.hasNonAsciiFirst[0];
    const rootNext = this.root.next;
    let exclusion = 0;
    while (exclusion < excluded.length && excluded[exclusion + 1] <= from) exclusion += 2;
    let i = from;
    while (i < to) {
      // Jump over an excluded interval that starts here.
      if (exclusion < excluded.length && i >= excluded[exclusion]) {
        i = Math.max(i, excluded[exclusion + 1]);
        exclusion += 2;
        continue;
      }
      const code = text.charCodeAt(i);
      const candidate = code < 128 ? asciiFirst[code] === 1 : nonAscii;
      if (!candidate || !rootNext || isWordCharBefore(text, i)) {
        i++;
        continue;
      }
      const limit = exclusion < excluded.length ? Math.min(to, excluded[exclusion]) : to;
      const end = this.longestAt(text, i, limit);
      if (end < 0) {
        i++;
        continue;
      }
      report({ value: this.lastTerm, start: i, end });
      i = end;
    }
  }

  /** The term found by the last `longestAt`; a field rather than a returned pair keeps the hot loop allocation-free. */
  private lastTerm = -1;

  /** The end of the longest term starting at `start` with a valid end boundary, or -1. Sets `lastTerm`. */
  private longestAt(text: string, start: number, limit: number): number {
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
      node = node.next?.get(code);
      i++;
    }
    this.lastTerm = bestTerm;
    return bestEnd;
  }
}

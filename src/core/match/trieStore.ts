import { isSpaceOrTab, isWordCharAt } from '../text/wordCharacters';

/*
 * The matcher's trie, kept in typed arrays rather than one object per node: a state is eight
 * numbers side by side and a transition beyond its first child one slot of a hash table, so that
 * a walk touches a cache line or two per character instead of a node object and its lists of
 * codes and of children, scattered over the heap: the walk over many terms waits on memory, not
 * on computing (the gain is in docs/performance.md).
 */

/** The fields of a state, in order; `STRIDE` numbers per state. */
const TERM = 0; // the value of the term that ends here, or -1
const SPACE = 1; // the state taken on a run of spaces or tabs, or -1
const ONLY_CODE = 2; // the first child's code (most states have one child): looked up without hashing
const ONLY_CHILD = 3;
const TAIL_START = 4; // see `tails`; -1 when the state has no tail
const TAIL_LENGTH = 5;
const TAIL_TERM = 6;
const MANY = 7; // 1 when more children are in the hash table
const STRIDE = 8;

const ROOT = 0;
const SPACE_CODE = 32;
const EMPTY = -1;

export class TrieStore {
  #states: Int32Array;
  #count = 0;
  /** Transitions beyond a state's first child: `[state, code, child, unused]` per slot, open addressing. */
  #table: Int32Array;
  #tableBits: number;
  #tableUsed = 0;
  /** The root's children by ASCII code: nearly every search starts there. */
  #rootAscii: Int32Array;
  /**
   * The rests of terms, one after another. A state whose only continuation is one chain of
   * characters ending in one term (the first state of a term's new branch, as most of a name is)
   * has it here, compared as a string rather than state by state. A term added or changed through
   * such a state takes its tail away; the chain's own states stay, so a walk without it is right.
   */
  #tails = '';
  /** The value of the term found by the last `longestAt`. */
  lastTerm = -1;

  constructor(source?: TrieStore) {
    if (source) {
      this.#states = source.#states.slice();
      this.#count = source.#count;
      this.#table = source.#table.slice();
      this.#tableBits = source.#tableBits;
      this.#tableUsed = source.#tableUsed;
      this.#rootAscii = source.#rootAscii.slice();
      this.#tails = source.#tails;
      return;
    }
    // Small to start with: a workspace holds a trie per briefing, most of them with a few terms.
    this.#states = new Int32Array(16 * STRIDE);
    this.#tableBits = 4;
    this.#table = new Int32Array(4 << this.#tableBits).fill(EMPTY);
    this.#rootAscii = new Int32Array(128).fill(EMPTY);
    this.#newState();
    this.#states[ROOT * STRIDE + MANY] = 1; // the root's children are in `rootAscii` and the table
  }

  /** A copy to change without changing this one. */
  copy(): TrieStore {
    return new TrieStore(this);
  }

  /** The value at `normalized`'s end, or -1. */
  lookup(normalized: string): number {
    let state = ROOT;
    for (let i = 0; i < normalized.length && state !== EMPTY; i++) {
      const code = normalized.charCodeAt(i);
      state = this.#next(state, code);
    }
    return state === EMPTY ? -1 : this.#states[state * STRIDE + TERM];
  }

  /**
   * Gives `normalized` the value `value` (-1 removes it) and returns the value it had (-1: none).
   * With `keepFirst`, an existing term keeps its value.
   */
  assign(normalized: string, value: number, keepFirst = false): number {
    const states = this.#states;
    let state = ROOT;
    let i = 0;
    // Down the states the term shares with earlier ones: a term now goes through them, so their
    // tails (one chain, one term) no longer hold…
    for (; i < normalized.length; i++) {
      const code = normalized.charCodeAt(i);
      const next = this.#next(state, code);
      if (next === EMPTY) break;
      state = next;
      states[state * STRIDE + TAIL_START] = EMPTY;
    }
    if (i === normalized.length) {
      const had = this.#states[state * STRIDE + TERM];
      if (!keepFirst || had === -1) this.#states[state * STRIDE + TERM] = value;
      return had;
    }
    if (value === -1) return -1;
    // …then a new branch, without looking anything up; its first state knows the rest as its tail.
    for (let first = true; i < normalized.length; i++, first = false) {
      state = this.#addChild(state, normalized.charCodeAt(i));
      if (first && i + 1 < normalized.length) this.#setTail(state, normalized.slice(i + 1), value);
    }
    this.#states[state * STRIDE + TERM] = value;
    return -1;
  }

  /**
   * The end of the longest term starting at `start` and ending before `limit`, with no word
   * character after it, or -1. Sets `lastTerm`.
   */
  longestAt(text: string, start: number, limit: number): number {
    const states = this.#states;
    let state = ROOT;
    let i = start;
    let bestEnd = -1;
    let bestTerm = -1;
    for (;;) {
      const base = state * STRIDE;
      const term = states[base + TERM];
      if (term !== -1 && i > start && !isWordCharAt(text, i)) {
        bestEnd = i;
        bestTerm = term;
      }
      if (i >= limit) break;
      const tailStart = states[base + TAIL_START];
      if (tailStart !== EMPTY) {
        const end = this.#tailEnd(text, i, limit, tailStart, tailStart + states[base + TAIL_LENGTH]);
        if (end >= 0 && !isWordCharAt(text, end)) {
          bestEnd = end;
          bestTerm = states[base + TAIL_TERM];
        }
        break;
      }
      const code = text.charCodeAt(i);
      if (isSpaceOrTab(code)) {
        state = states[base + SPACE];
        if (state === EMPTY) break;
        i = afterSpaces(text, i, limit);
        continue;
      }
      state = this.#child(state, code);
      if (state === EMPTY) break;
      i++;
    }
    this.lastTerm = bestTerm;
    return bestEnd;
  }

  /** Where the tail `tails[from, to)` ends if it is at `text[at…limit)` (a space standing for any run of spaces or tabs), or -1. */
  #tailEnd(text: string, at: number, limit: number, from: number, to: number): number {
    const tails = this.#tails;
    let i = at;
    for (let k = from; k < to; k++) {
      if (i >= limit) return -1;
      const expected = tails.charCodeAt(k);
      const code = text.charCodeAt(i);
      if (expected === SPACE_CODE) {
        if (!isSpaceOrTab(code)) return -1;
        i = afterSpaces(text, i, limit);
      } else if (code === expected) i++;
      else return -1;
    }
    return i;
  }

  /** The state after `code` from `state` (32: the space link), or -1. */
  #next(state: number, code: number): number {
    return code === SPACE_CODE ? this.#states[state * STRIDE + SPACE] : this.#child(state, code);
  }

  #child(state: number, code: number): number {
    const base = state * STRIDE;
    const states = this.#states;
    if (states[base + ONLY_CODE] === code) return states[base + ONLY_CHILD];
    if (states[base + MANY] === 0) return EMPTY;
    if (state === ROOT && code < 128) return this.#rootAscii[code];
    const table = this.#table;
    const mask = (1 << this.#tableBits) - 1;
    for (let slot = slotOf(state, code, this.#tableBits); ; slot = (slot + 1) & mask) {
      const at = slot << 2;
      const owner = table[at];
      if (owner === EMPTY) return EMPTY;
      if (owner === state && table[at + 1] === code) return table[at + 2];
    }
  }

  /** Makes the child for `code` (32: the space link), which `state` does not have yet. */
  #addChild(state: number, code: number): number {
    const created = this.#newState();
    const states = this.#states;
    const base = state * STRIDE;
    if (code === SPACE_CODE) states[base + SPACE] = created;
    else if (state === ROOT && code < 128) this.#rootAscii[code] = created;
    else if (states[base + ONLY_CODE] === EMPTY && states[base + MANY] === 0) {
      states[base + ONLY_CODE] = code;
      states[base + ONLY_CHILD] = created;
    } else {
      states[base + MANY] = 1;
      this.#insert(state, code, created);
    }
    return created;
  }

  #newState(): number {
    if ((this.#count + 1) * STRIDE > this.#states.length) {
      const grown = new Int32Array(this.#states.length * 2);
      grown.set(this.#states);
      this.#states = grown;
    }
    const state = this.#count++;
    const base = state * STRIDE;
    this.#states.fill(EMPTY, base, base + MANY);
    this.#states[base + MANY] = 0;
    return state;
  }

  #setTail(state: number, rest: string, value: number): void {
    const base = state * STRIDE;
    this.#states[base + TAIL_START] = this.#tails.length;
    this.#states[base + TAIL_LENGTH] = rest.length;
    this.#states[base + TAIL_TERM] = value;
    this.#tails += rest;
  }

  #insert(state: number, code: number, created: number): void {
    // At most half full, so that a search meets an empty slot soon.
    if ((this.#tableUsed + 1) * 2 > 1 << this.#tableBits) this.#growTable();
    const table = this.#table;
    const mask = (1 << this.#tableBits) - 1;
    let slot = slotOf(state, code, this.#tableBits);
    while (table[slot << 2] !== EMPTY) slot = (slot + 1) & mask;
    const at = slot << 2;
    table[at] = state;
    table[at + 1] = code;
    table[at + 2] = created;
    this.#tableUsed++;
  }

  #growTable(): void {
    const old = this.#table;
    this.#tableBits++;
    this.#table = new Int32Array(4 << this.#tableBits).fill(EMPTY);
    this.#tableUsed = 0;
    for (let at = 0; at < old.length; at += 4) if (old[at] !== EMPTY) this.#insert(old[at], old[at + 1], old[at + 2]);
  }
}

/** The end of the run of spaces and tabs at `at`, before `limit`. */
function afterSpaces(text: string, at: number, limit: number): number {
  let i = at;
  while (i < limit && isSpaceOrTab(text.charCodeAt(i))) i++;
  return i;
}

/** A transition's first slot: a multiplicative hash of the state and the code, its top bits. */
function slotOf(state: number, code: number, bits: number): number {
  return (Math.imul(state, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) >>> (32 - bits);
}

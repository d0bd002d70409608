/** The lines an event takes (a `TextRange` fits). */
export interface LineSpan {
  readonly start: { readonly line: number };
  readonly end: { readonly line: number };
}

/**
 * Which of a list of events holds a line, answered by a binary search over their lines, made once
 * per list. The cursor moves on every keystroke, and a long briefing has thousands of events:
 * searching the list each time took milliseconds a move, and typing waited for it.
 * Answers as `list.find` would: of events holding the line (should one's lines hold another's),
 * the first in the list's order.
 */
export class EventAtLine<T> {
  readonly #items: readonly T[];
  /** The indexes of the events that have lines here, by first line. */
  readonly #order: Int32Array;
  readonly #first: Int32Array;
  readonly #last: Int32Array;
  /** The greatest last line of the events up to each (in `#order`): where a search backwards can stop. */
  readonly #reach: Int32Array;

  /** @param linesOf an event's range, or undefined for one that is not in the document asked about (another briefing's) */
  constructor(items: readonly T[], linesOf: (item: T) => LineSpan | undefined) {
    this.#items = items;
    const ranges: { index: number; first: number; last: number }[] = [];
    items.forEach((item, index) => {
      const range = linesOf(item);
      if (range) ranges.push({ index, first: range.start.line, last: range.end.line });
    });
    ranges.sort((a, b) => a.first - b.first || a.index - b.index);
    const count = ranges.length;
    this.#order = new Int32Array(count);
    this.#first = new Int32Array(count);
    this.#last = new Int32Array(count);
    this.#reach = new Int32Array(count);
    let reach = -1;
    ranges.forEach(({ index, first, last }, k) => {
      this.#order[k] = index;
      this.#first[k] = first;
      this.#last[k] = last;
      reach = Math.max(reach, last);
      this.#reach[k] = reach;
    });
  }

  /** The event holding a 0-based line, if any. */
  at(line: number): T | undefined {
    // The last event that starts at or before the line...
    let low = 0;
    let high = this.#first.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.#first[middle] <= line) low = middle + 1;
      else high = middle;
    }
    // ...and those before it whose lines may still reach it.
    let found = -1;
    for (let k = low - 1; k >= 0 && this.#reach[k] >= line; k--) {
      if (this.#last[k] >= line && (found < 0 || this.#order[k] < found)) found = this.#order[k];
    }
    return found < 0 ? undefined : this.#items[found];
  }
}

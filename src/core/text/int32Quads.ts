/**
 * A growing list of records of four 32-bit integers, kept in one typed array: tens of thousands
 * of records cost no objects, and nothing for the garbage collector to trace.
 */
export class Int32Quads {
  protected data: Int32Array;
  #size = 0;

  constructor(capacity = 256) {
    this.data = new Int32Array(capacity * 4);
  }

  /** How many records there are. */
  get count(): number {
    return this.#size;
  }

  push(a: number, b: number, c: number, d: number): void {
    let at = this.#size * 4;
    if (at + 4 > this.data.length) {
      const grown = new Int32Array(Math.max(this.data.length * 2, 256));
      grown.set(this.data);
      this.data = grown;
    }
    const data = this.data;
    data[at++] = a;
    data[at++] = b;
    data[at++] = c;
    data[at] = d;
    this.#size++;
  }

  /** Drops the room kept for more records, once the list is complete; returns the records, four numbers each. */
  trim(): Int32Array {
    if (this.data.length !== this.#size * 4) this.data = this.data.slice(0, this.#size * 4);
    return this.data;
  }
}

/** Records whose third and fourth numbers are the start and end offsets of a range, in document order. */
export class RangeQuads extends Int32Quads {
  start(index: number): number {
    return this.data[index * 4 + 2];
  }

  end(index: number): number {
    return this.data[index * 4 + 3];
  }

  /** The index of the record whose range holds `offset` (both ends inclusive, as a cursor after a word), or -1. */
  indexAt(offset: number): number {
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (offset < this.start(mid)) high = mid - 1;
      else if (offset > this.end(mid)) low = mid + 1;
      else return mid;
    }
    return -1;
  }
}

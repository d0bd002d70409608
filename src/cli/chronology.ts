/**
 * The rows of a long chronology, held until all files are read and then written in order, in
 * bounded memory. W10k's events as JSON are larger than the memory the program may take, so rows
 * wait in buckets, one per month of the chronology, which spill into a temporary file when the
 * rows held grow large; each bucket is then read back, whole, in the chronology's order, and its
 * rows ordered by day (a bucket is a month: small enough to hold, however many files there are).
 * In document order, a bucket is a file.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writevSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DAYS_IN_CHRONOLOGY_KEY } from '../core';

/** Rows held in memory before the buckets spill to disk (twice as many took more memory for no speed). */
const HELD_BYTES = 16 * 1024 * 1024;
/** A bucket's rows are copied into chunks of this size: a row holds no view of its file's buffer, which goes at once. */
const CHUNK_BYTES = 64 * 1024;

interface Bucket {
  /** Each row's day in its month (0 for a month or a year alone), in the order added. */
  readonly days: number[];
  readonly byteLengths: number[];
  /** The rows held, one after another: full chunks, then the one being filled up to `filled`. */
  held: Buffer[];
  filled: number;
  heldBytes: number;
  /** Where the bucket's earlier rows lie in the spill file, in order. */
  readonly spilled: { readonly offset: number; readonly bytes: number }[];
}

/** The key that keeps a file's rows together, after the earlier files' (`--order document`). */
export function documentOrderKey(fileIndex: number): number {
  return fileIndex * DAYS_IN_CHRONOLOGY_KEY;
}

export class ChronologyRows {
  readonly #buckets = new Map<number, Bucket>();
  #heldBytes = 0;
  #spill: { readonly folder: string; readonly fd: number; size: number } | undefined;
  #count = 0;
  readonly #heldLimit: number;

  /** `heldBytes`: how many bytes of rows are held in memory before they spill to disk. */
  constructor(heldBytes = HELD_BYTES) {
    this.#heldLimit = heldBytes;
  }

  get count(): number {
    return this.#count;
  }

  /**
   * Adds a row, the UTF-8 bytes of `source` from `start` to `end`, at its key in the chronology
   * (`chronologyKey`; rows of one key keep the order they were added in). The bytes are copied.
   */
  add(key: number, source: Uint8Array, start = 0, end = source.length): void {
    const bucketKey = Number.isFinite(key) ? Math.floor(key / DAYS_IN_CHRONOLOGY_KEY) : Infinity;
    let bucket = this.#buckets.get(bucketKey);
    if (!bucket) this.#buckets.set(bucketKey, (bucket = { days: [], byteLengths: [], held: [], filled: 0, heldBytes: 0, spilled: [] }));
    const bytes = end - start;
    bucket.days.push(Number.isFinite(key) ? key - bucketKey * DAYS_IN_CHRONOLOGY_KEY : 0);
    bucket.byteLengths.push(bytes);
    copyInto(bucket, source, start, end);
    bucket.heldBytes += bytes;
    this.#heldBytes += bytes;
    this.#count++;
    if (this.#heldBytes > this.#heldLimit) this.#spillAll();
  }

  #spillAll(): void {
    if (!this.#spill) {
      const folder = mkdtempSync(join(tmpdir(), 'briefing-events-'));
      this.#spill = { folder, fd: openSync(join(folder, 'rows'), 'w+'), size: 0 };
    }
    const spill = this.#spill;
    for (const bucket of this.#buckets.values()) {
      if (bucket.heldBytes === 0) continue;
      const rows = heldRows(bucket);
      let written = 0;
      while (written < bucket.heldBytes) written += writevSync(spill.fd, unwritten(rows, written), spill.size + written);
      bucket.spilled.push({ offset: spill.size, bytes: written });
      spill.size += written;
      bucket.held = [];
      bucket.filled = 0;
      bucket.heldBytes = 0;
    }
    this.#heldBytes = 0;
  }

  /**
   * Writes every row in the chronology's order, `first` before the first row and `between` before
   * each other one, a bucket at a time; then lets the spill file go.
   */
  async writeInOrder(write: (bytes: Uint8Array) => Promise<void> | void, { first, between }: { readonly first: string; readonly between: string }): Promise<void> {
    const firstBytes = Buffer.from(first);
    const betweenBytes = Buffer.from(between);
    // Before the first row `first`, then `between` before each other one.
    let separator = firstBytes;
    let writing: Promise<void> | void = undefined;
    try {
      for (const key of [...this.#buckets.keys()].sort((a, b) => a - b)) {
        const bucket = this.#buckets.get(key)!;
        const rows = this.#read(bucket);
        const { byteLengths } = bucket;
        const starts = new Float64Array(byteLengths.length);
        for (let index = 1; index < byteLengths.length; index++) starts[index] = starts[index - 1] + byteLengths[index - 1];
        const order = byDay(bucket.days);
        // A bucket holds a row at least: its first row's separator, then `between` for the rest.
        const output = Buffer.allocUnsafe(rows.length + separator.length + betweenBytes.length * (order.length - 1));
        let at = 0;
        // A row's separator written byte by byte and its bytes copied: a copy call each for
        // 1.4 million two-byte separators, and the closure that named each, took most of the time.
        for (let k = 0; k < order.length; k++) {
          for (let byte = 0; byte < separator.length; byte++) output[at++] = separator[byte];
          separator = betweenBytes;
          const index = order[k];
          at += rows.copy(output, at, starts[index], starts[index] + byteLengths[index]);
        }
        this.#buckets.delete(key);
        // The next month is read back and ordered while this one is written.
        await writing;
        writing = write(output);
      }
      await writing;
    } finally {
      // A write under way ends before the spill file goes (a failed one has thrown above, or yields to the error that did).
      await Promise.allSettled([writing]);
      this.dispose();
    }
  }

  /** A bucket's rows, in the order added, read into one buffer. */
  #read(bucket: Bucket): Buffer {
    const rows = Buffer.allocUnsafe(bucket.byteLengths.reduce((sum, length) => sum + length, 0));
    let at = 0;
    for (const { offset, bytes } of bucket.spilled) {
      let read = 0;
      while (read < bytes) read += readSync(this.#spill!.fd, rows, at + read, bytes - read, offset + read);
      at += bytes;
    }
    for (const chunk of heldRows(bucket)) {
      rows.set(chunk, at);
      at += chunk.length;
    }
    return rows;
  }

  /** Removes the spill file, if rows spilled. */
  dispose(): void {
    if (!this.#spill) return;
    closeSync(this.#spill.fd);
    rmSync(this.#spill.folder, { recursive: true, force: true });
    this.#spill = undefined;
  }
}

/** The rows' indices ordered by day, each day's rows in the order they came: a stable counting sort. */
function byDay(days: readonly number[]): Uint32Array {
  const firstOfDay = new Uint32Array(DAYS_IN_CHRONOLOGY_KEY + 1);
  for (const day of days) firstOfDay[day + 1]++;
  for (let day = 1; day <= DAYS_IN_CHRONOLOGY_KEY; day++) firstOfDay[day] += firstOfDay[day - 1];
  const order = new Uint32Array(days.length);
  days.forEach((day, index) => {
    order[firstOfDay[day]++] = index;
  });
  return order;
}

/** Copies the bytes into the bucket's chunks, a new chunk begun when the last is full. */
function copyInto(bucket: Bucket, source: Uint8Array, start: number, end: number): void {
  while (start < end) {
    let chunk = bucket.held.at(-1);
    if (!chunk || bucket.filled === chunk.length) {
      bucket.held.push((chunk = Buffer.allocUnsafe(CHUNK_BYTES)));
      bucket.filled = 0;
    }
    const length = Math.min(end - start, chunk.length - bucket.filled);
    chunk.set(source.subarray(start, start + length), bucket.filled);
    bucket.filled += length;
    start += length;
  }
}

/** The bucket's held rows as the bytes of its chunks (the last one up to where it is filled). */
function heldRows(bucket: Bucket): Uint8Array[] {
  return bucket.held.map((chunk, index) => (index === bucket.held.length - 1 ? chunk.subarray(0, bucket.filled) : chunk));
}

/** The parts of `rows` from byte `from` on (a write may take fewer bytes than offered). */
function unwritten(rows: readonly Uint8Array[], from: number): Uint8Array[] {
  if (from === 0) return [...rows];
  const rest: Uint8Array[] = [];
  let skipped = 0;
  for (const row of rows) {
    if (skipped + row.length <= from) skipped += row.length;
    else {
      rest.push(row.subarray(Math.max(0, from - skipped)));
      skipped = Math.max(skipped, from);
    }
  }
  return rest;
}

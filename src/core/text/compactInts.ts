/**
 * Whole numbers kept for long (the summaries of a team's 10,000 files), in 16 bits each where
 * they all fit: a file of ordinary length numbers its lines, characters and offsets below 65,535,
 * and half the bytes is tens of megabytes across a workspace.
 */
export type CompactInts = Int32Array | Uint16Array;

/** What -1 ("none") reads as in `compactInts(values)`'s result. */
export type NoneMark = -1 | 0xffff;

/** `values` in 16 bits each if they are all in -1…65,534 (-1 read back as 0xffff: see `noneMark`), else `values` itself. */
export function compactInts(values: Int32Array): CompactInts {
  for (let i = 0; i < values.length; i++) if (values[i] < -1 || values[i] >= 0xffff) return values;
  return new Uint16Array(values);
}

/** What a -1 given to `compactInts` reads as in its result. */
export function noneMark(values: CompactInts): NoneMark {
  return values instanceof Uint16Array ? 0xffff : -1;
}

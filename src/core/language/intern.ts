import type { DatePoint } from '../model/types';
import { ownCopy } from '../text/fixedRange';

/**
 * Returns one copy of each equal string (names, tags repeat across a team's files), and of each
 * date; and numbers the names and dates that events use, the same number in every file (what a
 * summary's event columns hold, so that a filter tests each name of the workspace once).
 */
export interface Intern {
  (text: string): string;
  point(date: DatePoint): DatePoint;
  /** The number of a name or tag (interned), given it the first time. */
  nameId(text: string): number;
  /** The number of a name or tag, if an event of the workspace has used it. */
  knownNameId(text: string): number | undefined;
  /** The number of a date (interned), given it the first time. */
  pointId(date: DatePoint): number;
  /** The names and tags by their number. */
  readonly names: readonly string[];
  /** The dates by their number. */
  readonly points: readonly DatePoint[];
  /** By a date's number, the number of its text: `~2023` and `2023` are two dates of one text. */
  readonly pointTexts: readonly number[];
}

/** An interning table: strings kept as own copies (see `ownCopy`), dates by their text and mark. */
export function internTable(): Intern {
  const table = new ShardedMap<string>();
  const points = new Map<string, DatePoint>();
  const nameIds = new ShardedMap<number>();
  const names: string[] = [];
  // The dates' numbers by their text, exact and approximate apart: a workspace's million events
  // each ask for one or two, and a key made of both, hashed for each, took longer than the rest.
  const exactPointIds = new Map<string, number>();
  const approximatePointIds = new Map<string, number>();
  const pointList: DatePoint[] = [];
  const pointTexts: number[] = [];
  const textNumbers = new Map<string, number>();
  const intern = (text: string) => {
    let kept = table.get(text);
    if (kept === undefined) table.set((kept = ownCopy(text)), kept);
    return kept;
  };
  const point = (date: DatePoint): DatePoint => {
    const key = `${date.approximate ? '~' : ''}${date.text}`;
    let kept = points.get(key);
    if (!kept) points.set(key, (kept = { ...date, text: intern(date.text) }));
    return kept;
  };
  return Object.assign(intern, {
    point,
    nameId(text: string): number {
      let id = nameIds.get(text);
      if (id === undefined) {
        // Keyed by the copy: the text asked with may be a cut of a file's text, which a key would keep.
        const kept = intern(text);
        nameIds.set(kept, (id = names.push(kept) - 1));
      }
      return id;
    },
    knownNameId: (text: string) => nameIds.get(text),
    pointId(date: DatePoint): number {
      const byText = date.approximate ? approximatePointIds : exactPointIds;
      let id = byText.get(date.text);
      if (id === undefined) {
        const kept = point(date);
        byText.set(kept.text, (id = pointList.push(kept) - 1));
        let text = textNumbers.get(kept.text);
        if (text === undefined) textNumbers.set(kept.text, (text = textNumbers.size));
        pointTexts.push(text);
      }
      return id;
    },
    names,
    points: pointList,
    pointTexts,
  });
}

const SHARDS = 64;

/**
 * A map of strings in shards. A workspace's table holds hundreds of thousands of strings, and a
 * single Map that grows copies them all at once, which blocked the extension host for tens of
 * milliseconds; a shard grows alone.
 */
class ShardedMap<V> {
  readonly #shards = Array.from({ length: SHARDS }, () => new Map<string, V>());

  #shard(key: string): Map<string, V> {
    const last = key.length - 1;
    return this.#shards[(key.length + (last < 0 ? 0 : key.charCodeAt(0) * 31 + key.charCodeAt(last) * 7 + key.charCodeAt(last >> 1))) & (SHARDS - 1)];
  }

  get(key: string): V | undefined {
    return this.#shard(key).get(key);
  }

  set(key: string, value: V): void {
    this.#shard(key).set(key, value);
  }
}

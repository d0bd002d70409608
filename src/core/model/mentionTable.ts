import { BodyMention } from './bodyMention';
import { RangeQuads } from '../text/int32Quads';
import type { LineIndex } from '../text/lineIndex';
import type { Entity, Mention } from './types';

/**
 * A briefing's mentions in document order, as four numbers each: its entity's slot, its line,
 * its start and its end offset. A long briefing has tens of thousands of mentions: held as
 * numbers, they cost the parse no objects and the garbage collector nothing to copy. `Mention`
 * objects are made when a feature asks for them (see `MentionIndex`); semantic tokens, hovers
 * and events read the numbers.
 */
export class MentionTable extends RangeQuads {
  /** Appends a mention; mentions come in document order. `slot` says whose it is (see `MentionIndex`). */
  add(slot: number, line: number, start: number, end: number): void {
    this.push(slot, line, start, end);
  }

  slot(index: number): number {
    return this.data[index * 4];
  }

  line(index: number): number {
    return this.data[index * 4 + 1];
  }

  /** The index of the first mention that starts at or after `offset`. */
  firstFrom(offset: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.start(mid) < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/**
 * A model's mentions: the table, the entities its slots stand for, and the `Mention` objects,
 * made once each when first asked for (so a mention is the same object wherever it is reached).
 */
export class MentionIndex {
  /** Objects made one by one (a hover, a definition) before the whole list was asked for. */
  #made: Map<number, Mention> | undefined;
  #all: Mention[] | undefined;
  #bySlot: (readonly Mention[] | undefined)[] | undefined;
  #slotsServed = 0;
  #grouping: { order: Int32Array; starts: Int32Array } | undefined;
  /** The entity of each slot. */
  readonly #entities: readonly Entity[];
  readonly #lines: LineIndex;

  constructor(
    readonly table: MentionTable,
    entities: readonly Entity[],
    lines: LineIndex,
  ) {
    this.#entities = entities;
    this.#lines = lines;
  }

  entityOf(index: number): Entity {
    return this.#entities[this.table.slot(index)];
  }

  mention(index: number): Mention {
    if (this.#all) return this.#all[index];
    const made = (this.#made ??= new Map());
    let mention = made.get(index);
    if (!mention) {
      mention = this.#make(index);
      made.set(index, mention);
    }
    return mention;
  }

  #make(index: number): Mention {
    const { table } = this;
    return new BodyMention(this.entityOf(index), this.#lines, table.line(index), table.start(index), table.end(index));
  }

  /** Every mention, in document order. */
  mentions(): readonly Mention[] {
    if (!this.#all) {
      const all = new Array<Mention>(this.table.count);
      const made = this.#made;
      for (let i = 0; i < all.length; i++) all[i] = made?.get(i) ?? this.#make(i);
      this.#all = all;
      this.#made = undefined;
    }
    return this.#all;
  }

  /** The mentions of one slot's entity, in document order. */
  mentionsOf(slot: number): readonly Mention[] {
    const lists = (this.#bySlot ??= new Array(this.#entities.length));
    let list = lists[slot];
    if (!list) {
      const indices = this.#indicesOf(slot);
      const mentions = new Array<Mention>(indices.length);
      for (let k = 0; k < mentions.length; k++) mentions[k] = this.mention(indices[k]);
      list = mentions.length === 0 ? NONE : mentions;
      lists[slot] = list;
    }
    return list;
  }

  /**
   * The indices of one slot's mentions. The first few slots asked for (a hover, references) are
   * found by one pass over the table each; past them (the Actors view, an export asks for every
   * entity), the table is grouped by slot once.
   */
  #indicesOf(slot: number): Int32Array {
    const { table } = this;
    if (!this.#grouping && ++this.#slotsServed > SLOTS_BEFORE_GROUPING) {
      this.#grouping = groupBySlot(table, this.#entities.length);
      // Most mentions will be asked for: made all at once, in a list rather than a map.
      this.mentions();
    }
    if (this.#grouping) {
      const { order, starts } = this.#grouping;
      return order.subarray(starts[slot], starts[slot + 1]);
    }
    let count = 0;
    for (let i = 0; i < table.count; i++) if (table.slot(i) === slot) count++;
    const indices = new Int32Array(count);
    for (let i = 0, k = 0; k < count; i++) if (table.slot(i) === slot) indices[k++] = i;
    return indices;
  }
}

/** How many slots are served by a pass over the table each before the table is grouped. */
const SLOTS_BEFORE_GROUPING = 8;

/** The mention indices grouped by slot (in document order within a slot): slot `s` has `order[starts[s] .. starts[s + 1])`. */
function groupBySlot(table: MentionTable, slotCount: number): { order: Int32Array; starts: Int32Array } {
  const starts = new Int32Array(slotCount + 1);
  for (let i = 0; i < table.count; i++) starts[table.slot(i) + 1]++;
  for (let slot = 0; slot < slotCount; slot++) starts[slot + 1] += starts[slot];
  const filled = starts.slice(0, slotCount);
  const order = new Int32Array(table.count);
  for (let i = 0; i < table.count; i++) order[filled[table.slot(i)]++] = i;
  return { order, starts };
}

const NONE: readonly Mention[] = Object.freeze([]);

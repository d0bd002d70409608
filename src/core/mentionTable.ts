import { BodyMention } from './bodyMention';
import { Int32Quads } from './int32Quads';
import type { LineIndex } from './lineIndex';
import type { Entity, Mention } from './types';

/**
 * A briefing's mentions in document order, as four numbers each: its entity's slot, its line,
 * its start and its end offset. A long briefing has tens of thousands of mentions: held as
 * numbers, they cost the parse no objects and the garbage collector nothing to copy. `Mention`
 * objects are made when a feature asks for them (see `MentionIndex`); semantic tokens, hovers
 * and events read the numbers.
 */
export class MentionTable extends Int32Quads {
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

  start(index: number): number {
    return this.data[index * 4 + 2];
  }

  end(index: number): number {
    return this.data[index * 4 + 3];
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

  /** The index of the mention whose range holds `offset` (both ends inclusive, as a cursor after a word), or -1. */
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

/**
 * A model's mentions: the table, the entities its slots stand for, and the `Mention` objects,
 * made once each when first asked for (so a mention is the same object wherever it is reached).
 */
export class MentionIndex {
  private objects: (Mention | undefined)[] | undefined;
  private all: readonly Mention[] | undefined;
  private bySlot: (readonly Mention[] | undefined)[] | undefined;
  private grouping: { order: Int32Array; starts: Int32Array } | undefined;

  constructor(
    readonly table: MentionTable,
    /** The entity of each slot. */
    private readonly entities: readonly Entity[],
    private readonly lines: LineIndex,
  ) {}

  entityOf(index: number): Entity {
    return this.entities[this.table.slot(index)];
  }

  mention(index: number): Mention {
    const objects = (this.objects ??= new Array<Mention | undefined>(this.table.count));
    let mention = objects[index];
    if (!mention) {
      const { table } = this;
      mention = new BodyMention(this.entityOf(index), this.lines, table.line(index), table.start(index), table.end(index));
      objects[index] = mention;
    }
    return mention;
  }

  /** Every mention, in document order. */
  mentions(): readonly Mention[] {
    if (!this.all) {
      const all = new Array<Mention>(this.table.count);
      for (let i = 0; i < all.length; i++) all[i] = this.mention(i);
      this.all = all;
    }
    return this.all;
  }

  /** The mentions of one slot's entity, in document order. */
  mentionsOf(slot: number): readonly Mention[] {
    const lists = (this.bySlot ??= new Array(this.entities.length));
    let list = lists[slot];
    if (!list) {
      const { order, starts } = (this.grouping ??= groupBySlot(this.table, this.entities.length));
      const mentions = new Array<Mention>(starts[slot + 1] - starts[slot]);
      for (let k = 0; k < mentions.length; k++) mentions[k] = this.mention(order[starts[slot] + k]);
      list = mentions.length === 0 ? NONE : mentions;
      lists[slot] = list;
    }
    return list;
  }
}

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

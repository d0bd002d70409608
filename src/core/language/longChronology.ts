/**
 * A chronology too long to list (a team's workspace: a million events and more) as years of
 * months, in order, made of the summaries' columns without an object per event: each month holds
 * its events as numbers (which file, which event of it) and makes them when it is read (a month
 * expanded in the Events view, the pictures), sorted then (`sortChronologically`). A year's events
 * that name no month are a group of their own, before its months; invalid dates are the last
 * group. The months' ids are those of grouping by month.
 */
import { ColumnEvent, type CollectedFile, type EventColumns } from './eventColumns';
import { DAYS_IN_CHRONOLOGY_KEY, MONTHS_IN_CHRONOLOGY_KEY, monthLabel, type ChronologyYear, type EventFilter, type TimelineEvent, type TimelineGroup } from './timeline';

/** A summary as the long chronology reads it. */
export interface ColumnsSource {
  readonly source: string;
  readonly label: string;
  readonly briefing: { readonly eventColumns: EventColumns; readonly sections: readonly { readonly title: string }[] };
}

export interface LongChronology {
  readonly years: readonly ChronologyYear[];
  readonly invalid: TimelineGroup | undefined;
  /** The events the filter keeps. */
  readonly count: number;
}

/** The month key of an invalid date: below every real one (a year times 13 plus its month: `chronologyKey`). */
const INVALID_MONTH = -1;
/** Not kept by the filter. */
const LEFT_OUT = -1;
/**
 * Each event's month while a chronology is made, kept from one to the next: a new array each
 * time (a number for each of a workspace's million events) waited for the collector, and the
 * filter typed again and again took the extension host's memory up by as much each time.
 */
let slotScratch = new Int32Array(0);

/** The events of `sources` that `filter` keeps (as `filterEvents` keeps them), as years of months. */
export function longChronology(sources: readonly ColumnsSource[], filter: EventFilter | undefined): LongChronology {
  const files: CollectedFile[] = [];
  let total = 0;
  for (const { source, label, briefing } of sources) {
    files.push({ source, label, columns: briefing.eventColumns, sections: briefing.sections, firstOrdinal: total });
    total += briefing.eventColumns.count;
  }
  // Each event's month (a slot, in the order first met), counted; then each month's numbers made their length at once.
  const slotOfMonth = new Map<number, number>();
  const monthKeys: number[] = [];
  const counts: number[] = [];
  if (slotScratch.length < total) slotScratch = new Int32Array(total);
  const slotOf = slotScratch;
  const shared = new Map<object, unknown>();
  let at = 0;
  for (const { label, columns } of files) {
    const test = filter ? columns.filterTest(filter, label, shared) : undefined;
    for (let index = 0; index < columns.count; index++, at++) {
      if (test && !test(index)) {
        slotOf[at] = LEFT_OUT;
        continue;
      }
      const chronology = columns.chronologyKeyAt(index);
      const key = chronology === Infinity ? INVALID_MONTH : Math.floor(chronology / DAYS_IN_CHRONOLOGY_KEY);
      let slot = slotOfMonth.get(key);
      if (slot === undefined) {
        slotOfMonth.set(key, (slot = monthKeys.length));
        monthKeys.push(key);
        counts.push(0);
      }
      slotOf[at] = slot;
      counts[slot]++;
    }
  }
  const fileNumbers = counts.map((count) => new Int32Array(count));
  const eventNumbers = counts.map((count) => new Int32Array(count));
  const filled = new Int32Array(counts.length);
  at = 0;
  files.forEach(({ columns }, file) => {
    for (let index = 0; index < columns.count; index++, at++) {
      const slot = slotOf[at];
      if (slot === LEFT_OUT) continue;
      fileNumbers[slot][filled[slot]] = file;
      eventNumbers[slot][filled[slot]++] = index;
    }
  });
  const month = (slot: number, label: string) => new MonthOfColumns(`group:month:${label}`, label, files, fileNumbers[slot], eventNumbers[slot]);
  const years: { id: string; label: string; count: number; months: TimelineGroup[] }[] = [];
  let invalid: TimelineGroup | undefined;
  for (const slot of monthKeys.map((_, slot) => slot).sort((a, b) => monthKeys[a] - monthKeys[b])) {
    const key = monthKeys[slot];
    if (key === INVALID_MONTH) {
      invalid = month(slot, 'Invalid dates');
      continue;
    }
    const year = Math.floor(key / MONTHS_IN_CHRONOLOGY_KEY);
    // A key's month 0 holds its year's events that name no month.
    const monthOfYear = key % MONTHS_IN_CHRONOLOGY_KEY;
    const label = monthLabel(year, monthOfYear === 0 ? undefined : monthOfYear);
    if (years.at(-1)?.label !== String(year)) years.push({ id: `year:${year}`, label: String(year), count: 0, months: [] });
    years.at(-1)!.months.push(month(slot, label));
    years.at(-1)!.count += counts[slot];
  }
  return { years, invalid, count: counts.reduce((sum, count) => sum + count, 0) };
}

/** A month of a long chronology: its events as numbers, made (once) when they are read, in document order. */
class MonthOfColumns implements TimelineGroup {
  #events: TimelineEvent[] | undefined;
  readonly #files: readonly CollectedFile[];
  readonly #fileNumbers: Int32Array;
  readonly #eventNumbers: Int32Array;

  constructor(
    readonly id: string,
    readonly label: string,
    files: readonly CollectedFile[],
    fileNumbers: Int32Array,
    eventNumbers: Int32Array,
  ) {
    this.#files = files;
    this.#fileNumbers = fileNumbers;
    this.#eventNumbers = eventNumbers;
  }

  holdsEventAt(source: string, line: number): boolean {
    for (let k = 0; k < this.#fileNumbers.length; k++) {
      const file = this.#files[this.#fileNumbers[k]];
      if (file.source !== source) continue;
      const { start, end } = file.columns.event(this.#eventNumbers[k]).range;
      if (line >= start.line && line <= end.line) return true;
    }
    return false;
  }

  get events(): TimelineEvent[] {
    if (!this.#events) {
      const events = new Array<TimelineEvent>(this.#fileNumbers.length);
      for (let k = 0; k < events.length; k++) events[k] = new ColumnEvent(this.#files[this.#fileNumbers[k]], this.#eventNumbers[k]);
      this.#events = events;
    }
    return this.#events;
  }
}

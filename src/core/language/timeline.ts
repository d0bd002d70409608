import { pointText } from '../dates/dates';
import type { BriefingEvent, Briefing, EventFacts } from '../model/types';
import { plainText } from '../text/escape';

export type EventOrder = 'chronological' | 'document';
export type EventGrouping = 'none' | 'month' | 'actor' | 'place' | 'tag' | 'section';
export const EVENT_GROUPINGS: readonly EventGrouping[] = ['none', 'month', 'actor', 'place', 'tag', 'section'];
export const EVENT_ORDERS: readonly EventOrder[] = ['chronological', 'document'];

/** An event of one briefing of the timeline. */
export interface TimelineEvent {
  /**
   * Unique in the timeline: its file, its date and its rank among the file's events of that
   * date. Not its line or its text: typing in an event, or above it, keeps its row.
   */
  readonly id: string;
  readonly source: string;
  readonly event: EventFacts;
  /** The briefing's title or file, for the workspace scope. */
  readonly sourceLabel: string;
  /** The section holding the event, if any. */
  readonly section: string | undefined;
  /** Position in the merged document order (file, then line). */
  readonly ordinal: number;
  /** An event of a briefing's model: its rank among its file's events of its dates (its id's end), which tells ids apart without making them. */
  readonly occurrence?: number;
  /** An event of a summary's columns: its `chronologyKey`, read without making its `event`. */
  readonly chronologyKey?: number;
  /** An event of a summary's columns: they test a filter on all their events at once. */
  readonly columns?: FiltersColumns;
  /** With `columns`: the event's index in them. */
  readonly indexInColumns?: number;
}

/** A summary's event columns, as the filter and its list of choices read them (eventColumns.ts). */
export interface FiltersColumns {
  /**
   * Whether the event at an index meets `filter`, as `matchesFilter` says; `shared` is kept across
   * the files of one filtering. The test holds until the next one made with the same `shared`.
   */
  filterTest(filter: EventFilter, sourceLabel: string, shared: Map<object, unknown>): (index: number) => boolean;
  /** Calls `visit` with each of the event's actors, then places, then tags, making no event. */
  eachName(index: number, visit: (name: string, kind: 'actor' | 'place' | 'tag') => void): void;
}

export interface TimelineGroup {
  readonly id: string;
  readonly label: string;
  readonly events: TimelineEvent[];
  /** Whether it holds the event at a 0-based line of a briefing (`isEventAt`), told without making its events: a long chronology's month (longChronology.ts). */
  holdsEventAt?(source: string, line: number): boolean;
}

export interface EventFilter {
  /** Matched, ignoring case, against the text, the date, the actors, places and tags. */
  readonly text?: string;
  readonly actor?: string;
  readonly tag?: string;
}

export interface TimelineOptions {
  readonly order: EventOrder;
  readonly grouping: EventGrouping;
  readonly filter?: EventFilter;
}

export interface Timeline {
  /** Set when grouping is 'none'. */
  readonly events: TimelineEvent[] | undefined;
  /** Set for every other grouping. */
  readonly groups: TimelineGroup[] | undefined;
  /** Events after filtering (an event in several groups counts once). */
  readonly count: number;
  /** The events the filter keeps, in their order (each once): what the pictures draw. */
  readonly shown: readonly TimelineEvent[];
  /** Events before filtering. */
  readonly total: number;
}

/** What a chronology reads of a briefing: a model, or the summary of a file that is not open. */
export interface EventsOfBriefing {
  readonly events: readonly EventFacts[];
  readonly sections: readonly { readonly title: string }[];
  /** A summary's events in columns (eventColumns.ts): collected without making an object per event. */
  readonly eventColumns?: {
    readonly count: number;
    /** Sets its events in `into` from index `at` (their ordinals follow it). */
    collect(into: TimelineEvent[], at: number, source: string, label: string, sections: readonly { readonly title: string }[]): void;
  };
}

export interface TimelineSource {
  readonly source: string;
  readonly label: string;
  readonly briefing: EventsOfBriefing;
}

/** How many events the briefings hold, counted without making a summary's. */
export function eventCount(sources: readonly TimelineSource[]): number {
  return sources.reduce((sum, { briefing }) => sum + (briefing.eventColumns?.count ?? briefing.events.length), 0);
}

/** Collects the events of some briefings with stable ids. */
export function collectEvents(sources: readonly TimelineSource[]): TimelineEvent[] {
  // Made its length at once: a workspace's million events pushed one by one left the list up to
  // half as long again as they needed, and copies of it as it grew.
  const events: TimelineEvent[] = new Array(eventCount(sources));
  let at = 0;
  for (const { source, label, briefing } of sources) {
    if (briefing.eventColumns) {
      briefing.eventColumns.collect(events, at, source, label, briefing.sections);
      at += briefing.eventColumns.count;
      continue;
    }
    const seen = new Map<string, number>();
    for (const event of briefing.events) {
      const key = eventKey(event);
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      const section = event.sectionIndex === undefined ? undefined : briefing.sections[event.sectionIndex]?.title;
      events[at] = new CollectedEvent(source, event, label, section, at, occurrence);
      at++;
    }
  }
  return events;
}

/**
 * The event of a briefing with a timeline id, as it is now: a view's row finds its event's
 * current line when clicked, since a line added above moves the event without changing its row.
 */
export function eventById(briefing: Briefing, source: string, id: string): BriefingEvent | undefined {
  const index = collectEvents([{ source, label: '', briefing }]).findIndex((item) => item.id === id);
  return index < 0 ? undefined : briefing.events[index];
}

/** The date identifies an event; the events of one date are told apart by their order. */
function eventKey(event: Pick<EventFacts, 'start' | 'end'>): string {
  return `${event.start.text}|${event.end?.text ?? ''}`;
}

/** An event's timeline id (see `TimelineEvent.id`): its file, its dates, its rank among the file's events of those dates. */
export function timelineId(source: string, event: Pick<EventFacts, 'start' | 'end'>, occurrence: number): string {
  return `${source}#${eventKey(event)}#${occurrence}`;
}

/**
 * A workspace holds a hundred thousand events: each keeps its occurrence number and makes its
 * id when read (the tree reads only the shown ones'), rather than holding a long string.
 */
class CollectedEvent implements TimelineEvent {
  constructor(
    readonly source: string,
    readonly event: EventFacts,
    readonly sourceLabel: string,
    readonly section: string | undefined,
    readonly ordinal: number,
    /** Its rank among its file's events of its dates. */
    readonly occurrence: number,
  ) {}

  get id(): string {
    return timelineId(this.source, this.event, this.occurrence);
  }
}

/** A chronology key is a month key (`year × 13 + month`, month 0 for the year's own events) times 32, plus the day (0 for none). */
export const MONTHS_IN_CHRONOLOGY_KEY = 13;
export const DAYS_IN_CHRONOLOGY_KEY = 32;

/**
 * An event's place in the chronology as one whole number: its start, a year before its months and
 * a month before its days; Infinity for an invalid date, which comes last. Events of one key keep
 * their document order.
 */
export function chronologyKey({ valid, start }: Pick<BriefingEvent, 'valid' | 'start'>): number {
  // Its month as one whole number (a year's own events, with no month, before its months), then its day.
  return valid ? (start.year * MONTHS_IN_CHRONOLOGY_KEY + (start.month ?? 0)) * DAYS_IN_CHRONOLOGY_KEY + (start.day ?? 0) : Infinity;
}

/** An item's chronology key (from a summary's columns where it has them), invalid dates' a finite one past every date's. */
const keyOf = (item: TimelineEvent) => Math.min(item.chronologyKey ?? chronologyKey(item.event), INVALID_KEY);

/**
 * Chronological order: a year or a month sorts before the days inside it, approximate dates
 * sort with their exact peers, invalid dates come last; ties keep document order. Through one
 * numeric key an event: fast on 100,000 events.
 */
export function sortChronologically(items: readonly TimelineEvent[]): TimelineEvent[] {
  // Each item's key and its place in the list as one number, sorted as numbers, natively: a
  // comparison function called a hundred thousand times made a long briefing's first sorts slow
  // (its code not yet optimized). Ties keep the list's order, which is the document's: a list in
  // another order is put in the document's first.
  const keys = new Float64Array(items.length);
  for (let index = 0; index < items.length; index++) {
    if (items[index].ordinal < items[index - 1]?.ordinal) return sortChronologically([...items].sort((a, b) => a.ordinal - b.ordinal));
    keys[index] = keyOf(items[index]) * POSITIONS + index;
  }
  return Array.from(keys.sort(), (key) => items[key % POSITIONS]);
}

/** A key past every real date's (the year 9999's is about 4.2 million): invalid dates sort last. */
const INVALID_KEY = 1e8;
/** A list's places stay under this (ten million events): a key and a place make one whole number a double holds exactly. */
const POSITIONS = 1e7;

/** Whether an event is the one at a 0-based line of its briefing (from its marker to its last continuation line). */
export function isEventAt(item: TimelineEvent, source: string, line: number): boolean {
  return item.source === source && line >= item.event.range.start.line && line <= item.event.range.end.line;
}

export function matchesFilter(
  item: Pick<TimelineEvent, 'sourceLabel'> & { readonly event: Pick<BriefingEvent, 'text' | 'start' | 'end' | 'actors' | 'places' | 'tags'> },
  filter: EventFilter | undefined,
): boolean {
  if (!filter) return true;
  const { event } = item;
  if (filter.actor && !event.actors.includes(filter.actor) && !event.places.includes(filter.actor)) return false;
  if (filter.tag && !event.tags.includes(filter.tag)) return false;
  if (filter.text) {
    // Each part tested alone (a needle typed in one line cannot span two), ignoring case as
    // Unicode folds it; a pattern made once per needle: a team's chronology has a million events.
    const pattern = needlePattern(filter.text);
    const found =
      pattern.test(event.text) ||
      pattern.test(event.start.text) ||
      (event.end !== undefined && pattern.test(event.end.text)) ||
      event.actors.some((name) => pattern.test(name)) ||
      event.places.some((name) => pattern.test(name)) ||
      event.tags.some((tag) => pattern.test(`#${tag}`)) ||
      pattern.test(item.sourceLabel);
    if (!found) return false;
  }
  return true;
}

let lastNeedle: { readonly text: string; readonly pattern: RegExp } | undefined;

/** The filter's text as a pattern that finds it anywhere, ignoring case; made again only when the text changes. */
export function needlePattern(text: string): RegExp {
  if (lastNeedle?.text !== text) lastNeedle = { text, pattern: new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'iu') };
  return lastNeedle.pattern;
}

/**
 * The items `filter` keeps, in their order, as `matchesFilter` keeps them; but a summary's events
 * are tested in its columns: its texts searched at once, its names and dates once each.
 */
export function filterEvents(items: readonly TimelineEvent[], filter: EventFilter | undefined): TimelineEvent[] {
  // What the columns of every file find once (the workspace's names and dates, each tested once).
  const shared = new Map<object, unknown>();
  // A file's events come one after another: its test is made at the first of them.
  let columns: FiltersColumns | undefined;
  let test: (index: number) => boolean = () => false;
  return items.filter((item) => {
    if (!item.columns) return matchesFilter(item, filter);
    if (item.columns !== columns) {
      columns = item.columns;
      test = columns.filterTest(filter ?? {}, item.sourceLabel, shared);
    }
    return test(item.indexInColumns!);
  });
}

export function describeFilter(filter: EventFilter | undefined): string | undefined {
  if (!filter) return undefined;
  const parts = [filter.text && `"${filter.text}"`, filter.actor && `actor ${filter.actor}`, filter.tag && `#${filter.tag}`].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

const NONE = '\u0000';

/** A month's label in a chronology grouped by month: `2023-11`, or the year alone for its events that name no month. */
export function monthLabel(year: number, month: number | undefined): string {
  return month === undefined ? String(year) : `${year}-${String(month).padStart(2, '0')}`;
}

function groupKeys(item: TimelineEvent, grouping: EventGrouping): string[] {
  const { event } = item;
  switch (grouping) {
    case 'month':
      if (!event.valid) return ['Invalid dates'];
      return [monthLabel(event.start.year, event.start.month)];
    case 'actor':
      return event.actors.length > 0 ? [...event.actors] : [NONE];
    case 'place':
      return event.places.length > 0 ? [...event.places] : [NONE];
    case 'tag':
      return event.tags.length > 0 ? event.tags.map((tag) => `#${tag}`) : [NONE];
    case 'section':
      return [item.section === undefined ? NONE : item.section];
    default:
      return [];
  }
}

const NONE_LABELS: Record<EventGrouping, string> = {
  none: '',
  month: '',
  actor: '(no actor)',
  place: '(no place)',
  tag: '(no tag)',
  section: '(no section)',
};

/** Builds the tree of the Events view: ordered, filtered, grouped. */
export function buildTimeline(all: readonly TimelineEvent[], options: TimelineOptions): Timeline {
  const filtered = filterEvents(all, options.filter);
  const ordered = options.order === 'chronological' ? sortChronologically(filtered) : [...filtered].sort((a, b) => a.ordinal - b.ordinal);
  if (options.grouping === 'none') return { events: ordered, groups: undefined, count: ordered.length, shown: ordered, total: all.length };

  const groups = new Map<string, TimelineGroup & { first: TimelineEvent }>();
  for (const item of ordered) {
    for (const key of groupKeys(item, options.grouping)) {
      let group = groups.get(key);
      if (!group) {
        const label = key === NONE ? NONE_LABELS[options.grouping] : key;
        group = { id: `group:${options.grouping}:${key}`, label, events: [], first: item };
        groups.set(key, group);
      }
      group.events.push(item);
    }
  }
  const list = [...groups.values()];
  // Months and sections keep the order of their first event; names sort alphabetically, "(no …)" last.
  if (options.grouping === 'actor' || options.grouping === 'place' || options.grouping === 'tag') {
    list.sort((a, b) => Number(a.label.startsWith('(no ')) - Number(b.label.startsWith('(no ')) || a.label.localeCompare(b.label));
  } else if (options.grouping === 'month') {
    // Each group a month of its own; the group of invalid dates, past every date, stays last.
    list.sort((a, b) => keyOf(a.first) - keyOf(b.first));
  } else {
    list.sort((a, b) => a.first.ordinal - b.first.ordinal);
  }
  return { events: undefined, groups: list.map(({ id, label, events }) => ({ id, label, events })), count: ordered.length, shown: ordered, total: all.length };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, index) => value === b[index]);

/**
 * Whether an event's row shows the same in the views: its file, date, text, actors, places, tags
 * and section; the date's label is not made. Its lines are not shown: a row finds them when
 * clicked (`eventById`), so a line typed above moves no row.
 */
export function sameShown(a: TimelineEvent, b: TimelineEvent): boolean {
  return a.source === b.source && a.sourceLabel === b.sourceLabel && a.section === b.section && sameEvent(a.event, b.event);
}

/** Whether an event of a briefing shows the same: its date, text, actors, places and tags. */
function sameEvent(x: EventFacts, y: EventFacts): boolean {
  if (x.text !== y.text || x.valid !== y.valid || x.start.text !== y.start.text || x.start.approximate !== y.start.approximate) return false;
  if (x.end?.text !== y.end?.text || x.end?.approximate !== y.end?.approximate) return false;
  return sameList(x.actors, y.actors) && sameList(x.places, y.places) && sameList(x.tags, y.tags);
}

/** Whether two briefings' events show the same, in document order. */
export function sameEvents(a: readonly BriefingEvent[], b: readonly BriefingEvent[]): boolean {
  return a.length === b.length && a.every((event, index) => sameEvent(event, b[index]));
}

/**
 * Whether two timelines show the same, groups included: then a view need not be sent its items
 * again. Most typing changes no event (prose, a new line, or a line's words without a name); a
 * long briefing's view re-sent 6,000 items after each pause, and the editor's colours waited.
 */
export function sameTimeline(a: Timeline, b: Timeline): boolean {
  const y = groupsOf(b);
  return sameRows(a, b) && groupsOf(a).every((group, index) => group.events.every((item, k) => sameShown(item, y[index].events[k])));
}

const groupsOf = (timeline: Timeline): readonly TimelineGroup[] => timeline.groups ?? [{ id: '', label: '', events: timeline.events ?? [] }];

/**
 * Whether two timelines have the same rows: the same groups, the same events (by id) in each,
 * and the same count. What a row shows may differ (`sameShown`): an event's text edited. Then a
 * view sends only the rows that changed, rather than all of a long briefing's 6,000.
 */
export function sameRows(a: Timeline, b: Timeline): boolean {
  const [x, y] = [groupsOf(a), groupsOf(b)];
  return (
    a.total === b.total &&
    x.length === y.length &&
    x.every((group, index) => {
      const other = y[index];
      return group.id === other.id && group.label === other.label && group.events.length === other.events.length && group.events.every((item, k) => item.id === other.events[k].id);
    })
  );
}

/** The date expression as written, `~` and range included. */
export function dateLabel(event: Pick<BriefingEvent, 'start' | 'end'>): string {
  return `${pointText(event.start)}${event.end ? `..${pointText(event.end)}` : ''}`;
}

/** A text without its `#tags`, on one line of single spaces: what a row or a label shows (the tags are in the tooltip). */
export function textWithoutTags(text: string): string {
  return text
    .replace(/(^|\s)#[\p{L}][\p{L}\p{N}_-]*/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Longer than any Events view is wide: the view cuts the row itself, where it must. */
const ROW_TEXT_LENGTH = 300;

/**
 * An event's row in a list: its date, then its whole text on one line without tags (they are in
 * the tooltip); with `file`, the file's name (without `.briefing`) before the text, where a
 * narrow view does not cut it off.
 */
export function eventRowLabel(event: EventFacts, file?: string): string {
  const withoutTags = textWithoutTags(event.text);
  const text = withoutTags.length > ROW_TEXT_LENGTH ? `${withoutTags.slice(0, ROW_TEXT_LENGTH - 1).trimEnd()}…` : withoutTags;
  return `${dateLabel(event)}  ${file === undefined ? '' : `${file.replace(/\.briefing$/i, '')} · `}${text}`;
}

export function eventKindOf(event: EventFacts): 'invalid' | 'range' | 'approximate' | 'exact' {
  if (!event.valid) return 'invalid';
  if (event.end) return 'range';
  return event.approximate ? 'approximate' : 'exact';
}

/** The event as a line of text, for "Copy Event". */
export function eventAsText(item: TimelineEvent): string {
  return `${dateLabel(item.event)}: ${plainText(item.event.text, 10_000)}`;
}

/** A year of a long chronology: its months, each a group whose events keep their document order until shown. */
export interface ChronologyYear {
  readonly id: string;
  readonly label: string;
  readonly count: number;
  readonly months: readonly TimelineGroup[];
}

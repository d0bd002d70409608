import { datePointAt, daysInMonth, pointLength } from '../dates/dates';
import type { BriefingEvent, DatePoint } from '../model/types';
import { compareNames } from '../text/nameOrder';
import { dateLabel, textWithoutTags, type TimelineEvent } from './timeline';

/** How the timeline picture puts its events in lanes: one for all, or one per actor, place or tag. */
export type TimelineLanes = 'none' | 'actor' | 'place' | 'tag';
export const TIMELINE_LANES: readonly TimelineLanes[] = ['none', 'actor', 'place', 'tag'];

/**
 * An event as a picture's page gets it: plain data (a message is JSON; the model's ranges are made
 * when read), with only what the pictures draw. Every text is as written: the page shows it as text.
 */
export interface PictureEvent extends Pick<BriefingEvent, 'valid' | 'text' | 'actors' | 'places' | 'tags'> {
  /** The event's id in the Events view: the same event in both (it names its briefing). */
  readonly id: string;
  /**
   * Its 0-based first line when sent: it orders the events of a day. A line typed above moves the
   * event without sending it again; the extension goes to its line as it is now.
   */
  readonly line: number;
  /** The date as written (`~2023-11`, `2023-11-14..2023-11-30`): the page reads its days, and whether it is approximate, from it. */
  readonly date: string;
}

/** An event as the timeline picture draws it. */
export interface TimelineItem extends PictureEvent {
  /** Whether its date, or one end of its range, is approximate (`~`). */
  readonly approximate: boolean;
  /** A day is a point; a month, a year or a range is a span over its days. */
  readonly kind: 'point' | 'span';
  /** The first day, `YYYY-MM-DD`. */
  readonly start: string;
  /** For a span, the day after its last day (`YYYY-MM-DD`), as a time axis ends a span. */
  readonly end: string | undefined;
  /** The event's first clause, `~` before it when the date is approximate. */
  readonly label: string;
  /** The ids of the lanes it is drawn in (an event with two actors is in both of theirs). */
  readonly lanes: readonly string[];
}

export interface TimelineLane {
  readonly id: string;
  readonly label: string;
}

export interface TimelinePictureData {
  readonly items: readonly TimelineItem[];
  /** In the order drawn: names as a reader sorts them (case and accents aside), the lane of events without one last. */
  readonly lanes: readonly TimelineLane[];
  /** Events whose date is not a real one: not drawn, and counted for a note. */
  readonly invalid: number;
}

/** An event of the Events view as a picture's page gets it; its id without `prefix` (which the message names). */
export const pictureEvent = ({ id, event }: TimelineEvent, prefix = ''): PictureEvent => ({
  id: id.slice(prefix.length),
  line: event.range.start.line,
  valid: event.valid,
  date: dateLabel(event),
  text: event.text,
  actors: event.actors,
  places: event.places,
  tags: event.tags,
});

/** The events as plain data, for a message to a picture's page. */
export const pictureEvents = (events: readonly TimelineEvent[], prefix = ''): PictureEvent[] => events.map((event) => pictureEvent(event, prefix));

/** Lane ids are the names themselves; the lane of all events, and the lane of events without a name, have the empty id, which no name is. */
const ALL_LANE: TimelineLane = { id: '', label: 'All events' };
const OTHER_LANE = '';
const ONE_LANE: readonly string[] = [OTHER_LANE];
const NONE_LANE_LABELS: Record<Exclude<TimelineLanes, 'none'>, string> = { actor: '(no actor)', place: '(no place)', tag: '(no tag)' };
const LABEL_LENGTH = 80;

/**
 * The timeline picture's data: the events with valid dates, in their lanes, with their labels.
 * `made` holds the items made before for the same lanes, by event: a page given an event or two
 * of a long chronology makes only theirs again.
 */
export function timelinePicture(events: Iterable<PictureEvent>, lanes: TimelineLanes, made?: WeakMap<PictureEvent, TimelineItem>): TimelinePictureData {
  const items: TimelineItem[] = [];
  const names = new Set<string>();
  let invalid = 0;
  let withoutLane = false;
  for (const event of events) {
    if (!event.valid) {
      invalid++;
      continue;
    }
    let item = made?.get(event);
    if (!item) {
      item = timelineItem(event, lanes);
      made?.set(event, item);
    }
    for (const lane of item.lanes) {
      if (lane === OTHER_LANE) withoutLane = true;
      else names.add(lane);
    }
    items.push(item);
  }
  return { items, lanes: lanesOf(lanes, names, withoutLane), invalid };
}

/** A valid event as the picture draws it. */
function timelineItem(event: PictureEvent, lanes: TimelineLanes): TimelineItem {
  // A valid event's date is one or two points: `A` or `A..B`, each `~?YYYY(-MM(-DD)?)?`.
  const start = datePointAt(event.date, 0)!;
  const next = pointLength(start);
  const end = event.date.startsWith('..', next) ? datePointAt(event.date, next + 2) : undefined;
  const span = end !== undefined || start.precision !== 'day';
  const approximate = start.approximate || (end?.approximate ?? false);
  const clause = firstClause(event.text);
  // Written out rather than spread: a spread and five keys more made each item a slow object.
  return {
    id: event.id,
    line: event.line,
    valid: true,
    approximate,
    date: event.date,
    text: event.text,
    actors: event.actors,
    places: event.places,
    tags: event.tags,
    kind: span ? 'span' : 'point',
    start: firstDay(start),
    end: span ? dayAfter(end ?? start) : undefined,
    label: approximate ? `~ ${clause}` : clause,
    lanes: laneIds(event, lanes),
  };
}

/** The lanes of an event: its actors, places or tags (each listed once by the model), else the other lane. */
function laneIds(event: PictureEvent, lanes: TimelineLanes): readonly string[] {
  if (lanes === 'none') return ONE_LANE;
  const names = lanes === 'actor' ? event.actors : lanes === 'place' ? event.places : event.tags.map((tag) => `#${tag}`);
  return names.length > 0 ? names : ONE_LANE;
}

function lanesOf(lanes: TimelineLanes, names: ReadonlySet<string>, withoutLane: boolean): TimelineLane[] {
  if (lanes === 'none') return [ALL_LANE];
  const named = [...names].sort(compareNames).map((name) => ({ id: name, label: name }));
  return withoutLane ? [...named, { id: OTHER_LANE, label: NONE_LANE_LABELS[lanes] }] : named;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');
const isoDay = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;

/** The first day a date covers, `YYYY-MM-DD`: a year's 1 January, a month's 1st. */
export function firstDay(point: DatePoint): string {
  return point.precision === 'day' ? point.text : point.precision === 'month' ? `${point.text}-01` : `${point.text}-01-01`;
}

/** The day after the last day a date covers: the day after a day, a month's next 1st, a year's next 1 January. */
export function dayAfter(point: DatePoint): string {
  const { year } = point;
  if (point.month === undefined) return isoDay(year + 1, 1, 1);
  if (point.day === undefined || point.day >= daysInMonth(year, point.month)) return point.month === 12 ? isoDay(year + 1, 1, 1) : isoDay(year, point.month + 1, 1);
  return isoDay(year, point.month, point.day + 1);
}

const CLAUSE_END = /[,;:.!?](?=[ \t\n]|$)| [-\u2013\u2014] /;

/**
 * Where the first clause ends: a comma, semicolon, colon or sentence end before a space or the
 * end, or a spaced dash (its space before); else -1. A regular expression: V8's compiled search
 * outruns a loop over the characters, and a long briefing has thousands of labels.
 */
function clauseEnd(text: string): number {
  return CLAUSE_END.exec(text)?.index ?? -1;
}

/**
 * The event's first clause, for its label: the text up to the first comma, semicolon, colon,
 * sentence end or spaced dash, without tags; cut with "…" past the length of a label. The end
 * is found before the tags are taken out, so that only the clause is rewritten: a long
 * briefing has thousands of events.
 */
export function firstClause(text: string): string {
  // A label is cut anyway: a clause is looked for in the first characters only.
  const head = text.length > LABEL_LENGTH * 2 ? text.slice(0, LABEL_LENGTH * 2) : text;
  const end = clauseEnd(head);
  let clause = end > 0 ? head.slice(0, end) : head;
  clause = clause.includes('#') ? textWithoutTags(clause) : clause.trim();
  // A text that starts with its tags (`#summit, talks`) has them for its first clause: the rest is read.
  if (clause === '' && end > 0) return firstClause(text.slice(end + 1));
  if (end < 0 && head !== text) return `${clause.slice(0, LABEL_LENGTH - 1).trimEnd()}…`;
  return clause.length > LABEL_LENGTH ? `${clause.slice(0, LABEL_LENGTH - 1).trimEnd()}…` : clause;
}

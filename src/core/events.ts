import { indentWidth } from './characters';
import { isExcluded, LineKind, type BodyStructure, type ListItem } from './body';
import { DATE_EXPRESSION, datePointAt, dayNumber } from './dates';
import type { DiagnosticSink } from './diagnostics';
import type { LineIndex } from './lineIndex';
import { firstMentionFrom } from './lookup';
import type { BriefingEvent, DatePoint, Mention, TextRange } from './types';

/** The date expression, read where a list item's content starts. */
const DATE_AT = new RegExp(DATE_EXPRESSION.source.slice(1), 'y');
/** After the date: `:` (spaces allowed before it), or a dash ( - – — ) with spaces around it (or the line's end after it). */
const SEPARATOR_AT = /[ \t]*:[ \t]*|[ \t]+[-\u2013\u2014](?:[ \t]+|(?=[\r\n])|$)/y;
/** A `#tag` at a `#` not preceded by a letter, digit, mark, `_`, `&` (an entity) or `#`. */
const TAG_AT = /(?<![\p{L}\p{N}\p{M}_&#])#\p{L}[\p{L}\p{N}\p{M}_-]*/uy;
const TILDE = 126;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const DASH = 45;

export interface EventContext {
  readonly text: string;
  readonly lines: LineIndex;
  readonly body: BodyStructure;
  readonly mentions: readonly Mention[];
  readonly sink: DiagnosticSink;
  /** For each heading, in order: its line; the events' sections are found from it. */
  readonly headingLines: readonly number[];
}

/** Reads every list item that starts with a date expression and a separator as an event. */
export function readEvents(context: EventContext): BriefingEvent[] {
  const events: BriefingEvent[] = [];
  const hashes = new HashCursor(context.text);
  let headingIndex = -1;
  for (const item of context.body.listItems) {
    while (headingIndex + 1 < context.headingLines.length && context.headingLines[headingIndex + 1] < item.line) headingIndex++;
    const event = readEvent(item, context, hashes, headingIndex < 0 ? undefined : headingIndex);
    if (event) events.push(event);
  }
  return events;
}

function readEvent(item: ListItem, context: EventContext, hashes: HashCursor, sectionIndex: number | undefined): BriefingEvent | undefined {
  const { text, lines, sink } = context;
  // Most list items are not events: one character tells.
  const first = text.charCodeAt(item.contentStart);
  if (first !== TILDE && (first < DIGIT_0 || first > DIGIT_9)) return undefined;
  // `test` rather than `exec`: the offsets are all that is needed, and a match's captures would
  // be thousands of small strings.
  const dateStart = item.contentStart;
  DATE_AT.lastIndex = dateStart;
  if (!DATE_AT.test(text)) return undefined;
  const dateEnd = DATE_AT.lastIndex;
  SEPARATOR_AT.lastIndex = dateEnd;
  if (!SEPARATOR_AT.test(text)) return undefined;
  const textStart = SEPARATOR_AT.lastIndex;

  const start = datePointAt(text, dateStart);
  const startEnd = dateStart + (start.approximate ? 1 : 0) + start.text.length;
  // A range: `..` and a second point follow the first.
  const end = startEnd < dateEnd ? datePointAt(text, startEnd + 2) : undefined;
  let valid = true;
  for (const point of end ? [start, end] : [start]) {
    if (!point.valid) {
      valid = false;
      sink.add(dateStart, dateEnd, 'error', 'invalid-date', `Impossible date ${point.text}: no such day or month`);
    }
  }
  if (valid && end && dayNumber(end, false) < dayNumber(start, true)) {
    valid = false;
    sink.add(dateStart, dateEnd, 'error', 'reversed-range', `Date range ends (${end.text}) before it starts (${start.text})`);
  }

  // The text: the rest of the line, then the continuation lines, joined by single spaces.
  let eventText = text.slice(textStart, lines.lineEnd(item.line)).trim();
  let lastLine = item.line;
  for (let line = item.line + 1; line < lines.lineCount; line++) {
    if (context.body.kinds[line] !== LineKind.Text) break;
    if (indentWidth(text, lines.lineStart(line), lines.lineEnd(line)) <= item.indent) break;
    const part = lines.lineText(line).trim();
    if (part !== '') eventText = eventText === '' ? part : `${eventText} ${part}`;
    lastLine = line;
  }
  const itemEnd = lines.lineEnd(lastLine);
  gatherNames(context.mentions, textStart, itemEnd);
  return new ListItemEvent(lines, item.markerStart, dateStart, dateEnd, textStart, itemEnd,
    start, end, valid, eventText, actorNames.done(), placeNames.done(), findTags(text, textStart, itemEnd, context.body.excluded, hashes), sectionIndex);
}

/**
 * An event read from a list item. A long briefing holds thousands: its ranges are made from
 * offsets when read, rather than kept.
 */
class ListItemEvent implements BriefingEvent {
  constructor(
    private readonly lines: LineIndex,
    private readonly markerStart: number,
    private readonly dateStart: number,
    private readonly dateEnd: number,
    private readonly textStart: number,
    private readonly itemEnd: number,
    readonly start: DatePoint,
    readonly end: DatePoint | undefined,
    readonly valid: boolean,
    readonly text: string,
    readonly actors: readonly string[],
    readonly places: readonly string[],
    readonly tags: readonly string[],
    readonly sectionIndex: number | undefined,
  ) {}

  get approximate(): boolean {
    return this.start.approximate || (this.end?.approximate ?? false);
  }

  get range(): TextRange {
    return this.lines.range(this.markerStart, this.itemEnd);
  }

  get dateRange(): TextRange {
    return this.lines.range(this.dateStart, this.dateEnd);
  }

  get textRange(): TextRange {
    return this.lines.range(this.textStart, this.itemEnd);
  }
}

/** One shared empty list for the many events without actors, places or tags. */
const NONE: readonly string[] = Object.freeze([]);

/** Gathers the names of the actors and of the places mentioned inside `[start, end)` into `actorNames` and `placeNames`. */
function gatherNames(mentions: readonly Mention[], start: number, end: number): void {
  for (let i = firstMentionFrom(mentions, start); i < mentions.length && mentions[i].range.endOffset <= end; i++) {
    const { kind, name } = mentions[i].entity;
    (kind === 'actor' ? actorNames : placeNames).add(name);
  }
}

/**
 * Gathers distinct names into a list of the exact size, shared when it holds one name: an array
 * grown by `push` keeps room for more, and a workspace holds three lists for each of its hundred
 * thousand events, most of one name or tag.
 */
class NameList {
  private first: string | undefined;
  private list: string[] | undefined;

  add(name: string): void {
    if (this.first === undefined) this.first = name;
    else if (this.list === undefined) {
      if (name !== this.first) this.list = [this.first, name];
    } else if (!this.list.includes(name)) this.list.push(name);
  }

  /** The list gathered, and a fresh start. */
  done(): readonly string[] {
    const { first, list } = this;
    this.first = undefined;
    this.list = undefined;
    if (list) return list.length === 2 ? list : list.slice();
    return first === undefined ? NONE : single(first);
  }
}

// Reused, event after event: gathering allocates nothing but the lists it returns.
const actorNames = new NameList();
const placeNames = new NameList();
const tagNames = new NameList();

const singles = new Map<string, readonly string[]>();
const SINGLES_LIMIT = 10_000;

/** One frozen list for each name or tag alone. */
function single(name: string): readonly string[] {
  let shared = singles.get(name);
  if (!shared) {
    if (singles.size >= SINGLES_LIMIT) singles.clear();
    // A copy of its own: a tag sliced from a document would keep that whole text alive here.
    const copy = JSON.parse(JSON.stringify(name)) as string;
    shared = Object.freeze([copy]);
    singles.set(copy, shared);
  }
  return shared;
}

/**
 * The `#` characters of a text, found in order. Events come in order, so each search starts
 * past the last one found: the whole text is searched once, however many events there are.
 */
class HashCursor {
  private found = -1;

  constructor(private readonly text: string) {}

  /** The first `#` at or after `from`, or -1. */
  next(from: number): number {
    if (this.found < from && this.found !== -2) {
      this.found = this.text.indexOf('#', from);
      if (this.found < 0) this.found = -2; // none left: never search again
    }
    return this.found === -2 ? -1 : this.found;
  }
}

/** `#tag` words (a letter first, then letters, digits, `_` or `-`), outside code and URLs, without repeats. */
function findTags(text: string, start: number, end: number, excluded: readonly number[], hashes: HashCursor): readonly string[] {
  const tags = tagNames;
  for (let hash = hashes.next(start); hash >= 0 && hash < end; hash = hashes.next(hash + 1)) {
    TAG_AT.lastIndex = hash;
    if (!TAG_AT.test(text) || isExcluded(excluded, hash)) continue;
    const tag = text.slice(hash + 1, TAG_AT.lastIndex);
    tags.add(tag.charCodeAt(tag.length - 1) === DASH ? tag.replace(/-+$/, '') : tag);
  }
  return tags.done();
}

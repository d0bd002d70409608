import { DASH, DIGIT_0, DIGIT_9, DOT, TILDE } from '../text/charCodes';
import { isExcluded, type BodyStructure } from './body';
import { hintSplitRange, hintUnreadDate } from '../dates/dateHints';
import { datePointAt, dayNumber, isDashSeparatorAt, pointLength, separatorEnd } from '../dates/dates';
import type { DiagnosticSink } from '../model/diagnosticSink';
import type { LineIndex } from '../text/lineIndex';
import type { MentionIndex } from '../model/mentionTable';
import { ModelEntity } from '../model/model';
import { NO_NAMES, nameAlone } from '../model/nameLists';
import type { BriefingEvent, DatePoint, TextRange } from '../model/types';

/** A `#tag` at a `#` not preceded by a letter, digit, mark, `_`, `&` (an entity) or `#`. */
const TAG_AT = /(?<![\p{L}\p{N}\p{M}_&#])#\p{L}[\p{L}\p{N}\p{M}_-]*/uy;

export interface EventContext {
  readonly text: string;
  readonly lines: LineIndex;
  readonly body: BodyStructure;
  readonly mentions: MentionIndex;
  readonly sink: DiagnosticSink;
  /** For each heading, in order: its line; the events' sections are found from it. */
  readonly headingLines: readonly number[];
}

/**
 * Reads as an event every list item whose first block is a paragraph that starts with a date
 * expression and a separator; the paragraph is the event's text (lazy continuation lines included).
 */
export function readEvents(context: EventContext): BriefingEvent[] {
  const events: BriefingEvent[] = [];
  const hashes = new HashCursor(context.text);
  const mentions = new MentionCursor(context.mentions);
  let headingIndex = -1;
  const { listItems } = context.body;
  for (let item = 0; item < listItems.count; item++) {
    const paragraph = listItems.paragraph(item);
    if (paragraph < 0) continue;
    while (headingIndex + 1 < context.headingLines.length && context.headingLines[headingIndex + 1] < listItems.line(item)) headingIndex++;
    const event = readEvent(listItems.markerStart(item), paragraph, context, hashes, mentions, headingIndex < 0 ? undefined : headingIndex);
    if (event) events.push(event);
    else hintUnreadDate(context.text, context.body.inlineBlocks.start(paragraph), context.sink);
  }
  return events;
}

/** The event of the list item whose marker is at `markerStart` and whose first block is the paragraph `paragraph`, if it is one. */
function readEvent(
  markerStart: number,
  paragraph: number,
  context: EventContext,
  hashes: HashCursor,
  mentions: MentionCursor,
  sectionIndex: number | undefined,
): BriefingEvent | undefined {
  const { text, lines, sink } = context;
  const blocks = context.body.inlineBlocks;
  // Most list items are not events: one character tells.
  const dateStart = blocks.start(paragraph);
  const first = text.charCodeAt(dateStart);
  if (first !== TILDE && (first < DIGIT_0 || first > DIGIT_9)) return undefined;
  // The date expression: a point (`~YYYY`, `~YYYY-MM`, `~YYYY-MM-DD`), then optionally `..` and a second point.
  const start = datePointAt(text, dateStart);
  if (!start) return undefined;
  let dateEnd = dateStart + pointLength(start);
  let end: DatePoint | undefined;
  if (text.charCodeAt(dateEnd) === DOT && text.charCodeAt(dateEnd + 1) === DOT) {
    end = datePointAt(text, dateEnd + 2);
    if (end) dateEnd += 2 + pointLength(end);
  }
  const textStart = separatorEnd(text, dateEnd);
  if (textStart < 0) return undefined;

  let valid = checkPoint(start, dateStart, dateEnd, sink);
  if (end && !checkPoint(end, dateStart, dateEnd, sink)) valid = false;
  if (valid && end && dayNumber(end, false) < dayNumber(start, true)) {
    valid = false;
    sink.add(dateStart, dateEnd, 'error', 'reversed-range', `Date range ends (${end.text}) before it starts (${start.text})`);
  }
  if (valid && !end && isDashSeparatorAt(text, dateEnd)) hintSplitRange(text, start, dateStart, dateEnd, textStart, sink);

  const lastLine = blocks.lastLine(paragraph);
  const itemEnd = lines.lineEnd(lastLine);
  gatherNames(mentions, textStart, itemEnd);
  return new ListItemEvent(
    lines,
    context.body.lineContent,
    markerStart,
    dateStart,
    dateEnd,
    textStart,
    itemEnd,
    blocks.firstLine(paragraph),
    lastLine,
    start,
    end,
    valid,
    actorNames.done(),
    placeNames.done(),
    findTags(text, textStart, itemEnd, context.body.excluded, hashes),
    sectionIndex,
  );
}

function checkPoint(point: DatePoint, dateStart: number, dateEnd: number, sink: DiagnosticSink): boolean {
  if (!point.valid) sink.add(dateStart, dateEnd, 'error', 'invalid-date', `Impossible date ${point.text}: no such day or month`);
  return point.valid;
}

/**
 * An event read from a list item. A long briefing holds thousands: its ranges are made from
 * offsets when read, rather than kept.
 */
class ListItemEvent implements BriefingEvent {
  readonly #lines: LineIndex;
  /** Where each line's content starts, after quote marks and indentation. */
  readonly #lineContent: Int32Array;
  readonly #markerStart: number;
  readonly #dateStart: number;
  readonly #dateEnd: number;
  readonly #textStart: number;
  readonly #itemEnd: number;
  readonly #firstLine: number;
  readonly #lastLine: number;

  constructor(
    lines: LineIndex,
    lineContent: Int32Array,
    markerStart: number,
    dateStart: number,
    dateEnd: number,
    textStart: number,
    itemEnd: number,
    firstLine: number,
    lastLine: number,
    readonly start: DatePoint,
    readonly end: DatePoint | undefined,
    readonly valid: boolean,
    readonly actors: readonly string[],
    readonly places: readonly string[],
    readonly tags: readonly string[],
    readonly sectionIndex: number | undefined,
  ) {
    this.#lines = lines;
    this.#lineContent = lineContent;
    this.#markerStart = markerStart;
    this.#dateStart = dateStart;
    this.#dateEnd = dateEnd;
    this.#textStart = textStart;
    this.#itemEnd = itemEnd;
    this.#firstLine = firstLine;
    this.#lastLine = lastLine;
  }

  #joinedText: string | undefined;

  /** The rest of the first line, then the continuation lines, trimmed and joined by single spaces; made when first read. */
  get text(): string {
    if (this.#joinedText === undefined) {
      const lines = this.#lines;
      let joined = lines.text.slice(this.#textStart, lines.lineEnd(this.#firstLine)).trim();
      for (let line = this.#firstLine + 1; line <= this.#lastLine; line++) {
        const part = lines.text.slice(this.#lineContent[line], lines.lineEnd(line)).trim();
        if (part !== '') joined = joined === '' ? part : `${joined} ${part}`;
      }
      this.#joinedText = joined;
    }
    return this.#joinedText;
  }

  get approximate(): boolean {
    return this.start.approximate || (this.end?.approximate ?? false);
  }

  get range(): TextRange {
    return this.#lines.range(this.#markerStart, this.#itemEnd);
  }

  get dateRange(): TextRange {
    return this.#lines.range(this.#dateStart, this.#dateEnd);
  }

  get textRange(): TextRange {
    return this.#lines.range(this.#textStart, this.#itemEnd);
  }
}

/** Gathers the names of the actors and of the places mentioned inside `[start, end)` into `actorNames` and `placeNames`. */
function gatherNames(cursor: MentionCursor, start: number, end: number): void {
  const { index } = cursor;
  const { table } = index;
  for (let i = cursor.firstFrom(start); i < table.count && table.end(i) <= end; i++) {
    const entity = index.entityOf(i);
    (entity.kind === 'actor' ? actorNames : placeNames).add(entity.name, entity instanceof ModelEntity ? entity : undefined);
  }
}

/** The mentions (sorted), walked forward as the events come in order: each is passed once. */
class MentionCursor {
  #next = 0;

  constructor(readonly index: MentionIndex) {}

  /** The index of the first mention that starts at or after `offset`; `offset` never decreases. */
  firstFrom(offset: number): number {
    const { table } = this.index;
    while (this.#next < table.count && table.start(this.#next) < offset) this.#next++;
    return this.#next;
  }
}

/**
 * Gathers distinct names into a list of the exact size, shared when it holds one name: an array
 * grown by `push` keeps room for more, and a workspace holds three lists for each of its hundred
 * thousand events, most of one name or tag. The names are gathered in a scratch array reused
 * from event to event, so the list returned is the only allocation.
 */
class NameList {
  readonly #scratch: string[] = [];
  #count = 0;
  /** The entity of the first name, when the names are entities': it keeps its name alone as a list. */
  #firstEntity: ModelEntity | undefined;

  add(name: string, entity?: ModelEntity): void {
    const scratch = this.#scratch;
    const count = this.#count;
    for (let i = 0; i < count; i++) if (scratch[i] === name) return;
    if (count === 0) this.#firstEntity = entity;
    scratch[count] = name;
    this.#count = count + 1;
  }

  /** The list gathered, and a fresh start. */
  done(): readonly string[] {
    const scratch = this.#scratch;
    const count = this.#count;
    this.#count = 0;
    if (count === 0) return NO_NAMES;
    const list = count > 1 ? scratch.slice(0, count) : this.#firstEntity ? this.#firstEntity.nameAlone : nameAlone(scratch[0]);
    // A tag sliced from a document must not keep the document's text alive here.
    for (let i = 0; i < count; i++) scratch[i] = '';
    this.#firstEntity = undefined;
    return list;
  }
}

// Reused, event after event: gathering allocates nothing but the lists it returns.
const actorNames = new NameList();
const placeNames = new NameList();
const tagNames = new NameList();

/**
 * The `#` characters of a text, found in order. Events come in order, so each search starts
 * past the last one found: the whole text is searched once, however many events there are.
 */
class HashCursor {
  #found = -1;
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  /** The first `#` at or after `from`, or -1. */
  next(from: number): number {
    if (this.#found < from && this.#found !== -2) {
      this.#found = this.#text.indexOf('#', from);
      if (this.#found < 0) this.#found = -2; // none left: never search again
    }
    return this.#found === -2 ? -1 : this.#found;
  }
}

/** `#tag` words (a letter first, then letters, digits, `_` or `-`), in prose only, without repeats. */
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

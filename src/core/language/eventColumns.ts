/**
 * A file's events in columns: numbers in one typed array, the texts in one string, the names and
 * dates as numbers in the workspace's tables (`Intern`). What the summary of a file that is not open
 * keeps: a team's chronology has more than a million events, and as objects (an event, its range,
 * its lists, its text) they weighed most of the extension host's heap and kept its garbage
 * collector busy. An event is made an object when it is read (`event`); the chronology of the
 * whole workspace reads the columns themselves (its month, whether it meets a filter).
 */
import type { DatePoint, EventFacts } from '../model/types';
import { compactInts, noneMark, type CompactInts, type NoneMark } from '../text/compactInts';
import { FixedRange } from '../text/fixedRange';
import type { Intern } from './intern';
import { chronologyKey, needlePattern, timelineId, type EventFilter, type FiltersColumns, type TimelineEvent } from './timeline';

// The numbers of an event, STRIDE of them: its dates (numbers in `tables`, -1 for no end), its
// flags, its section (-1: none), its range, and where its text and its lists of names end.
const START = 0;
const END = 1;
const FLAGS = 2;
const SECTION = 3;
const START_OFFSET = 4;
const END_OFFSET = 5;
const START_LINE = 6;
const START_CHARACTER = 7;
const END_LINE = 8;
const END_CHARACTER = 9;
const TEXT_END = 10;
const ACTORS_END = 11;
const PLACES_END = 12;
const TAGS_END = 13;
const STRIDE = 14;

const APPROXIMATE = 1;
const VALID = 2;

/** Between two texts: a needle typed on one line never holds it, so a match never spans two events. */
const TEXT_SEPARATOR = '\n';

const NO_STRINGS: readonly string[] = Object.freeze([]);

export class EventColumns implements FiltersColumns {
  readonly count: number;
  /** In 16 bits each where they fit (`compactInts`), a -1 then read as `#none`. */
  readonly #numbers: CompactInts;
  readonly #none: NoneMark;
  /** The texts, each followed by TEXT_SEPARATOR. */
  readonly #texts: string;
  /** The numbers (in `tables`) of each event's actors, places and tags, one after another. */
  readonly #nameRefs: CompactInts;
  /** The numbers of `#nameRefs`, each once: a file's events name the same few again and again. */
  readonly #distinctNames: Int32Array;
  readonly #occurrences: CompactInts;
  /** The workspace's names and dates by number, which the columns hold. */
  readonly tables: Intern;

  constructor(events: readonly EventFacts[], tables: Intern) {
    const refs: number[] = [];
    // The file's names, each looked up once in the workspace's table (hundreds of thousands of
    // names, far out of the processor's caches): its events name the same few again and again.
    const idOfName = new Map<string, number>();
    const addNames = (list: readonly string[]) => {
      for (const name of list) {
        let id = idOfName.get(name);
        if (id === undefined) idOfName.set(name, (id = tables.nameId(name)));
        refs.push(id);
      }
      return refs.length;
    };
    const numbers = new Int32Array(events.length * STRIDE);
    const texts: string[] = [];
    let textLength = 0;
    events.forEach((event, index) => {
      const at = index * STRIDE;
      const { range } = event;
      const { start, end } = range;
      numbers[at + START] = tables.pointId(event.start);
      numbers[at + END] = event.end ? tables.pointId(event.end) : -1;
      numbers[at + FLAGS] = (event.approximate ? APPROXIMATE : 0) | (event.valid ? VALID : 0);
      numbers[at + SECTION] = event.sectionIndex ?? -1;
      numbers[at + START_OFFSET] = range.startOffset;
      numbers[at + END_OFFSET] = range.endOffset;
      numbers[at + START_LINE] = start.line;
      numbers[at + START_CHARACTER] = start.character;
      numbers[at + END_LINE] = end.line;
      numbers[at + END_CHARACTER] = end.character;
      texts.push(event.text);
      textLength += event.text.length + TEXT_SEPARATOR.length;
      numbers[at + TEXT_END] = textLength - TEXT_SEPARATOR.length;
      numbers[at + ACTORS_END] = addNames(event.actors);
      numbers[at + PLACES_END] = addNames(event.places);
      numbers[at + TAGS_END] = addNames(event.tags);
    });
    this.count = events.length;
    this.#numbers = compactInts(numbers);
    this.#none = noneMark(this.#numbers);
    // Joined: one flat string of the file's own, which shares no memory with the file's text (a
    // separator added after the join would make it a pair to be flattened at the first search).
    texts.push('');
    this.#texts = events.length === 0 ? '' : texts.join(TEXT_SEPARATOR);
    this.#nameRefs = compactInts(Int32Array.from(refs));
    this.#distinctNames = Int32Array.from(idOfName.values());
    this.tables = tables;
    this.#occurrences = occurrencesOf(this);
  }

  /** Sets the events in a chronology (`collectEvents`) from `at`: the same ids as a model's events have, each a small object over the columns. */
  collect(into: TimelineEvent[], at: number, source: string, label: string, sections: readonly { readonly title: string }[]): void {
    const file: CollectedFile = { source, label, columns: this, sections, firstOrdinal: at };
    for (let index = 0; index < this.count; index++) into[at + index] = new ColumnEvent(file, index);
  }

  /**
   * Each event's rank among the file's events of its dates (what its id holds), found when the
   * file is read: the workspace's chronology is collected again after each pause in typing, and
   * finding them there was most of its time; found at the first id read instead, they made a month
   * of the long chronology, whose events come from thousands of files, slow to expand.
   */
  occurrences(): CompactInts {
    return this.#occurrences;
  }

  /** A filter's test of the events by index (`filterEvents`); what the workspace's tables give it is found once, in `shared`. */
  filterTest(filter: EventFilter, sourceLabel: string, shared: Map<object, unknown>): (index: number) => boolean {
    let marks = shared.get(this.tables) as TableMarks | undefined;
    if (!marks) shared.set(this.tables, (marks = markTables(this.tables, filter)));
    return columnsTest(this, filter, sourceLabel, marks);
  }

  eachName(index: number, visit: (name: string, kind: 'actor' | 'place' | 'tag') => void): void {
    const at = index * STRIDE;
    const { names } = this.tables;
    const ends = [this.#numbers[at + ACTORS_END], this.#numbers[at + PLACES_END], this.#numbers[at + TAGS_END]];
    const kinds = ['actor', 'place', 'tag'] as const;
    let k = this.#namesStart(index);
    ends.forEach((end, list) => {
      for (; k < end; k++) visit(names[this.#nameRefs[k]], kinds[list]);
    });
  }

  /** The event at `index`, made now (a new object each time). */
  event(index: number): EventFacts {
    const numbers = this.#numbers;
    const at = index * STRIDE;
    const end = numbers[at + END];
    const section = numbers[at + SECTION];
    const none = this.#none;
    return {
      start: this.tables.points[numbers[at + START]],
      end: end === none ? undefined : this.tables.points[end],
      approximate: (numbers[at + FLAGS] & APPROXIMATE) !== 0,
      valid: (numbers[at + FLAGS] & VALID) !== 0,
      text: this.text(index),
      range: new FixedRange(
        numbers[at + START_OFFSET],
        numbers[at + END_OFFSET],
        { line: numbers[at + START_LINE], character: numbers[at + START_CHARACTER] },
        { line: numbers[at + END_LINE], character: numbers[at + END_CHARACTER] },
      ),
      actors: this.#names(this.#namesStart(index), numbers[at + ACTORS_END]),
      places: this.#names(numbers[at + ACTORS_END], numbers[at + PLACES_END]),
      tags: this.#names(numbers[at + PLACES_END], numbers[at + TAGS_END]),
      sectionIndex: section === none ? undefined : section,
    };
  }

  /** Every event, made now. */
  all(): EventFacts[] {
    return Array.from({ length: this.count }, (_, index) => this.event(index));
  }

  text(index: number): string {
    return this.#texts.slice(this.#textStart(index), this.#numbers[index * STRIDE + TEXT_END]);
  }

  /** The index of the section holding the event, if any. */
  section(index: number): number | undefined {
    const section = this.#numbers[index * STRIDE + SECTION];
    return section === this.#none ? undefined : section;
  }

  /** The tags the events use, each once. */
  tags(): string[] {
    const tags = new Set<string>();
    for (let index = 0; index < this.count; index++) {
      const at = index * STRIDE;
      for (let k = this.#numbers[at + PLACES_END]; k < this.#numbers[at + TAGS_END]; k++) tags.add(this.tables.names[this.#nameRefs[k]]);
    }
    return [...tags];
  }

  valid(index: number): boolean {
    return (this.#numbers[index * STRIDE + FLAGS] & VALID) !== 0;
  }

  /** The event's `chronologyKey`, read without making it. */
  chronologyKeyAt(index: number): number {
    return chronologyKey({ valid: this.valid(index), start: this.start(index) });
  }

  start(index: number): DatePoint {
    return this.tables.points[this.#numbers[index * STRIDE + START]];
  }

  /** The number (in `tables`) of the event's start date, and of its end (-1: none): what tells its dates apart. */
  startPoint(index: number): number {
    return this.#numbers[index * STRIDE + START];
  }

  endPoint(index: number): number {
    const end = this.#numbers[index * STRIDE + END];
    return end === this.#none ? -1 : end;
  }

  /** Whether any of the event's actors and places, or of its tags, is one that `matched` marks (by its number in `tables`). */
  anyName(index: number, matched: Uint8Array, list: 'participants' | 'tags'): boolean {
    const at = index * STRIDE;
    const from = list === 'tags' ? this.#numbers[at + PLACES_END] : this.#namesStart(index);
    const to = this.#numbers[at + (list === 'tags' ? TAGS_END : PLACES_END)];
    for (let k = from; k < to; k++) if (matched[this.#nameRefs[k]]) return true;
    return false;
  }

  /** Whether any event's actors, places or tags include one that `matched` marks. */
  anyEventName(matched: Uint8Array): boolean {
    for (const name of this.#distinctNames) if (matched[name]) return true;
    return false;
  }

  /**
   * The events whose text `pattern` (a global pattern) finds something in, marked in `into` (and
   * how many): one search of the joined texts, rather than one per event.
   */
  markTextMatches(pattern: RegExp, into: Uint8Array): number {
    let marked = 0;
    pattern.lastIndex = 0;
    let event = 0;
    for (let found = pattern.exec(this.#texts); found; found = pattern.exec(this.#texts)) {
      while (event < this.count && this.#numbers[event * STRIDE + TEXT_END] < found.index + found[0].length) event++;
      if (event >= this.count) break;
      if (this.#textStart(event) <= found.index) {
        into[event] = 1;
        marked++;
        // On to the next event's text: one match is enough.
        pattern.lastIndex = this.#numbers[event * STRIDE + TEXT_END] + TEXT_SEPARATOR.length;
      } else {
        // Across the separator (a needle with a line break): in no event's text.
        pattern.lastIndex = found.index + 1;
      }
    }
    return marked;
  }

  #textStart(index: number): number {
    return index === 0 ? 0 : this.#numbers[(index - 1) * STRIDE + TEXT_END] + TEXT_SEPARATOR.length;
  }

  #namesStart(index: number): number {
    return index === 0 ? 0 : this.#numbers[(index - 1) * STRIDE + TAGS_END];
  }

  #names(from: number, to: number): readonly string[] {
    if (from === to) return NO_STRINGS;
    const list = new Array<string>(to - from);
    for (let k = from; k < to; k++) list[k - from] = this.tables.names[this.#nameRefs[k]];
    return list;
  }
}

/** Each event's rank among the events of its dates (see `timelineId`). */
function occurrencesOf(columns: EventColumns): CompactInts {
  const seen = new Map<number, number>();
  // An event's key is its dates' texts (`eventKey`): a date's number stands for its text, but
  // `~2023` and `2023` are two dates of one text, which the table numbers once.
  const { pointTexts } = columns.tables;
  const textNumber = (point: number): number => (point < 0 ? 0 : pointTexts[point] + 1);
  const texts = pointTexts.length + 2;
  const occurrences = new Int32Array(columns.count);
  for (let index = 0; index < columns.count; index++) {
    const key = textNumber(columns.startPoint(index)) * texts + textNumber(columns.endPoint(index));
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    occurrences[index] = occurrence;
  }
  return compactInts(occurrences);
}

/** What the events of one summary's columns share in a chronology. */
export interface CollectedFile {
  readonly source: string;
  readonly label: string;
  readonly columns: EventColumns;
  readonly sections: readonly { readonly title: string }[];
  /** The ordinal of its first event: the others follow it. */
  readonly firstOrdinal: number;
}

/**
 * An event of a summary's columns: made an object when its `event` is read (a new one each time,
 * as a row or a picture reads it); its month and its place in the chronology are read from the
 * columns, so that a chronology of a million events makes no object per event but this one, which
 * holds two fields (what its file's events share is held once).
 */
export class ColumnEvent implements TimelineEvent {
  readonly #file: CollectedFile;
  readonly #index: number;

  constructor(file: CollectedFile, index: number) {
    this.#file = file;
    this.#index = index;
  }

  get source(): string {
    return this.#file.source;
  }

  get sourceLabel(): string {
    return this.#file.label;
  }

  get section(): string | undefined {
    const section = this.#file.columns.section(this.#index);
    return section === undefined ? undefined : this.#file.sections[section]?.title;
  }

  get ordinal(): number {
    return this.#file.firstOrdinal + this.#index;
  }

  get event(): EventFacts {
    return this.#file.columns.event(this.#index);
  }

  get id(): string {
    const columns = this.#file.columns;
    const end = columns.endPoint(this.#index);
    return timelineId(this.source, { start: columns.start(this.#index), end: end < 0 ? undefined : columns.tables.points[end] }, columns.occurrences()[this.#index]);
  }

  get columns(): EventColumns {
    return this.#file.columns;
  }

  get indexInColumns(): number {
    return this.#index;
  }

  /** As `chronologyKey` of its event. */
  get chronologyKey(): number {
    return this.#file.columns.chronologyKeyAt(this.#index);
  }
}

/** What a filter finds in the workspace's tables: its actor's and tag's numbers, and what its text finds. */
interface TableMarks {
  /** The filter's actor or place (null: no event has it). */
  readonly actor: Uint8Array | null | undefined;
  readonly tag: Uint8Array | null | undefined;
  readonly text: TextMarks | undefined;
  /**
   * Which events of the file being tested the text finds: one array for the whole filtering,
   * cleared for each file (a new one for each of a workspace's 10,000 files waited for the
   * collector). So a file's test holds until the next file's is made.
   */
  readonly inText: { array: Uint8Array };
}

/** The names, tags and dates the filter's text finds (null: none of them). */
interface TextMarks {
  readonly names: Uint8Array | null;
  readonly tags: Uint8Array | null;
  readonly points: Uint8Array | null;
  /** The text's pattern, global: one search of a file's texts finds each event's. */
  readonly global: RegExp;
}

function markTables(tables: Intern, filter: EventFilter): TableMarks {
  // The name alone marked; null when no event of the workspace has it.
  const only = (name: string) => {
    const id = tables.knownNameId(name);
    if (id === undefined) return null;
    const marked = new Uint8Array(tables.names.length);
    marked[id] = 1;
    return marked;
  };
  return {
    actor: filter.actor ? only(filter.actor) : undefined,
    tag: filter.tag ? only(filter.tag) : undefined,
    text: filter.text ? markText(tables, filter.text) : undefined,
    inText: { array: new Uint8Array(0) },
  };
}

function markText(tables: Intern, text: string): TextMarks {
  const pattern = needlePattern(text);
  const mark = <T>(list: readonly T[], textOf: (value: T) => string): Uint8Array | null => {
    let marked: Uint8Array | null = null;
    for (let id = 0; id < list.length; id++) if (pattern.test(textOf(list[id]))) (marked ??= new Uint8Array(list.length))[id] = 1;
    return marked;
  };
  const names = mark(tables.names, (name) => name);
  return {
    names,
    // A needle without "#" is in a tag's "#name" just when it is in its name.
    tags: text.includes('#') ? mark(tables.names, (name) => `#${name}`) : names,
    points: mark(tables.points, (point) => point.text),
    global: new RegExp(pattern.source, 'giu'),
  };
}

/** `matchesFilter` for the events of one summary's columns, by their index. */
function columnsTest(columns: EventColumns, filter: EventFilter, sourceLabel: string, marks: TableMarks): (index: number) => boolean {
  const { actor, tag } = marks;
  if (actor === null || tag === null) return () => false;
  let text: ((index: number) => boolean) | undefined;
  // The file's label found: every event of it is.
  if (marks.text && !needlePattern(filter.text!).test(sourceLabel)) {
    const { points, global } = marks.text;
    // The names the text finds, where this file's events have any of them.
    const names = marks.text.names && columns.anyEventName(marks.text.names) ? marks.text.names : null;
    const tags = marks.text.tags === marks.text.names ? names : marks.text.tags && columns.anyEventName(marks.text.tags) ? marks.text.tags : null;
    if (marks.inText.array.length < columns.count) marks.inText.array = new Uint8Array(Math.max(columns.count, 2 * marks.inText.array.length));
    const inText = marks.inText.array;
    inText.fill(0, 0, columns.count);
    const foundInTexts = columns.markTextMatches(global, inText);
    if (foundInTexts === 0 && names === null && tags === null && points === null) return () => false;
    text = (index) => {
      if (inText[index] === 1) return true;
      if (points) {
        const end = columns.endPoint(index);
        if (points[columns.startPoint(index)] === 1 || (end >= 0 && points[end] === 1)) return true;
      }
      return (names !== null && columns.anyName(index, names, 'participants')) || (tags !== null && columns.anyName(index, tags, 'tags'));
    };
    if (actor === undefined && tag === undefined) return text;
  }
  return (index) =>
    (actor === undefined || columns.anyName(index, actor, 'participants')) && (tag === undefined || columns.anyName(index, tag, 'tags')) && (text === undefined || text(index));
}

import { indentWidth } from './characters';
import { isExcluded, LineKind, type BodyStructure, type ListItem } from './body';
import { DATE_EXPRESSION, dayNumber, makeDatePoint } from './dates';
import type { DiagnosticSink } from './diagnostics';
import type { LineIndex } from './lineIndex';
import { firstMentionFrom } from './lookup';
import type { BriefingEvent, Mention } from './types';

/** After the date: `:` (spaces allowed before it), or a dash ( - – — ) with spaces around it. */
const SEPARATOR = /^(?:[ \t]*:[ \t]*|[ \t]+[-\u2013\u2014](?:[ \t]+|$))/;
const TAG = /(^|[^\p{L}\p{N}\p{M}_&#])#(\p{L}[\p{L}\p{N}\p{M}_-]*)/gu;

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
  let headingIndex = -1;
  for (const item of context.body.listItems) {
    while (headingIndex + 1 < context.headingLines.length && context.headingLines[headingIndex + 1] < item.line) headingIndex++;
    const event = readEvent(item, context, headingIndex < 0 ? undefined : headingIndex);
    if (event) events.push(event);
  }
  return events;
}

function readEvent(item: ListItem, context: EventContext, sectionIndex: number | undefined): BriefingEvent | undefined {
  const { text, lines, sink } = context;
  const lineEnd = lines.lineEnd(item.line);
  const content = text.slice(item.contentStart, lineEnd);
  const date = DATE_EXPRESSION.exec(content);
  if (!date) return undefined;
  const separator = SEPARATOR.exec(content.slice(date[0].length));
  if (!separator) return undefined;

  const dateStart = item.contentStart;
  const dateEnd = dateStart + date[0].length;
  const start = makeDatePoint(date[1], date[2], date[3], date[4]);
  const end = date[6] === undefined ? undefined : makeDatePoint(date[5], date[6], date[7], date[8]);
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

  // The text: the rest of the line, then the continuation lines.
  const textStart = dateEnd + separator[0].length;
  const parts = [text.slice(textStart, lineEnd).trim()];
  let lastLine = item.line;
  for (let line = item.line + 1; line < lines.lineCount; line++) {
    if (context.body.kinds[line] !== LineKind.Text) break;
    const lineStart = lines.lineStart(line);
    if (indentWidth(text, lineStart, lines.lineEnd(line)) <= item.indent) break;
    parts.push(lines.lineText(line).trim());
    lastLine = line;
  }
  const itemEnd = lines.lineEnd(lastLine);
  const mentioned = mentionsWithin(context.mentions, textStart, itemEnd);
  return {
    start,
    end,
    approximate: start.approximate || (end?.approximate ?? false),
    valid,
    text: parts.filter((part) => part !== '').join(' '),
    range: lines.range(item.markerStart, itemEnd),
    dateRange: lines.range(dateStart, dateEnd),
    textRange: lines.range(textStart, itemEnd),
    actors: uniqueNames(mentioned, 'actor'),
    places: uniqueNames(mentioned, 'place'),
    tags: findTags(text, textStart, itemEnd, context.body.excluded),
    sectionIndex,
  };
}

/** The mentions lying inside `[start, end)`, found by binary search in the sorted list. */
function mentionsWithin(mentions: readonly Mention[], start: number, end: number): Mention[] {
  const result: Mention[] = [];
  for (let i = firstMentionFrom(mentions, start); i < mentions.length && mentions[i].range.endOffset <= end; i++) result.push(mentions[i]);
  return result;
}

/** One shared empty list for the many events without actors, places or tags. */
const NONE: readonly string[] = Object.freeze([]);

function uniqueNames(mentions: readonly Mention[], kind: 'actor' | 'place'): readonly string[] {
  if (mentions.length === 0) return NONE;
  const names: string[] = [];
  for (const mention of mentions) {
    if (mention.entity.kind === kind && !names.includes(mention.entity.name)) names.push(mention.entity.name);
  }
  return names.length === 0 ? NONE : names;
}

/** `#tag` words (a letter first, then letters, digits, `_` or `-`), outside code and URLs, without repeats. */
function findTags(text: string, start: number, end: number, excluded: readonly number[]): readonly string[] {
  // Search the event's own text only: an unbounded indexOf would scan to the end of the file.
  const slice = text.slice(start, end);
  if (!slice.includes('#')) return NONE;
  const tags: string[] = [];
  for (const match of slice.matchAll(TAG)) {
    const hashOffset = start + match.index + match[1].length;
    if (isExcluded(excluded, hashOffset)) continue;
    const tag = match[2].replace(/-+$/, '');
    if (!tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

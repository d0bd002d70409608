import type { TimelineEvent } from './timeline';
import { pointText } from '../dates/dates';
import type { Briefing, Entity, EventFacts, Relation, Severity, TextRange } from '../model/types';

/** The model as the command line's `export --format json` prints it (DESIGN §2): 1-based lines and columns. */
export interface BriefingExport {
  title: string | null;
  date: string | null;
  classification: string | null;
  /** The TLP 2.0 level, when `tlp:` names one (format v1.1). */
  tlp: string | null;
  entities: EntityExport[];
  events: EventExport[];
  diagnostics: DiagnosticExport[];
}

export interface EntityExport {
  name: string;
  kind: 'actor' | 'place';
  type: string | null;
  aliases: string[];
  role: string | null;
  affiliation: string | null;
  country: string | null;
  /** Format v1.1: `[latitude, longitude]` in decimal degrees. */
  coordinates: [number, number] | null;
  summary: string | null;
  links: string[];
  /** Format v1.1: `to` is the canonical name of the entity named, or as written when none has it. */
  relations: RelationExport[];
  mentions: { line: number; column: number; text: string }[];
}

export interface RelationExport {
  to: string;
  type: string;
  since: string | null;
  until: string | null;
  source: string | null;
}

export interface EventExport {
  date: string;
  end: string | null;
  precision: 'year' | 'month' | 'day';
  approximate: boolean;
  text: string;
  line: number;
  actors: string[];
  places: string[];
  tags: string[];
}

export interface DiagnosticExport {
  line: number;
  column: number;
  severity: Severity;
  message: string;
}

const lineOf = (range: TextRange) => range.start.line + 1;
const columnOf = (range: TextRange) => range.start.character + 1;

export function exportBriefing(briefing: Briefing): BriefingExport {
  const front = briefing.frontMatter;
  return {
    title: front?.title ?? null,
    date: front?.date ?? null,
    classification: front?.classification ?? null,
    tlp: front?.tlp ?? null,
    entities: briefing.entities.map(exportEntity),
    events: briefing.events.map(exportEvent),
    diagnostics: briefing.diagnostics.map((diagnostic) => ({
      line: lineOf(diagnostic.range),
      column: columnOf(diagnostic.range),
      severity: diagnostic.severity,
      message: diagnostic.message,
    })),
  };
}

function exportEntity(entity: Entity): EntityExport {
  return {
    name: entity.name,
    kind: entity.kind,
    type: entity.type ?? null,
    aliases: [...entity.aliases],
    role: entity.role ?? null,
    affiliation: entity.affiliation ?? null,
    country: entity.country ?? null,
    coordinates: entity.coordinates ? [entity.coordinates[0], entity.coordinates[1]] : null,
    summary: entity.summary ?? null,
    links: [...entity.links],
    relations: entity.relations.map(exportRelation),
    mentions: entity.mentions.map((mention) => ({ line: lineOf(mention.range), column: columnOf(mention.range), text: mention.text })),
  };
}

function exportRelation(relation: Relation): RelationExport {
  return {
    to: relation.target ?? relation.to,
    type: relation.type,
    since: relation.since ? pointText(relation.since) : null,
    until: relation.until ? pointText(relation.until) : null,
    source: relation.source ?? null,
  };
}

export function exportEvent(event: EventFacts): EventExport {
  return {
    date: event.start.text,
    end: event.end?.text ?? null,
    precision: event.start.precision,
    approximate: event.approximate,
    text: event.text,
    line: lineOf(event.range),
    actors: [...event.actors],
    places: [...event.places],
    tags: [...event.tags],
  };
}

export function toJson(briefing: Briefing): string {
  return `${JSON.stringify(exportBriefing(briefing), null, 2)}\n`;
}

export const CSV_COLUMNS = ['date', 'end', 'precision', 'approximate', 'text', 'line', 'actors', 'places', 'tags'] as const;

/** The CSV export's first row: its columns, with `file` last for a chronology of several briefings. */
export function eventsCsvHeader(withFile: boolean): string {
  return [...CSV_COLUMNS, ...(withFile ? ['file'] : [])].join(',');
}

/** An event's CSV row (RFC 4180 quoting), without its line break; with `file`, a last cell names it. */
export function eventCsvRow(briefingEvent: EventFacts, file?: string): string {
  const event = exportEvent(briefingEvent);
  const cells = [
    event.date,
    event.end ?? '',
    event.precision,
    String(event.approximate),
    event.text,
    String(event.line),
    event.actors.join('; '),
    event.places.join('; '),
    event.tags.join('; '),
  ];
  if (file !== undefined) cells.push(file);
  return cells.map(csvCell).join(',');
}

/**
 * One row per event (RFC 4180 quoting, CRLF); lists joined with "; ". With `files` (one per
 * event), a last column names each event's file.
 */
export function eventsToCsv(events: readonly EventFacts[], files?: readonly string[]): string {
  const rows = [eventsCsvHeader(files !== undefined), ...events.map((event, index) => eventCsvRow(event, files?.[index]))];
  return `${rows.join('\r\n')}\r\n`;
}

/**
 * An event as an element of the JSON export's array, without the comma between elements: the
 * bytes `JSON.stringify(array, null, 2)` writes for it (a test holds them equal), written field
 * by field, since a long chronology is written element by element and its workers spent more
 * time in the general writer than in reading the event.
 */
export function eventJsonElement(event: EventFacts, file?: string): string {
  // One template: an export object, a list of fields and copies of the name lists, made for
  // every row, cost a chronology of many files more than its rows' text.
  const { start, end } = event;
  const fields = `  {
    "date": ${JSON.stringify(start.text)},
    "end": ${end ? JSON.stringify(end.text) : 'null'},
    "precision": "${start.precision}",
    "approximate": ${event.approximate},
    "text": ${JSON.stringify(event.text)},
    "line": ${lineOf(event.range)},
    "actors": ${jsonList(event.actors)},
    "places": ${jsonList(event.places)},
    "tags": ${jsonList(event.tags)}`;
  return file === undefined ? `${fields}\n  }` : `${fields},\n    "file": ${JSON.stringify(file)}\n  }`;
}

/** A list of strings as a field of an element of the array, indented as JSON.stringify indents it. */
function jsonList(values: readonly string[]): string {
  if (values.length === 0) return '[]';
  let list = `[\n      ${JSON.stringify(values[0])}`;
  for (let i = 1; i < values.length; i++) list += `,\n      ${JSON.stringify(values[i])}`;
  return `${list}\n    ]`;
}

/** The events as a JSON array of the export's event objects; with `files`, each names its file. */
export function eventsToJson(events: readonly EventFacts[], files?: readonly string[]): string {
  return events.length === 0 ? '[]\n' : `[\n${events.map((event, index) => eventJsonElement(event, files?.[index])).join(',\n')}\n]\n`;
}

/**
 * The events of a timeline as the export writes them, JSON or CSV, in the timeline's order;
 * with `withFile`, each names the file it comes from (a chronology of several briefings).
 */
export function timelineEventsAs(format: 'json' | 'csv', items: readonly TimelineEvent[], withFile: boolean): string {
  const events = items.map((item) => item.event);
  const files = withFile ? items.map((item) => item.source) : undefined;
  return format === 'json' ? eventsToJson(events, files) : eventsToCsv(events, files);
}

/**
 * Quotes a cell when needed. A cell that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or CR) is prefixed with `'` so that it stays text.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

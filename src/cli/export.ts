/** `briefing export` (one briefing's model or events) and `briefing events` (the chronology of many). */
import {
  buildTimeline,
  collectEvents,
  datePointAt,
  dayNumber,
  EVENT_ORDERS,
  eventsToCsv,
  graphToJson,
  isoCountries,
  isRegistryFileName,
  linkGraph,
  parseBriefing,
  pointLength,
  stixBundle,
  stixToJson,
  timelineEventsAs,
  toJson,
  type BriefingEvent,
  type EventFilter,
  type EventOrder,
} from '../core';
import { UsageError } from './errors';
import { filesNamedByAll, readRegistries, readText } from './files';

/** The format asked for, when it is one of `formats`; else a usage error that names them. */
function checkFormat<F extends string>(format: string, formats: readonly F[]): F {
  if (!(formats as readonly string[]).includes(format)) throw new UsageError(`unknown format '${format}': use ${formats.slice(0, -1).join(', ')} or ${formats.at(-1)}`);
  return format as F;
}

export function exportFile(
  args: readonly string[],
  options: { format: string; timestamp: string | undefined },
  registryFiles: readonly string[],
  out: (text: string) => void,
): number {
  const files = filesNamedByAll(args);
  const chosen = checkFormat(options.format, ['json', 'csv', 'graph', 'stix']);
  if (options.timestamp !== undefined && chosen !== 'stix') throw new UsageError('--timestamp is an option of --format stix');
  if (chosen === 'stix') return exportStix(files, options.timestamp, registryFiles, out);
  if (files.length !== 1) throw new UsageError(`export takes exactly one FILE (got ${files.length}), or several with --format stix`);
  const registries = readRegistries(registryFiles);
  const model = parseBriefing(readText(files[0]), { registries, countries: isoCountries() });
  out(chosen === 'json' ? toJson(model) : chosen === 'graph' ? graphToJson(linkGraph([{ source: files[0], briefing: model }])) : eventsToCsv(model.events));
  return 0;
}

/**
 * Every file as one STIX 2.1 bundle. Each file is read before anything is printed: a bundle that
 * silently lacks a briefing would be worse than none.
 */
function exportStix(files: readonly string[], timestamp: string | undefined, registryFiles: readonly string[], out: (text: string) => void): number {
  if (files.length === 0) throw new UsageError('export needs at least one FILE');
  const registry = files.find(isRegistryFileName);
  if (registry) throw new UsageError(`${registry} is a registry: give it with --entities`);
  const registries = readRegistries(registryFiles);
  const countries = isoCountries();
  const sources = files.map((file) => {
    const text = readText(file);
    return { file, text, briefing: parseBriefing(text, { registries, countries }) };
  });
  out(stixToJson(stixBundle(sources, { countries, timestamp: timestamp === undefined ? undefined : stixTimestamp(timestamp) })));
  return 0;
}

/** `--timestamp` as a STIX timestamp: a date, or a date and time (UTC unless it says otherwise). */
function stixTimestamp(value: string): string {
  const written = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/.test(value);
  const time = written ? Date.parse(/T.*(?:Z|[+-]\d{2}:\d{2})$/.test(value) ? value : value.includes('T') ? `${value}Z` : `${value}T00:00:00Z`) : NaN;
  // Date.parse rolls 2024-02-30 over into March: a date that is not a real one is refused.
  const rolledOver = !Number.isNaN(time) && !/[+-]\d{2}:\d{2}$/.test(value) && new Date(time).toISOString().slice(0, 10) !== value.slice(0, 10);
  if (Number.isNaN(time) || rolledOver) throw new UsageError(`--timestamp takes a date or a date and time, as 2023-11-13 or 2023-11-13T09:30:00Z (got '${value}')`);
  return new Date(time).toISOString();
}

export interface EventsOptions {
  readonly format: string;
  readonly order: string;
  readonly registryFiles: readonly string[];
  /** Only the events of this actor or place. */
  readonly actor: string | undefined;
  /** Only the events with this tag (`#` optional). */
  readonly tag: string | undefined;
  /** Only the events whose time overlaps the period from `since` to `until` (dates, either optional). */
  readonly since: string | undefined;
  readonly until: string | undefined;
}

/**
 * `--since` and `--until` as day numbers: a year or a month stands for its first day after
 * `--since` and for its last day after `--until`, so `--until 2023-11` takes all of November.
 */
function dayBound(option: 'since' | 'until', value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const point = datePointAt(value, 0);
  if (!point || point.approximate || pointLength(point) !== value.length || !point.valid) {
    throw new UsageError(`--${option} takes a date, YYYY, YYYY-MM or YYYY-MM-DD (got '${value}')`);
  }
  return dayNumber(point, option === 'since');
}

/**
 * Whether the time an event covers (from the first day of its start to the last of its end, or
 * of its start) meets the period. An invalid date meets none: it says no time.
 */
function meetsPeriod(event: BriefingEvent, since: number | undefined, until: number | undefined): boolean {
  if (!event.valid) return false;
  return (until === undefined || dayNumber(event.start, true) <= until) && (since === undefined || dayNumber(event.end ?? event.start, false) >= since);
}

/**
 * The events of every file as one chronology, each naming its file: what the Events view's
 * "Export Events" writes for the workspace. Every file is read before anything is printed, so
 * that a file that cannot be read never leaves a chronology that silently lacks it.
 */
export function exportEvents(args: readonly string[], options: EventsOptions, out: (text: string) => void): number {
  const format = checkFormat(options.format, ['json', 'csv']);
  if (!(EVENT_ORDERS as readonly string[]).includes(options.order)) throw new UsageError(`unknown order '${options.order}': use ${EVENT_ORDERS.join(' or ')}`);
  const since = dayBound('since', options.since);
  const until = dayBound('until', options.until);
  if (since !== undefined && until !== undefined && since > until) throw new UsageError(`--since ${options.since} is after --until ${options.until}`);
  if (args.length === 0) throw new UsageError('events needs at least one FILE');
  const files = filesNamedByAll(args);
  const registry = files.find(isRegistryFileName);
  if (registry) throw new UsageError(`${registry} is a registry, which holds no events: give it with --entities`);
  const registries = readRegistries(options.registryFiles);
  const sources = files.map((file) => ({ source: file, label: file, briefing: parseBriefing(readText(file), { registries, countries: isoCountries() }) }));
  const filter: EventFilter = { actor: options.actor, tag: options.tag?.replace(/^#/, '') };
  const { events: ordered = [] } = buildTimeline(collectEvents(sources), { order: options.order as EventOrder, grouping: 'none', filter });
  const bounded = since !== undefined || until !== undefined;
  const events = bounded ? ordered.filter((item) => meetsPeriod(item.event, since, until)) : ordered;
  out(timelineEventsAs(format, events, true));
  return 0;
}

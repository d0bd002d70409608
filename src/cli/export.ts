/** `briefing export` (one briefing's model or events) and `briefing events` (the chronology of many). */
import {
  datePointAt,
  dayNumber,
  EVENT_ORDERS,
  eventsCsvHeader,
  eventsToCsv,
  graphToJson,
  isoCountries,
  isRegistryFileName,
  linkGraph,
  parseBriefing,
  pointLength,
  stixBundle,
  stixToJson,
  toJson,
} from '../core';
import { ChronologyRows, documentOrderKey } from './chronology';
import { FileError, UsageError } from './errors';
import type { EventSelection, FileEvents } from './fileWork';
import { filesNamedByAll, readRegistries, readText } from './files';
import { inShardOnly, type Shard } from './shard';
import { forEachFileInOrder } from './workers';

/** The format asked for, when it is one of `formats`; else a usage error that names them. */
function checkFormat<F extends string>(format: string, formats: readonly F[]): F {
  if (!(formats as readonly string[]).includes(format)) throw new UsageError(`unknown format '${format}': use ${formats.slice(0, -1).join(', ')} or ${formats.at(-1)}`);
  return format as F;
}

export async function exportFile(
  args: readonly string[],
  options: { format: string; timestamp: string | undefined },
  registryFiles: readonly string[],
  out: (text: string) => Promise<void> | void,
): Promise<number> {
  const files = filesNamedByAll(args);
  const chosen = checkFormat(options.format, ['json', 'csv', 'graph', 'stix']);
  if (options.timestamp !== undefined && chosen !== 'stix') throw new UsageError('--timestamp is an option of --format stix');
  if (chosen === 'stix') return await exportStix(files, options.timestamp, registryFiles, out);
  if (files.length !== 1) throw new UsageError(`export takes exactly one FILE (got ${files.length}), or several with --format stix`);
  const registries = readRegistries(registryFiles);
  const model = parseBriefing(readText(files[0]), { registries, countries: isoCountries() });
  await writeInChunks(chosen === 'json' ? toJson(model) : chosen === 'graph' ? graphToJson(linkGraph([{ source: files[0], briefing: model }])) : eventsToCsv(model.events), out);
  return 0;
}

/** Enough characters that a write costs little per character; few enough that none is a large allocation. */
const CHUNK_LENGTH = 1 << 16;

/**
 * A text written in chunks: one write of megabytes first encodes the whole text into one new
 * buffer, which took a fresh `briefing export` of a long briefing twice as long as chunks do.
 * A chunk never ends between the two halves of a surrogate pair (each is encoded alone).
 */
async function writeInChunks(text: string, out: (text: string) => Promise<void> | void): Promise<void> {
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + CHUNK_LENGTH);
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    await out(text.slice(at, end));
    at = end;
  }
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * Every file as one STIX 2.1 bundle. Each file is read before anything is printed: a bundle that
 * silently lacks a briefing would be worse than none.
 */
async function exportStix(files: readonly string[], timestamp: string | undefined, registryFiles: readonly string[], out: (text: string) => Promise<void> | void): Promise<number> {
  if (files.length === 0) throw new UsageError('export needs at least one FILE');
  const registry = files.find(isRegistryFileName);
  if (registry) throw new UsageError(`${registry} is a registry: give it with --entities`);
  const registries = readRegistries(registryFiles);
  const countries = isoCountries();
  const sources = files.map((file) => {
    const text = readText(file);
    return { file, text, briefing: parseBriefing(text, { registries, countries }) };
  });
  await writeInChunks(stixToJson(stixBundle(sources, { countries, timestamp: timestamp === undefined ? undefined : stixTimestamp(timestamp) })), out);
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
  /** Threads that read files (`--jobs`). */
  readonly jobs: number;
  /** Only this part of the files (`--shard`). */
  readonly shard: Shard | undefined;
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
 * The events of every file as one chronology, each naming its file: what the Events view's
 * "Export Events" writes for the workspace. Every file is read before anything is printed, so
 * that a file that cannot be read never leaves a chronology that silently lacks it; the rows wait
 * in `ChronologyRows`, which holds a corpus's chronology in bounded memory.
 */
export async function exportEvents(args: readonly string[], options: EventsOptions, out: (bytes: string | Uint8Array) => Promise<void> | void): Promise<number> {
  const format = checkFormat(options.format, ['json', 'csv']);
  if (!(EVENT_ORDERS as readonly string[]).includes(options.order)) throw new UsageError(`unknown order '${options.order}': use ${EVENT_ORDERS.join(' or ')}`);
  const since = dayBound('since', options.since);
  const until = dayBound('until', options.until);
  if (since !== undefined && until !== undefined && since > until) throw new UsageError(`--since ${options.since} is after --until ${options.until}`);
  if (args.length === 0) throw new UsageError('events needs at least one FILE');
  const files = inShardOnly(filesNamedByAll(args), options.shard);
  const registry = files.find(isRegistryFileName);
  if (registry) throw new UsageError(`${registry} is a registry, which holds no events: give it with --entities`);
  const chronological = options.order === 'chronological';
  const selection: EventSelection = { format, filter: { actor: options.actor, tag: options.tag?.replace(/^#/, '') }, since, until };
  const rows = new ChronologyRows();
  try {
    await forEachFileInOrder<FileEvents>(files, { command: 'events', selection }, options.registryFiles, options.jobs, (result, index) => {
      if ('unreadable' in result) throw new FileError(result.unreadable);
      let offset = 0;
      result.lengths.forEach((length, k) => {
        rows.add(chronological ? result.keys[k] : documentOrderKey(index), result.bytes, offset, (offset += length));
      });
    });
    if (format === 'csv') {
      await out(`${eventsCsvHeader(true)}\r\n`);
      await rows.writeInOrder(out, { first: '', between: '\r\n' });
      if (rows.count > 0) await out('\r\n');
    } else if (rows.count === 0) {
      await out('[]\n');
    } else {
      await rows.writeInOrder(out, { first: '[\n', between: ',\n' });
      await out('\n]\n');
    }
  } finally {
    rows.dispose();
  }
  return 0;
}

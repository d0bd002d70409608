/**
 * What `check` and `events` do with one file, in whichever thread reads it: a plain result that
 * crosses to the main thread as data, or the one-line reason the file could not be read.
 */
import {
  chronologyKey,
  dayNumber,
  eventCsvRow,
  eventJsonElement,
  isoCountries,
  isRegistryFileName,
  matchesFilter,
  parseBriefing,
  parseRegistry,
  type EventFacts,
  type Diagnostic,
  type EventFilter,
  type Registry,
} from '../core';
import { FileError } from './errors';
import { readText } from './files';

export type Unreadable = { readonly unreadable: string };

export type CheckedFile = { readonly kind: 'briefing' | 'registry'; readonly diagnostics: readonly Diagnostic[] } | Unreadable;

/** Runs `work`, turning a file that cannot be read into its message; any other failure is a bug and is thrown. */
function readable<T>(work: () => T): T | Unreadable {
  try {
    return work();
  } catch (error) {
    if (error instanceof FileError) return { unreadable: error.message };
    throw error;
  }
}

export function checkFile(file: string, registries: readonly Registry[]): CheckedFile {
  return readable(() => {
    const text = readText(file);
    if (isRegistryFileName(file)) return { kind: 'registry', diagnostics: parseRegistry(text, file).diagnostics };
    return { kind: 'briefing', diagnostics: parseBriefing(text, { registries, countries: isoCountries() }).diagnostics };
  });
}

/** Which events `briefing events` prints, and how. */
export interface EventSelection {
  readonly format: 'json' | 'csv';
  readonly filter: EventFilter;
  /** Day numbers: only the events whose time meets the period. */
  readonly since: number | undefined;
  readonly until: number | undefined;
}

/**
 * A file's events, selected and written as rows of the output: the rows' UTF-8 bytes one after
 * another (one buffer crosses between threads faster than many strings), each row's length, and
 * its key in the chronology.
 */
export type FileEvents = { readonly keys: readonly number[]; readonly lengths: readonly number[]; readonly bytes: Uint8Array } | Unreadable;

export function eventsOfFile(file: string, registries: readonly Registry[], selection: EventSelection): FileEvents {
  return readable(() => {
    const briefing = parseBriefing(readText(file), { registries, countries: isoCountries() });
    const keys: number[] = [];
    const rows: string[] = [];
    // The file's events as they come (a chronology's ids, which `collectEvents` makes for each, are not printed).
    for (const event of briefing.events) {
      if (!matchesFilter({ sourceLabel: file, event }, selection.filter) || !meetsPeriod(event, selection.since, selection.until)) continue;
      keys.push(chronologyKey(event));
      rows.push(selection.format === 'json' ? eventJsonElement(event, file) : eventCsvRow(event, file));
    }
    return { keys, lengths: rows.map((row) => Buffer.byteLength(row)), bytes: Buffer.from(rows.join('')) };
  });
}

/**
 * Whether the time an event covers (from the first day of its start to the last of its end, or
 * of its start) meets the period. An invalid date meets none: it says no time.
 */
function meetsPeriod(event: EventFacts, since: number | undefined, until: number | undefined): boolean {
  if (since === undefined && until === undefined) return true;
  if (!event.valid) return false;
  return (until === undefined || dayNumber(event.start, true) <= until) && (since === undefined || dayNumber(event.end ?? event.start, false) >= since);
}

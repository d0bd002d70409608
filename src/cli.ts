#!/usr/bin/env node
/**
 * `briefing`: check, export and publish briefings outside the editor, over the same core (DESIGN §2).
 * Exit codes: 0 clean, 1 an Error was found (check) or publishing was refused, 2 usage error or unreadable file.
 */
import { once } from 'node:events';
import { fstatSync, write as writeFd } from 'node:fs';
import { parseArgs } from 'node:util';
import { check } from './cli/check';
import { FileError, UsageError } from './cli/errors';
import { exportEvents, exportFile } from './cli/export';
import { importBundle } from './cli/import';
import { publishFile } from './cli/publish';
import { parseShard } from './cli/shard';
import { isWorker, parseJobs, runWorker } from './cli/workers';
import { errorMessage } from './core';

declare const PACKAGE_VERSION: string;

const HELP = `Usage:
  briefing check FILE... [--format text|github|gitlab] [--entities FILE]...
                 [--max-warnings N] [--jobs N] [--shard I/N]
      Print FILE:LINE:COLUMN: SEVERITY: MESSAGE for every problem (text, the
      default), GitHub Actions annotations (github), which show each problem
      on its line in a pull request, or GitLab's code quality report (gitlab).
      Exit 1 when an error was found, or more than N warnings (in all the
      files together) with --max-warnings N; else 0. FILE may also be a
      registry (entities.yaml or *.entities.yaml).
  briefing export FILE [--format json|csv|graph] [--entities FILE]...
      Print the briefing's model as JSON (default), its events as CSV, or the
      graph of its actors and places (graph: nodes, relations, shared events).
  briefing export FILE... --format stix [--timestamp TIME] [--entities FILE]...
      Print one STIX 2.1 bundle of every FILE: a report per briefing, its
      actors, places, relations and events, with its TLP and classification
      markings. Ids are stable; times come from each briefing's date, or
      --timestamp (2023-11-13 or 2023-11-13T09:30:00Z) sets 'modified'.
  briefing events FILE... [--format json|csv] [--order chronological|document]
                  [--actor NAME] [--tag TAG] [--since DATE] [--until DATE]
                  [--entities FILE]... [--jobs N] [--shard I/N]
      Print the events of every FILE as one chronology (the default order),
      each with its file: a JSON array (default) or CSV. --actor keeps the
      events of an actor or place, --tag those with a tag, --since and
      --until (YYYY, YYYY-MM or YYYY-MM-DD) those whose time meets the period.
  briefing import BUNDLE [--out DIR]
      Make briefings of a STIX 2.1 bundle (JSON): one per report, with the
      actors, places and relations it refers to (a bundle with no report
      gives one briefing). What has no place in a briefing is listed in a
      comment at its end. Prints the briefing; with --out, writes each into
      DIR (never over an existing file) and prints their paths.
  briefing publish FILE [--format html|docx] [--out PATH] [--force]
                 [--bold-first-mentions] [--entities FILE]...
      Write the briefing as a product: one HTML page to print (no script, no
      remote resource), or a Word document (docx, with --out). The banner is
      at the top and bottom of every page; the body as CommonMark renders it;
      the events as a table (where <!-- events --> stands, else at the end);
      the sources with their grades. A portion marked above the
      classification (or NOFORN under a banner without it) stops it: exit 1,
      unless --force, which raises the banner to cover every portion and says
      so. --bold-first-mentions sets each actor's and place's first mention
      in bold. Prints the page, or writes it to PATH with --out.
  briefing --help | --version

--entities FILE  a workspace registry of actors and places (repeatable);
                 the briefing's own entries override it.
--jobs N         read files on N threads (default: one per core); the output
                 is the same, in the same order, whatever N.
--shard I/N      only the I-th of N parts of the files (split by a hash of each
                 path), for a CI matrix: the N parts' outputs together are the
                 whole run's.
FILE may be a pattern ("reports/**/*.briefing", quoted): briefing expands it,
in path order, where the shell does not; node_modules is skipped.
Exit codes: 0 success, 1 errors found by check (or a briefing publish refused),
2 usage error or unreadable file.`;

/** The options each command takes, beyond --entities, --help and --version. */
const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  check: ['format', 'max-warnings', 'jobs', 'shard'],
  export: ['format', 'timestamp'],
  events: ['format', 'order', 'actor', 'tag', 'since', 'until', 'jobs', 'shard'],
  import: ['out'],
  publish: ['format', 'out', 'force', 'bold-first-mentions'],
};

/** Where the output goes; a promise when the reader is behind (the writer waits for it to drain). */
export type Output = (text: string | Uint8Array) => Promise<void> | void;

export async function main(argv: readonly string[], out: Output, err: (line: string) => void, stderrIsTerminal = false): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        format: { type: 'string', short: 'f' },
        entities: { type: 'string', short: 'e', multiple: true },
        'max-warnings': { type: 'string' },
        order: { type: 'string' },
        actor: { type: 'string' },
        tag: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        timestamp: { type: 'string' },
        out: { type: 'string', short: 'o' },
        jobs: { type: 'string', short: 'j' },
        shard: { type: 'string' },
        force: { type: 'boolean' },
        'bold-first-mentions': { type: 'boolean' },
      },
    });
    if (values.help) {
      out(`${HELP}\n`);
      return 0;
    }
    if (values.version) {
      out(`${PACKAGE_VERSION}\n`);
      return 0;
    }
    const [command, ...files] = positionals;
    if (command === 'help') {
      out(`${HELP}\n`);
      return 0;
    }
    if (command === undefined || !Object.hasOwn(COMMAND_OPTIONS, command)) {
      throw new UsageError(
        command === undefined ? 'missing command: check, export, events, import or publish' : `unknown command '${command}': use check, export, events, import or publish`,
      );
    }
    const foreign = Object.keys(values).find((option) => option !== 'entities' && !COMMAND_OPTIONS[command].includes(option));
    if (foreign) throw new UsageError(`--${foreign} is not an option of ${command}`);
    const registryFiles = values.entities ?? [];
    const parallel = { jobs: parseJobs(values.jobs), shard: parseShard(values.shard) };
    if (command === 'check') {
      return await check(files, { registryFiles, format: values.format ?? 'text', maxWarnings: values['max-warnings'], summaryOnStderr: stderrIsTerminal, ...parallel }, out, err);
    }
    if (command === 'import') return importBundle(files, values.out, out);
    if (command === 'publish') {
      return await publishFile(
        files,
        { format: values.format ?? 'html', outPath: values.out, force: values.force === true, boldFirstMentions: values['bold-first-mentions'] === true },
        registryFiles,
        out,
        err,
      );
    }
    if (command === 'export') return await exportFile(files, { format: values.format ?? 'json', timestamp: values.timestamp }, registryFiles, out);
    const order = values.order ?? 'chronological';
    const filters = { actor: values.actor, tag: values.tag, since: values.since, until: values.until };
    return await exportEvents(files, { format: values.format ?? 'json', order, registryFiles, ...filters, ...parallel }, out);
  } catch (error) {
    if (error instanceof FileError) err(`briefing: ${error.message}`);
    else if (error instanceof UsageError) err(`briefing: ${error.message} (see 'briefing --help')`);
    else if (isParseArgsError(error)) err(`briefing: ${parseArgsMessage(error.message)} (see 'briefing --help')`);
    else err(`briefing: internal error: ${errorMessage(error)}`);
    return 2;
  }
}

/**
 * Node's message, on one line: its first sentence, which names the option, and for a value that
 * starts with a dash (`--max-warnings -1`, read as an option) how to write it.
 */
function parseArgsMessage(message: string): string {
  const first = message.split(/\.\s/)[0];
  const dashed = /Option '(--[\w-]+)' argument is ambiguous/.exec(first);
  return dashed ? `${dashed[1]} needs a value; one that starts with '-' is written ${dashed[1]}=VALUE` : first;
}

/** Whether a file descriptor is a regular file's (not a pipe's or a terminal's). */
function isFile(fd: number): boolean {
  try {
    return fstatSync(fd).isFile();
  } catch {
    return false;
  }
}

/** Writes all the bytes to a file descriptor, in the thread pool. */
async function writeAll(fd: number, bytes: Uint8Array): Promise<void> {
  for (let at = 0; at < bytes.length;) {
    at += await new Promise<number>((resolve, reject) => writeFd(fd, bytes, at, bytes.length - at, null, (error, written) => (error ? reject(error) : resolve(written))));
  }
}

function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && String((error as NodeJS.ErrnoException).code ?? '').startsWith('ERR_PARSE_ARGS');
}

if (isWorker()) {
  runWorker();
} else if (require.main === module) {
  // A closed pipe (`briefing export x | head`) is not an error worth a stack trace.
  process.stdout.on('error', () => process.exit(process.exitCode ?? 0));
  const toStream: Output = (text) => (process.stdout.write(text) ? undefined : once(process.stdout, 'drain').then(() => undefined));
  // Into a file, bytes are written off the main thread (Node writes a file's stdout synchronously), so that the next are made meanwhile.
  const toFile = isFile(1);
  const write: Output = (text) => (toFile && typeof text !== 'string' ? writeAll(1, text) : toStream(text));
  // The editor's task reads stderr through a pipe, for a person: it asks for check's closing line.
  const forAPerson = process.stderr.isTTY === true || process.env.BRIEFING_SUMMARY === '1';
  void main(process.argv.slice(2), write, (line) => process.stderr.write(`${line}\n`), forAPerson).then((code) => {
    process.exitCode = code;
    // Written, then ended: the exit waits for what a pipe still holds.
    process.stdout.write('', () => process.exit(code));
  });
}

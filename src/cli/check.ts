/** `briefing check`: the problems of each file, as text, GitHub Actions annotations or GitLab's code quality report. */
import { createHash } from 'node:crypto';
import { formatCheckLine, type Diagnostic } from '../core';
import { FileError, UsageError } from './errors';
import type { CheckedFile } from './fileWork';
import { filesNamedByAll } from './files';
import { inShardOnly, type Shard } from './shard';
import { forEachFileInOrder } from './workers';

/**
 * Writes the problems found, a file's at a time as the files are read: `file` gives the text for
 * one file's problems, `end` what closes the output once all are read.
 */
interface Printer {
  file(file: string, diagnostics: readonly Diagnostic[]): string;
  end(): string;
}

/** A printer of one line per problem. */
const eachLine = (format: (file: string, diagnostic: Diagnostic) => string) => (): Printer => ({
  file: (file, diagnostics) => diagnostics.map((diagnostic) => `${format(file, diagnostic)}\n`).join(''),
  end: () => '',
});

const formatText = eachLine(formatCheckLine);

/** GitHub Actions' workflow command for an annotation; hints are never printed by check. */
const GITHUB_LEVELS: Record<Diagnostic['severity'], string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };
/** Escapes as GitHub's own toolkit does: `%` and line breaks in the message, also `:` and `,` in a property. */
const githubData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const githubProperty = (text: string) => githubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

const formatGithub = eachLine((file, diagnostic) => {
  const { start, end } = diagnostic.range;
  const where = `file=${githubProperty(file)},line=${start.line + 1},col=${start.character + 1},endLine=${end.line + 1},endColumn=${end.character + 1}`;
  return `::${GITHUB_LEVELS[diagnostic.severity]} ${where},title=${githubProperty(`briefing (${diagnostic.code})`)}::${githubData(diagnostic.message)}`;
});

/**
 * GitLab's severities (info, minor, major, critical, blocker). An error is `major`: what fails
 * the check, without claiming the urgency `critical` and `blocker` say. Hints are never printed.
 */
const GITLAB_SEVERITIES: Record<Diagnostic['severity'], string> = { error: 'major', warning: 'minor', information: 'info', hint: 'info' };

/**
 * GitLab's code quality report: one JSON array, `[]` when clean, written an issue at a time as
 * `JSON.stringify(issues, null, 2)` would write it whole. A fingerprint identifies a problem
 * across pipelines, so it leaves the line out (a problem moved by an edit above it is the same
 * problem) and counts repeats of the same message in a file (two are two problems).
 */
const formatGitlab = (): Printer => {
  let written = 0;
  return {
    file(file, diagnostics) {
      const seen = new Map<string, number>();
      return diagnostics
        .map((diagnostic) => {
          const key = `${file}\u0000${diagnostic.code}\u0000${diagnostic.message}`;
          const repeat = seen.get(key) ?? 0;
          seen.set(key, repeat + 1);
          const issue = {
            description: diagnostic.message,
            check_name: diagnostic.code,
            fingerprint: createHash('md5').update(`${key}\u0000${repeat}`).digest('hex'),
            severity: GITLAB_SEVERITIES[diagnostic.severity],
            location: { path: file, lines: { begin: diagnostic.range.start.line + 1 } },
          };
          return `${written++ === 0 ? '[\n' : ',\n'}  ${JSON.stringify(issue, null, 2).replace(/\n/g, '\n  ')}`;
        })
        .join('');
    },
    end: () => (written === 0 ? '[]\n' : '\n]\n'),
  };
};

const CHECK_FORMATS: Record<string, () => Printer> = { text: formatText, github: formatGithub, gitlab: formatGitlab };

export interface CheckOptions {
  readonly registryFiles: readonly string[];
  /** `text`, `github` or `gitlab`. */
  readonly format: string;
  /** `--max-warnings`, as given. */
  readonly maxWarnings: string | undefined;
  /** Whether stderr is a terminal: a person reads it, and is told what was checked, clean or not. */
  readonly summaryOnStderr?: boolean;
  /** Threads that read files (`--jobs`). */
  readonly jobs: number;
  /** Only this part of the files (`--shard`). */
  readonly shard: Shard | undefined;
}

export async function check(args: readonly string[], options: CheckOptions, out: (text: string) => Promise<void> | void, err: (line: string) => void): Promise<number> {
  if (!Object.hasOwn(CHECK_FORMATS, options.format)) throw new UsageError(`unknown format '${options.format}' for check: use text, github or gitlab`);
  const printer = CHECK_FORMATS[options.format]();
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  if (args.length === 0) throw new UsageError('check needs at least one FILE');
  let exitCode = 0;
  const cannotRead = (error: unknown) => {
    if (!(error instanceof FileError)) throw error;
    err(`briefing: ${error.message}`);
    exitCode = 2;
  };
  const files = inShardOnly(filesNamedByAll(args, cannotRead), options.shard);
  const checked = { briefings: 0, registries: 0 };
  const found = { error: 0, warning: 0, information: 0, hint: 0 };
  await forEachFileInOrder<CheckedFile>(files, { command: 'check' }, options.registryFiles, options.jobs, async (result, index) => {
    if ('unreadable' in result) return cannotRead(new FileError(result.unreadable));
    checked[result.kind === 'registry' ? 'registries' : 'briefings']++;
    for (const diagnostic of result.diagnostics) found[diagnostic.severity]++;
    if (exitCode === 0 && found.error > 0) exitCode = 1;
    const text = printer.file(files[index], result.diagnostics);
    if (text) await out(text);
  });
  const end = printer.end();
  if (end) await out(end);
  if (found.warning > maxWarnings) {
    // On stderr: what stdout holds stays the problems, in the format asked for.
    err(`briefing: ${found.warning} warning${found.warning === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}`);
    if (exitCode === 0) exitCode = 1;
  }
  if (options.summaryOnStderr) err(checkSummary(checked, found));
  return exitCode;
}

const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "3 briefings checked: no problems", or what was found: a line for a person at a terminal. */
export function checkSummary(checked: { readonly briefings: number; readonly registries: number }, found: Readonly<Record<Diagnostic['severity'], number>>): string {
  const what = [
    checked.briefings > 0 || checked.registries === 0 ? counted(checked.briefings, 'briefing', 'briefings') : '',
    checked.registries > 0 ? counted(checked.registries, 'registry', 'registries') : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const others = found.information + found.hint;
  const problems = [
    found.error > 0 ? counted(found.error, 'error', 'errors') : '',
    found.warning > 0 ? counted(found.warning, 'warning', 'warnings') : '',
    others > 0 ? counted(others, 'information', 'information') : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${what} checked: ${problems || 'no problems'}`;
}

/** `--max-warnings N`, a whole number; without it, any number of warnings passes. */
function parseMaxWarnings(value: string | undefined): number {
  if (value === undefined) return Infinity;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number of warnings, 0 or more (got '${value}')`);
  return Number(value);
}

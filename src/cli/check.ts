/** `briefing check`: the problems of each file, as text, GitHub Actions annotations or GitLab's code quality report. */
import { createHash } from 'node:crypto';
import { isoCountries, isRegistryFileName, parseBriefing, parseRegistry, type Diagnostic } from '../core';
import { FileError, UsageError } from './errors';
import { filesNamedByAll, readRegistries, readText } from './files';

interface Problem {
  readonly file: string;
  readonly diagnostic: Diagnostic;
}

/** The lines printed for all the problems found. */
type Formatter = (problems: readonly Problem[]) => string[];

/** A formatter of one line per problem. */
const eachLine =
  (format: (file: string, diagnostic: Diagnostic) => string): Formatter =>
  (problems) =>
    problems.map(({ file, diagnostic }) => format(file, diagnostic));

const formatText = eachLine((file, diagnostic) => {
  const { line, character } = diagnostic.range.start;
  return `${file}:${line + 1}:${character + 1}: ${diagnostic.severity}: ${diagnostic.message}`;
});

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
 * GitLab's code quality report: one JSON array, `[]` when clean. A fingerprint identifies a
 * problem across pipelines, so it leaves the line out (a problem moved by an edit above it is
 * the same problem) and counts repeats of the same message in a file (two are two problems).
 */
const formatGitlab: Formatter = (problems) => {
  const seen = new Map<string, number>();
  const issues = problems.map(({ file, diagnostic }) => {
    const key = `${file}\u0000${diagnostic.code}\u0000${diagnostic.message}`;
    const repeat = seen.get(key) ?? 0;
    seen.set(key, repeat + 1);
    return {
      description: diagnostic.message,
      check_name: diagnostic.code,
      fingerprint: createHash('md5').update(`${key}\u0000${repeat}`).digest('hex'),
      severity: GITLAB_SEVERITIES[diagnostic.severity],
      location: { path: file, lines: { begin: diagnostic.range.start.line + 1 } },
    };
  });
  return [JSON.stringify(issues, null, 2)];
};

const CHECK_FORMATS: Record<string, Formatter> = { text: formatText, github: formatGithub, gitlab: formatGitlab };

export interface CheckOptions {
  readonly registryFiles: readonly string[];
  /** `text`, `github` or `gitlab`. */
  readonly format: string;
  /** `--max-warnings`, as given. */
  readonly maxWarnings: string | undefined;
  /** Whether stderr is a terminal: a person reads it, and is told what was checked, clean or not. */
  readonly summaryOnStderr?: boolean;
}

export function check(args: readonly string[], options: CheckOptions, out: (line: string) => void, err: (line: string) => void): number {
  if (!Object.hasOwn(CHECK_FORMATS, options.format)) throw new UsageError(`unknown format '${options.format}' for check: use text, github or gitlab`);
  const format = CHECK_FORMATS[options.format];
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  if (args.length === 0) throw new UsageError('check needs at least one FILE');
  const registries = readRegistries(options.registryFiles);
  let exitCode = 0;
  let warnings = 0;
  const problems: Problem[] = [];
  const cannotRead = (error: unknown) => {
    if (!(error instanceof FileError)) throw error;
    err(`briefing: ${error.message}`);
    exitCode = 2;
  };
  const files = filesNamedByAll(args, cannotRead);
  const checked = { briefings: 0, registries: 0 };
  for (const file of files) {
    let text: string;
    try {
      text = readText(file);
    } catch (error) {
      cannotRead(error);
      continue;
    }
    const isRegistry = isRegistryFileName(file);
    const diagnostics = isRegistry ? parseRegistry(text, file).diagnostics : parseBriefing(text, { registries, countries: isoCountries() }).diagnostics;
    if (isRegistry) checked.registries++;
    else checked.briefings++;
    for (const diagnostic of diagnostics) problems.push({ file, diagnostic });
    if (exitCode === 0 && diagnostics.some((diagnostic) => diagnostic.severity === 'error')) exitCode = 1;
    warnings += diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length;
  }
  for (const line of format(problems)) out(line);
  if (warnings > maxWarnings) {
    // On stderr: what stdout holds stays the problems, in the format asked for.
    err(`briefing: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}`);
    if (exitCode === 0) exitCode = 1;
  }
  if (options.summaryOnStderr) err(checkSummary(checked, problems));
  return exitCode;
}

const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "3 briefings checked: no problems", or what was found: a line for a person at a terminal. */
export function checkSummary(checked: { readonly briefings: number; readonly registries: number }, problems: readonly Problem[]): string {
  const what = [
    checked.briefings > 0 || checked.registries === 0 ? counted(checked.briefings, 'briefing', 'briefings') : '',
    checked.registries > 0 ? counted(checked.registries, 'registry', 'registries') : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const errors = problems.filter(({ diagnostic }) => diagnostic.severity === 'error').length;
  const warnings = problems.filter(({ diagnostic }) => diagnostic.severity === 'warning').length;
  const others = problems.length - errors - warnings;
  const found = [
    errors > 0 ? counted(errors, 'error', 'errors') : '',
    warnings > 0 ? counted(warnings, 'warning', 'warnings') : '',
    others > 0 ? counted(others, 'information', 'information') : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${what} checked: ${found || 'no problems'}`;
}

/** `--max-warnings N`, a whole number; without it, any number of warnings passes. */
function parseMaxWarnings(value: string | undefined): number {
  if (value === undefined) return Infinity;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number of warnings, 0 or more (got '${value}')`);
  return Number(value);
}

/** `briefing check`: the problems of each file, as text or as GitHub Actions annotations. */
import { isRegistryFileName, parseBriefing, parseRegistry, type Diagnostic } from '../core';
import { FileError, UsageError } from './errors';
import { filesNamedBy, readRegistries, readText } from './files';

type Formatter = (file: string, diagnostic: Diagnostic) => string;

const formatText: Formatter = (file, diagnostic) => {
  const { line, character } = diagnostic.range.start;
  return `${file}:${line + 1}:${character + 1}: ${diagnostic.severity}: ${diagnostic.message}`;
};

/** GitHub Actions' workflow command for an annotation; hints are never printed by check. */
const GITHUB_LEVELS: Record<Diagnostic['severity'], string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };
/** Escapes as GitHub's own toolkit does: `%` and line breaks in the message, also `:` and `,` in a property. */
const githubData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const githubProperty = (text: string) => githubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

const formatGithub: Formatter = (file, diagnostic) => {
  const { start, end } = diagnostic.range;
  const where = `file=${githubProperty(file)},line=${start.line + 1},col=${start.character + 1},endLine=${end.line + 1},endColumn=${end.character + 1}`;
  return `::${GITHUB_LEVELS[diagnostic.severity]} ${where},title=${githubProperty(`briefing (${diagnostic.code})`)}::${githubData(diagnostic.message)}`;
};

const CHECK_FORMATS: Record<string, Formatter> = { text: formatText, github: formatGithub };

export interface CheckOptions {
  readonly registryFiles: readonly string[];
  /** `text` or `github`. */
  readonly format: string;
  /** `--max-warnings`, as given. */
  readonly maxWarnings: string | undefined;
}

export function check(args: readonly string[], options: CheckOptions, out: (line: string) => void, err: (line: string) => void): number {
  if (!Object.hasOwn(CHECK_FORMATS, options.format)) throw new UsageError(`unknown format '${options.format}' for check: use text or github`);
  const formatDiagnostic = CHECK_FORMATS[options.format];
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  if (args.length === 0) throw new UsageError('check needs at least one FILE');
  const registries = readRegistries(options.registryFiles);
  let exitCode = 0;
  let warnings = 0;
  const cannotRead = (error: unknown) => {
    if (!(error instanceof FileError)) throw error;
    err(`briefing: ${error.message}`);
    exitCode = 2;
  };
  const files = args.flatMap((argument) => {
    try {
      return filesNamedBy(argument);
    } catch (error) {
      cannotRead(error);
      return [];
    }
  });
  for (const file of files) {
    let text: string;
    try {
      text = readText(file);
    } catch (error) {
      cannotRead(error);
      continue;
    }
    const diagnostics = isRegistryFileName(file) ? parseRegistry(text, file).diagnostics : parseBriefing(text, { registries }).diagnostics;
    for (const diagnostic of diagnostics) out(formatDiagnostic(file, diagnostic));
    if (exitCode === 0 && diagnostics.some((diagnostic) => diagnostic.severity === 'error')) exitCode = 1;
    warnings += diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length;
  }
  if (warnings > maxWarnings) {
    // On stderr: what stdout holds stays the problems, in the format asked for.
    err(`briefing: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}`);
    if (exitCode === 0) exitCode = 1;
  }
  return exitCode;
}

/** `--max-warnings N`, a whole number; without it, any number of warnings passes. */
function parseMaxWarnings(value: string | undefined): number {
  if (value === undefined) return Infinity;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number of warnings, 0 or more (got '${value}')`);
  return Number(value);
}

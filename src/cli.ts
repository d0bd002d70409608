#!/usr/bin/env node
/**
 * `briefing`: check and export briefings outside the editor, over the same core (DESIGN §2).
 * Exit codes: 0 clean, 1 an Error was found (check), 2 usage error or unreadable file.
 */
import { readFileSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import { parseArgs } from 'node:util';
import { FileError, UsageError } from './cliErrors';
import { filesNamedBy } from './cliFiles';
import { errorMessage, eventsToCsv, isRegistryFileName, parseBriefing, parseRegistry, toJson, type Diagnostic, type Registry } from './core';

declare const PACKAGE_VERSION: string;

const MAX_FILE_BYTES = 50 * 1024 * 1024;

const HELP = `Usage:
  briefing check FILE... [--format text|github] [--entities FILE]... [--max-warnings N]
      Print FILE:LINE:COLUMN: SEVERITY: MESSAGE for every problem (text, the
      default), or GitHub Actions annotations (github), which show each problem
      on its line in a pull request.
      Exit 1 when an error was found, or more than N warnings (in all the
      files together) with --max-warnings N; else 0. FILE may also be a
      registry (entities.yaml or *.entities.yaml).
  briefing export FILE [--format json|csv] [--entities FILE]...
      Print the briefing's model as JSON (default) or its events as CSV.
  briefing --help | --version

--entities FILE  a workspace registry of actors and places (repeatable);
                 the briefing's own entries override it.
FILE may be a pattern ("reports/**/*.briefing", quoted): briefing expands it,
in path order, where the shell does not; node_modules is skipped.
Exit codes: 0 success, 1 errors found by check, 2 usage error or unreadable file.`;

function readText(file: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new FileError(`${file}: is a directory, not a file (for the briefings in it: '${posix.join(file.replaceAll('\\', '/'), '**/*.briefing')}')`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code ?? String(error)})`);
  }
  if (size > MAX_FILE_BYTES) throw new FileError(`${file}: too large (${(size / 1048576).toFixed(1)} MB; the limit is 50 MB)`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new FileError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (bytes.includes(0)) throw new FileError(`${file}: looks binary (it contains NUL bytes); a briefing is UTF-8 text`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new FileError(`${file}: is not valid UTF-8 text`);
  }
}

function readRegistries(args: readonly string[]): Registry[] {
  return args.flatMap(filesNamedBy).map((file) => parseRegistry(readText(file), file));
}

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

interface CheckOptions {
  readonly registryFiles: readonly string[];
  readonly formatDiagnostic: Formatter;
  /** More warnings than this, in all the files together, fail the check as an error does. */
  readonly maxWarnings: number;
}

function check(args: readonly string[], options: CheckOptions, out: (line: string) => void, err: (line: string) => void): number {
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
    for (const diagnostic of diagnostics) out(options.formatDiagnostic(file, diagnostic));
    if (exitCode === 0 && diagnostics.some((diagnostic) => diagnostic.severity === 'error')) exitCode = 1;
    warnings += diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length;
  }
  if (warnings > options.maxWarnings) {
    // On stderr: what stdout holds stays the problems, in the format asked for.
    err(`briefing: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings}`);
    if (exitCode === 0) exitCode = 1;
  }
  return exitCode;
}

function exportFile(args: readonly string[], format: string, registryFiles: readonly string[], out: (text: string) => void): number {
  const files = args.flatMap(filesNamedBy);
  if (files.length !== 1) throw new UsageError(`export takes exactly one FILE (got ${files.length})`);
  if (format !== 'json' && format !== 'csv') throw new UsageError(`unknown format '${format}': use json or csv`);
  const registries = readRegistries(registryFiles);
  const model = parseBriefing(readText(files[0]), { registries });
  out(format === 'json' ? toJson(model) : eventsToCsv(model.events));
  return 0;
}

export function main(argv: readonly string[], out: (text: string) => void, err: (line: string) => void): number {
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
    const registries = values.entities ?? [];
    if (command === 'check') {
      const format = values.format ?? 'text';
      if (!Object.hasOwn(CHECK_FORMATS, format)) throw new UsageError(`unknown format '${format}' for check: use text or github`);
      const maxWarnings = parseMaxWarnings(values['max-warnings']);
      return check(files, { registryFiles: registries, formatDiagnostic: CHECK_FORMATS[format], maxWarnings }, (line) => out(`${line}\n`), err);
    }
    if (command === 'export') {
      if (values['max-warnings'] !== undefined) throw new UsageError('--max-warnings is an option of check, not of export');
      return exportFile(files, values.format ?? 'json', registries, out);
    }
    if (command === 'help') {
      out(`${HELP}\n`);
      return 0;
    }
    throw new UsageError(command === undefined ? 'missing command: check or export' : `unknown command '${command}': use check or export`);
  } catch (error) {
    if (error instanceof FileError) err(`briefing: ${error.message}`);
    else if (error instanceof UsageError) err(`briefing: ${error.message} (see 'briefing --help')`);
    else if (isParseArgsError(error)) err(`briefing: ${parseArgsMessage(error.message)} (see 'briefing --help')`);
    else err(`briefing: internal error: ${errorMessage(error)}`);
    return 2;
  }
}

/** `--max-warnings N`, a whole number; without it, any number of warnings passes. */
function parseMaxWarnings(value: string | undefined): number {
  if (value === undefined) return Infinity;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number of warnings, 0 or more (got '${value}')`);
  return Number(value);
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

function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && String((error as NodeJS.ErrnoException).code ?? '').startsWith('ERR_PARSE_ARGS');
}

if (require.main === module) {
  const chunks: string[] = [];
  const code = main(process.argv.slice(2), (text) => chunks.push(text), (line) => process.stderr.write(`${line}\n`));
  // A closed pipe (`briefing export x | head`) is not an error worth a stack trace.
  process.stdout.on('error', () => process.exit(code));
  process.stdout.write(chunks.join(''), () => process.exit(code));
}

/** Reading the files the command line names: patterns expanded, and every way a file can be unreadable said in one line. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, posix, resolve } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { parseRegistry, type Registry } from '../core';
import { FileError, UsageError } from './errors';

const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Where a `**` should not look: installed packages (a `.git` folder is skipped as every dot folder is). */
const IGNORED = ['**/node_modules/**'];

/**
 * The files an argument names: the argument itself when it names a file that exists or holds no
 * pattern; otherwise the files its pattern matches, ordered by path as the editor orders
 * registries. A POSIX shell expands `reports/*.briefing` before the program starts, but
 * PowerShell and cmd.exe do not, and a quoted pattern reaches every shell unexpanded: the
 * program expands such a pattern itself, as ESLint and Prettier do.
 */
function filesNamedBy(argument: string): string[] {
  const pattern = globPatternOf(argument);
  if (!isDynamicPattern(pattern) || existsSync(argument)) return [argument];
  const matched = globSync(pattern, { absolute: isAbsolute(argument), onlyFiles: true, expandDirectories: false, ignore: IGNORED });
  if (matched.length === 0) throw new FileError(`${argument}: no file matches this pattern`);
  return matched.sort((a, b) => a.localeCompare(b));
}

/**
 * The pattern an argument writes. On Windows `\` separates folders (`reports\*.briefing`, as
 * PowerShell completes paths), while in a pattern it escapes the next character: it becomes `/`.
 */
export function globPatternOf(argument: string, platform: string = process.platform): string {
  return platform === 'win32' ? argument.replaceAll('\\', '/') : argument;
}

/**
 * The files of every argument, each once: a file that two arguments name (a pattern and the
 * file itself) is checked once, and its events are not counted twice. The first name is kept.
 * A pattern that matches nothing goes to `onError` when given, and the other arguments are read.
 */
export function filesNamedByAll(args: readonly string[], onError?: (error: unknown) => void): string[] {
  const seen = new Set<string>();
  const files: string[] = [];
  for (const argument of args) {
    let named: string[];
    try {
      named = filesNamedBy(argument);
    } catch (error) {
      if (!onError) throw error;
      onError(error);
      continue;
    }
    for (const file of named) {
      const key = resolve(file);
      if (seen.has(key)) continue;
      seen.add(key);
      files.push(file);
    }
  }
  return files;
}

/** A file's text: UTF-8, not binary, at most 50 MB; otherwise a FileError that says which. */
export function readText(file: string): string {
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

/** The registries of `--entities`, in the order given (each pattern's files in path order). */
export function readRegistries(args: readonly string[]): Registry[] {
  return filesNamedByAll(args).map((file) => parseRegistry(readText(file), file));
}

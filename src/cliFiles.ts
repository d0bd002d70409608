/**
 * The files a command-line argument names. A POSIX shell expands `reports/*.briefing` before
 * the program starts, but PowerShell and cmd.exe do not, and a quoted pattern reaches every
 * shell unexpanded: the program expands such a pattern itself, as ESLint and Prettier do.
 */
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { FileError } from './cliErrors';

/** Where a `**` should not look: installed packages (a `.git` folder is skipped as every dot folder is). */
const IGNORED = ['**/node_modules/**'];

/**
 * The argument itself when it names a file that exists or holds no pattern; otherwise the files
 * its pattern matches, ordered by path as the editor orders registries.
 */
export function filesNamedBy(argument: string): string[] {
  if (!isDynamicPattern(argument) || existsSync(argument)) return [argument];
  const matched = globSync(argument, { absolute: isAbsolute(argument), onlyFiles: true, expandDirectories: false, ignore: IGNORED });
  if (matched.length === 0) throw new FileError(`${argument}: no file matches this pattern`);
  return matched.sort((a, b) => a.localeCompare(b));
}

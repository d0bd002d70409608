/** `briefing import`: briefings from a STIX 2.1 bundle. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importStix, isoCountries } from '../core';
import { FileError, UsageError } from './errors';
import { readText } from './files';

/**
 * Without `--out`, prints the bundle's briefing (a bundle of several reports needs `--out`); with
 * it, writes each briefing into that folder and prints its path. Nothing is written unless all
 * can be: an existing file is never overwritten.
 */
export function importBundle(args: readonly string[], outDir: string | undefined, out: (text: string) => void): number {
  if (args.length !== 1) throw new UsageError(`import takes exactly one BUNDLE (got ${args.length})`);
  const imported = importStix(readText(args[0]), isoCountries());
  if (!imported.ok) throw new FileError(`${args[0]}: ${imported.message}`);
  const { briefings } = imported;
  if (outDir === undefined) {
    if (briefings.length > 1) throw new UsageError(`${args[0]} holds ${briefings.length} reports, one briefing each: give --out DIR to write them`);
    out(briefings[0].text);
    return 0;
  }
  const paths = briefings.map((briefing) => join(outDir, briefing.fileName));
  const existing = paths.find((path) => existsSync(path));
  if (existing) throw new FileError(`${existing}: already exists; nothing was written (import into an empty folder, or move it)`);
  try {
    mkdirSync(outDir, { recursive: true });
    briefings.forEach((briefing, index) => writeFileSync(paths[index], briefing.text, { flag: 'wx' }));
  } catch (error) {
    throw new FileError(`${outDir}: cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  out(paths.map((path) => `${path}\n`).join(''));
  return 0;
}

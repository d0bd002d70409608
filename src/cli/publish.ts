/** `briefing publish`: a briefing as a product someone else reads (docs/cli.md). */
import { writeFileSync } from 'node:fs';
import { isoCountries, isRegistryFileName, parseBriefing, productOf } from '../core';
import type * as Publish from '../publish';
import { UsageError } from './errors';
import { filesNamedByAll, readRegistries, readText } from './files';

export interface PublishOptions {
  readonly format: string;
  readonly outPath: string | undefined;
  readonly force: boolean;
  readonly boldFirstMentions: boolean;
}

/** `briefing publish FILE [--format html|docx] [--out PATH] [--force] [--bold-first-mentions]`: the page on stdout, or the product in PATH. */
export async function publishFile(
  args: readonly string[],
  options: PublishOptions,
  registryFiles: readonly string[],
  out: (text: string) => Promise<void> | void,
  err: (line: string) => void,
): Promise<number> {
  if (options.format !== 'html' && options.format !== 'docx') throw new UsageError(`unknown format '${options.format}' for publish: use html or docx`);
  // A Word document is a binary file: never poured into a terminal.
  if (options.format === 'docx' && options.outPath === undefined) throw new UsageError('publish --format docx writes a file: give --out PATH');
  const files = filesNamedByAll(args);
  if (files.length !== 1) throw new UsageError(`publish takes exactly one FILE (got ${files.length})`);
  if (isRegistryFileName(files[0])) throw new UsageError(`publish takes a briefing, and ${files[0]} is a registry`);
  const briefing = parseBriefing(readText(files[0]), { registries: readRegistries(registryFiles), countries: isoCountries() });
  const outcome = productOf(briefing, { force: options.force, boldFirstMentions: options.boldFirstMentions });
  if ('refused' in outcome) {
    // Never a product whose banner under-marks what it holds: the editor's own Error says where.
    const [first, ...more] = outcome.refused;
    const others = more.length > 0 ? ` (and ${more.length} more)` : '';
    err(`briefing: ${files[0]}:${first.range.start.line + 1}: not published: ${first.message}${others}; --force publishes it as ${outcome.covering}`);
    return 1;
  }
  if (outcome.raisedFrom !== undefined) {
    const from = outcome.raisedFrom === '' ? 'it has no classification' : `above its classification '${outcome.raisedFrom}'`;
    err(`briefing: ${files[0]}: published as ${outcome.product.banner}, ${from} (--force)`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle beside this one, read at run time
  const publish = require('./publish.js') as typeof Publish;
  if (options.format === 'docx') {
    writeFileSync(options.outPath as string, await publish.productDocx(outcome.product));
    return 0;
  }
  const page = publish.productHtml(outcome.product);
  if (options.outPath === undefined) await out(page);
  else writeFileSync(options.outPath, page);
  return 0;
}

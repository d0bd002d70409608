/**
 * Issue 34's fresh process: `briefing export` of a held-out 1 MB briefing as CI runs it (a new
 * process, a cold JIT, its output written to a file), against a new process that parses the same
 * front matter with the `yaml` package and the same body with markdown-it (bench/coldBaseline.ts).
 * Whole processes, timed from the parent, in pairs whose order alternates.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { timingOf, type Timing } from './measure';

export interface FreshExport {
  readonly export: Timing;
  readonly baseline: Timing;
}

export function measureFreshExport(options: { cli: string; baseline: string; briefing: string; folder: string; pairs: number }): FreshExport {
  const output = path.join(options.folder, 'export.json');
  const timed = (args: readonly string[]): number => {
    const fd = fs.openSync(output, 'w');
    try {
      const start = performance.now();
      const child = spawnSync(process.execPath, args, { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      const ms = performance.now() - start;
      if (child.status !== 0) throw new Error(`${args.join(' ')} failed: ${child.stderr}`);
      return ms;
    } finally {
      fs.closeSync(fd);
    }
  };
  const ours: number[] = [];
  const theirs: number[] = [];
  const runOurs = () => ours.push(timed([options.cli, 'export', options.briefing]));
  const runTheirs = () => theirs.push(timed([options.baseline, options.briefing]));
  // One pair of each order first, untimed: the file system's cache warm for both.
  runOurs();
  runTheirs();
  ours.length = theirs.length = 0;
  for (let pair = 0; pair < options.pairs; pair++) {
    if (pair % 2 === 0) {
      runOurs();
      runTheirs();
    } else {
      runTheirs();
      runOurs();
    }
  }
  return { export: timingOf(ours), baseline: timingOf(theirs) };
}

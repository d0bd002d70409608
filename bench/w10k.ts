/**
 * W10k (issue 34), in a fresh process: writes the team's 10,000 briefings into a temporary
 * folder, then indexes them as the workspace index does today (each file read, then parsed
 * whole and its model kept; the merged chronology built), timing it, its peak memory and the
 * longest time the event loop was blocked meanwhile (`monitorEventLoopDelay`). Prints JSON. The
 * figures are the baseline the index at that size is to be measured against.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { execFileSync, spawnSync } from 'node:child_process';
import { parseBriefing, parseRegistry, type Briefing } from '../src/core';
import { buildTimeline, collectEvents } from '../src/core/language/timeline';
import { writeW10k } from './generate';

const repoRoot = path.resolve(__dirname, '../..');

async function main(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'briefings-w10k-'));
  try {
    const started = performance.now();
    let bytes = 0;
    const { registry, briefings } = writeW10k(folder, (file, text) => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      bytes += Buffer.byteLength(text);
    });
    const generatedMs = performance.now() - started;

    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const indexStart = performance.now();
    const registries = [parseRegistry(await fs.promises.readFile(registry, 'utf8'), registry)];
    const models: { source: string; label: string; briefing: Briefing }[] = [];
    let firstHundredMs = 0;
    for (const file of briefings) {
      const text = await fs.promises.readFile(file, 'utf8');
      models.push({ source: file, label: path.relative(folder, file), briefing: parseBriefing(text, { registries }) });
      if (models.length === 100) firstHundredMs = performance.now() - indexStart;
    }
    const parsedMs = performance.now() - indexStart;
    const chronologyStart = performance.now();
    const timeline = buildTimeline(collectEvents(models), { order: 'chronological', grouping: 'none' });
    const chronologyMs = performance.now() - chronologyStart;
    await new Promise((resolve) => setImmediate(resolve));
    delay.disable();
    models.length = 0;
    const index = JSON.parse(execFileSync(process.execPath, ['--expose-gc', path.join(__dirname, 'indexW10k.js'), folder], { encoding: 'utf8', maxBuffer: 1 << 20 })) as Record<
      string,
      unknown
    >;
    const timerFloor = JSON.parse(execFileSync(process.execPath, [path.join(__dirname, 'timerFloor.js'), folder], { encoding: 'utf8', maxBuffer: 1 << 20 })) as Record<
      string,
      unknown
    >;
    const cli = {
      check: runCli(folder, ['check', '**/*.briefing', '--entities', 'entities.yaml']),
      events: runCli(folder, ['events', '**/*.briefing', '--entities', 'entities.yaml']),
      checkShard: runCli(folder, ['check', '**/*.briefing', '--entities', 'entities.yaml', '--shard', '1/2']),
    };
    process.stdout.write(
      JSON.stringify({
        index,
        timerFloor,
        cli,
        files: briefings.length,
        megabytes: bytes / 1048576,
        generatedMs,
        firstHundredMs,
        parsedMs,
        chronologyMs,
        events: timeline.events?.length ?? 0,
        longestBlockMs: delay.max / 1e6,
        peakRssMb: process.resourceUsage().maxRSS / 1024,
      }),
    );
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * A run of the command-line program in a new process, as CI runs it: its wall time from the
 * start of the process to its end, its peak memory, and how many bytes it printed.
 */
function runCli(cwd: string, args: readonly string[]): { ms: number; peakRssMb: number; outputMb: number; code: number | null } {
  const peakFile = path.join(os.tmpdir(), `briefing-bench-peak-${process.pid}`);
  const outputFile = path.join(os.tmpdir(), `briefing-bench-output-${process.pid}`);
  const output = fs.openSync(outputFile, 'w');
  try {
    const started = performance.now();
    const child = spawnSync(process.execPath, ['--require', path.join(__dirname, 'peakRss.js'), path.join(repoRoot, 'dist/cli.js'), ...args], {
      cwd,
      env: { ...process.env, BENCH_PEAK_FILE: peakFile },
      stdio: ['ignore', output, 'ignore'],
    });
    const ms = performance.now() - started;
    return { ms, peakRssMb: Number(fs.readFileSync(peakFile, 'utf8')), outputMb: fs.fstatSync(output).size / 1048576, code: child.status };
  } finally {
    fs.closeSync(output);
    fs.rmSync(peakFile, { force: true });
    fs.rmSync(outputFile, { force: true });
  }
}

void main();

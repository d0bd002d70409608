/**
 * The workspace index of the extension (its real code, over nodeVscode.ts) on the W10k folder the
 * bench wrote: the time to the first answer, the longest time the event loop was blocked meanwhile
 * and how long a hover waited, the peak memory, a file changed on disk read again, and Go to Symbol
 * in Workspace once indexed. Prints JSON. Run by w10k.ts in a process of its own.
 */
import './hookVscode';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { entityAt, hoverMarkdown, internTable, longChronology, parseBriefing, sortChronologically, summarize, type BriefingStore, type EventFilter } from '../src/core';
import { revealLineTarget } from '../src/features/commandLinks';
import { readBriefing, readBriefings } from '../src/features/onDemand/readBriefings';
import { parseRegistryInSlices } from '../src/features/registryInSlices';
import { WorkspaceIndex } from '../src/features/workspaceIndex';
import { fileEvents, progressReports, workspaceFsCalls } from './nodeVscode';

async function main(): Promise<void> {
  const folder = process.argv[2];
  const registryFile = path.join(folder, 'entities.yaml');
  // The registry as the extension reads one this long: in slices, then its first briefing parsed.
  const registryDelay = monitorEventLoopDelay({ resolution: 5 });
  registryDelay.enable();
  const registryStart = performance.now();
  const registries = [await parseRegistryInSlices(fs.readFileSync(registryFile, 'utf8'), `file://${registryFile}`)];
  const registryMs = performance.now() - registryStart;
  const termsStart = performance.now();
  parseBriefing('', { registries });
  const registryTermsMs = performance.now() - termsStart;
  await new Promise((resolve) => setImmediate(resolve));
  registryDelay.disable();
  const registryBlockMs = registryDelay.max / 1e6;
  // The open briefing a hover is asked in meanwhile: the sample.
  const sample = parseBriefing(fs.readFileSync(path.join(__dirname, '../../samples/vladivostok-summit.briefing'), 'utf8'), { registries });
  const hoverOffset = sample.mentions[Math.floor(sample.mentions.length / 2)].range.startOffset + 1;
  const hover = () => hoverMarkdown(sample, entityAt(sample, hoverOffset)!.entity, 'file:///sample.briefing', revealLineTarget);

  const watcher = { registries, onDidChange: () => ({ dispose() {} }) };
  const onDemand = { load: async () => ({ readBriefings, readBriefing, summarize, internTable }) };
  const index = new WorkspaceIndex({} as BriefingStore, watcher as never, () => 10 * 1024 * 1024, onDemand);

  const delay = monitorEventLoopDelay({ resolution: 5 });
  let longestHoverMs = 0;
  let longestHoverWaitMs = 0;
  let longestHoverComputeMs = 0;
  let hovers = 0;
  let probing = true;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const probe = () => {
    const asked = performance.now();
    pending = setTimeout(() => {
      const waited = performance.now() - asked - 20;
      const computing = performance.now();
      hover();
      longestHoverComputeMs = Math.max(longestHoverComputeMs, performance.now() - computing);
      longestHoverMs = Math.max(longestHoverMs, performance.now() - asked - 20);
      longestHoverWaitMs = Math.max(longestHoverWaitMs, waited);
      hovers++;
      if (probing) probe();
    }, 20);
  };
  delay.enable();
  probe();
  const started = performance.now();
  const callsBefore = workspaceFsCalls.count;
  const summaries = await index.summaries();
  const fsCalls = workspaceFsCalls.count - callsBefore;
  const answeredMs = performance.now() - started;
  probing = false;
  clearTimeout(pending);
  delay.disable();
  (globalThis as { gc?: () => void }).gc?.();
  const heapMb = process.memoryUsage().heapUsed / 1048576;

  const symbolsStart = performance.now();
  let symbols = 0;
  for (const { summary } of summaries) for (const entity of summary.entities) if (entity.name.toLowerCase().includes('ka')) symbols++;
  const symbolsMs = performance.now() - symbolsStart;

  // The Events view's long chronology of the workspace: built, a month expanded, filtered.
  const sources = summaries.map(({ uri, summary }) => ({ source: uri.toString(), label: uri.toString(), briefing: summary }));
  const chronologyStart = performance.now();
  const { years, count: eventCount } = longChronology(sources, undefined);
  const chronologyMs = performance.now() - chronologyStart;
  const months = years.flatMap((year) => year.months);
  const biggest = months.reduce((a, b) => (b.events.length > a.events.length ? b : a));
  const expandStart = performance.now();
  const rows = sortChronologically(biggest.events).map((item) => ({ item, id: item.id }));
  const expandMs = performance.now() - expandStart;
  const filterMs = (filter: EventFilter) => {
    const start = performance.now();
    longChronology(sources, filter);
    return performance.now() - start;
  };
  const actor = sources[0].briefing.events.find((event) => event.actors.length > 0)?.actors[0] ?? '';
  const filters = { textMs: filterMs({ text: 'kara' }), actorMs: filterMs({ actor }), tagMs: filterMs({ tag: 'sanctions' }) };

  // A file changed on disk: an event added, the index told, its summary read again.
  const changed = summaries[Math.floor(summaries.length / 2)].uri as unknown as { fsPath: string };
  fs.appendFileSync(changed.fsPath, '\n- 2024-01-02: A new event.\n');
  const reread = new Promise<void>((resolve) => index.onDidChange(() => resolve()));
  const changeStart = performance.now();
  fileEvents.changed.fire(changed as never);
  await reread;
  const changeMs = performance.now() - changeStart;

  process.stdout.write(
    JSON.stringify({
      files: summaries.length,
      events: summaries.reduce((sum, { summary }) => sum + summary.eventColumns.count, 0),
      registryMs,
      registryBlockMs,
      registryTermsMs,
      answeredMs,
      longestBlockMs: delay.max / 1e6,
      longestHoverMs,
      longestHoverWaitMs,
      longestHoverComputeMs,
      hovers,
      workspaceFsCalls: fsCalls,
      progressReports: progressReports.length,
      lastProgress: progressReports.at(-1),
      heapAfterMb: heapMb,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      symbolsMs,
      symbols,
      changeMs,
      chronology: { events: eventCount, months: months.length, ms: chronologyMs, biggestMonth: rows.length, expandMs, ...filters },
    }),
  );
  index.dispose();
}

void main();

/**
 * Peak memory of holding a scenario's models, in a fresh process: prints JSON
 * { peakRssMb, heapUsedMb }.
 */
import { parseBriefing, parseRegistry } from '../src/core';
import { buildTimeline, collectEvents } from '../src/core/language/timeline';
import { makeLarge, makeWorkspace } from './generate';

const scenario = process.argv[2];
const kept: unknown[] = [];
if (scenario === 'L') {
  const { text } = makeLarge();
  kept.push(parseBriefing(text));
} else {
  const { registry, briefings } = makeWorkspace();
  const registries = [parseRegistry(registry, 'entities.yaml')];
  const models = briefings.map((text, index) => ({ source: `file:///w/${index}.briefing`, label: `${index}.briefing`, briefing: parseBriefing(text, { registries }) }));
  kept.push(models, buildTimeline(collectEvents(models), { order: 'chronological', grouping: 'none' }));
}
(globalThis as { gc?: () => void }).gc?.();
const usage = process.memoryUsage();
process.stdout.write(JSON.stringify({ peakRssMb: process.resourceUsage().maxRSS / 1024, heapUsedMb: usage.heapUsed / 1048576, kept: kept.length }));

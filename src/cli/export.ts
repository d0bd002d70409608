/** `briefing export` (one briefing's model or events) and `briefing events` (the chronology of many). */
import { eventsToCsv, eventsToJson, isRegistryFileName, parseBriefing, toJson } from '../core';
import { buildTimeline, collectEvents, EVENT_ORDERS, type EventFilter, type EventOrder } from '../core/timeline';
import { UsageError } from './errors';
import { filesNamedBy, readRegistries, readText } from './files';

function checkFormat(format: string): 'json' | 'csv' {
  if (format !== 'json' && format !== 'csv') throw new UsageError(`unknown format '${format}': use json or csv`);
  return format;
}

export function exportFile(args: readonly string[], format: string, registryFiles: readonly string[], out: (text: string) => void): number {
  const files = args.flatMap(filesNamedBy);
  if (files.length !== 1) throw new UsageError(`export takes exactly one FILE (got ${files.length})`);
  checkFormat(format);
  const registries = readRegistries(registryFiles);
  const model = parseBriefing(readText(files[0]), { registries });
  out(format === 'json' ? toJson(model) : eventsToCsv(model.events));
  return 0;
}

export interface EventsOptions {
  readonly format: string;
  readonly order: string;
  readonly registryFiles: readonly string[];
  /** Only the events of this actor or place. */
  readonly actor: string | undefined;
  /** Only the events with this tag (`#` optional). */
  readonly tag: string | undefined;
}

/**
 * The events of every file as one chronology, each naming its file: what the Events view's
 * "Export Events" writes for the workspace. Every file is read before anything is printed, so
 * that a file that cannot be read never leaves a chronology that silently lacks it.
 */
export function exportEvents(args: readonly string[], options: EventsOptions, out: (text: string) => void): number {
  const format = checkFormat(options.format);
  if (!(EVENT_ORDERS as readonly string[]).includes(options.order)) throw new UsageError(`unknown order '${options.order}': use ${EVENT_ORDERS.join(' or ')}`);
  if (args.length === 0) throw new UsageError('events needs at least one FILE');
  const files = args.flatMap(filesNamedBy);
  const registry = files.find(isRegistryFileName);
  if (registry) throw new UsageError(`${registry} is a registry, which holds no events: give it with --entities`);
  const registries = readRegistries(options.registryFiles);
  const sources = files.map((file) => ({ source: file, label: file, briefing: parseBriefing(readText(file), { registries }) }));
  const filter: EventFilter = { actor: options.actor, tag: options.tag?.replace(/^#/, '') };
  const { events = [] } = buildTimeline(collectEvents(sources), { order: options.order as EventOrder, grouping: 'none', filter });
  const plain = events.map((item) => item.event);
  const named = events.map((item) => item.source);
  out(format === 'json' ? eventsToJson(plain, named) : eventsToCsv(plain, named));
  return 0;
}

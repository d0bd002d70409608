import { mentionCount } from './lookup';
import { pointText } from '../dates/dates';
import type { Briefing, EntityKind, EntityType, EventFacts } from '../model/types';
import { dayAfter, firstDay } from './timelinePicture';
import type { BriefingSummary } from './summary';

/** An actor or place of the link chart: one per name and kind, however many briefings speak of it. */
export interface GraphNode {
  /** The entity's id in the model: kind and canonical name (`actor:Kim Jong Un`). */
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly type: EntityType | null;
  /** How often the briefings mention it. */
  readonly mentions: number;
  /** The events it takes part in: their places in the graph's `events`. */
  readonly events: readonly number[];
}

/** A relation written in an entry: directed, from the entry to the entity its `to` names. */
export interface RelationEdge {
  readonly kind: 'relation';
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly type: string;
  readonly since: string | null;
  readonly until: string | null;
  readonly source: string | null;
}

/** Two entities that take part in the same events: undirected (`from` comes before `to` in the graph's nodes), weighed by how many. */
export interface EventsEdge {
  readonly kind: 'events';
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly weight: number;
  /** The shared events: their places in the graph's `events`, in document order. */
  readonly events: readonly number[];
}

export type GraphEdge = RelationEdge | EventsEdge;

/** The first day an event covers and the day after its last (`YYYY-MM-DD`); null when its date is not a real one. */
export type EventDays = readonly [string, string] | null;

/** An event of the graph: one an actor or place takes part in. */
export interface GraphEvent {
  /** Its briefing, as the caller named it (a URI in the editor, the path given to the CLI). */
  readonly source: string;
  /** Its first line, 1-based: where to read it (the chart asks for its words when it shows them). */
  readonly line: number;
  readonly days: EventDays;
}

export interface LinkGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly events: readonly GraphEvent[];
}

/** A briefing of the graph, and what names it. */
export interface GraphSource {
  readonly source: string;
  /** A model, or the summary of a file that is not open (the workspace scope). */
  readonly briefing: Briefing | BriefingSummary;
}

export interface GraphOptions {
  /** The events that count (the Events view's filter); every event when absent. */
  readonly counts?: (event: EventFacts) => boolean;
  /** Only the actors and places that take part in an event that counts (and the relations between them). */
  readonly onlyTakingPart?: boolean;
}

interface NodeBeingMade {
  id: string;
  name: string;
  kind: EntityKind;
  type: EntityType | null;
  mentions: number;
  events: number[];
}

/**
 * The link chart's data for one briefing or several (the workspace): every actor and place as a
 * node (merged by kind and name across briefings, their mentions added); each relation whose `to`
 * names one of them as an arrow (a relation repeated with the same type, once); and each pair of
 * entities that take part in the same events as one edge, weighed by their number.
 */
export function linkGraph(sources: readonly GraphSource[], options: GraphOptions = {}): LinkGraph {
  const nodes: NodeBeingMade[] = [];
  const indexOfId = new Map<string, number>();
  for (const { briefing } of sources) {
    for (const entity of briefing.entities) {
      const mentions = 'mentionCount' in entity ? entity.mentionCount : mentionCount(briefing as Briefing, entity);
      const index = indexOfId.get(entity.id);
      if (index === undefined) {
        indexOfId.set(entity.id, nodes.length);
        nodes.push({ id: entity.id, name: entity.name, kind: entity.kind, type: entity.type ?? null, mentions, events: [] });
      } else {
        nodes[index].mentions += mentions;
        nodes[index].type ??= entity.type ?? null;
      }
    }
  }

  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  for (const { briefing } of sources) {
    // A relation names its `to` by canonical name, an actor's or a place's.
    const idOfName = new Map<string, string>();
    for (const entity of briefing.entities) if (!idOfName.has(entity.name)) idOfName.set(entity.name, entity.id);
    for (const entity of briefing.entities) {
      for (const relation of entity.relations) {
        const to = relation.target === undefined ? undefined : idOfName.get(relation.target);
        if (to === undefined) continue;
        const id = `relation:${entity.id}→${to}:${relation.type}`;
        if (seen.has(id)) continue;
        seen.add(id);
        edges.push({
          kind: 'relation',
          id,
          from: entity.id,
          to,
          type: relation.type,
          since: relation.since ? pointText(relation.since) : null,
          until: relation.until ? pointText(relation.until) : null,
          source: relation.source ?? null,
        });
      }
    }
  }

  // Entities as numbers (their place in `nodes`) and pairs as one number each: a long briefing's
  // thousands of events make tens of thousands of pairs, which string keys made slow.
  const count = nodes.length;
  const events: GraphEvent[] = [];
  const shared = new Map<number, number[]>();
  const taking: number[] = [];
  for (const { source, briefing } of sources) {
    // By name, from the model's own strings: an id made for each name of each event was slow.
    const indexOf = { actor: new Map<string, number>(), place: new Map<string, number>() };
    for (const entity of briefing.entities) if (!indexOf[entity.kind].has(entity.name)) indexOf[entity.kind].set(entity.name, indexOfId.get(entity.id)!);
    for (const event of briefing.events) {
      if (options.counts && !options.counts(event)) continue;
      taking.length = 0;
      for (const name of event.actors) {
        const index = indexOf.actor.get(name);
        if (index !== undefined) taking.push(index);
      }
      for (const name of event.places) {
        const index = indexOf.place.get(name);
        if (index !== undefined) taking.push(index);
      }
      if (taking.length === 0) continue;
      sortSmall(taking);
      const at = events.length;
      events.push({
        source,
        line: event.range.start.line + 1,
        days: event.valid ? [firstDay(event.start), dayAfter(event.end ?? event.start)] : null,
      });
      for (let i = 0; i < taking.length; i++) {
        if (taking[i] === taking[i - 1]) continue;
        nodes[taking[i]].events.push(at);
        for (let j = i + 1; j < taking.length; j++) {
          if (taking[j] === taking[j - 1]) continue;
          const key = taking[i] * count + taking[j];
          const pairEvents = shared.get(key);
          if (pairEvents) pairEvents.push(at);
          else shared.set(key, [at]);
        }
      }
    }
  }
  for (const [key, pairEvents] of shared) {
    const from = nodes[Math.floor(key / count)].id;
    const to = nodes[key % count].id;
    edges.push({ kind: 'events', id: `events:${from}|${to}`, from, to, weight: pairEvents.length, events: pairEvents });
  }
  if (!options.onlyTakingPart) return { nodes, edges, events };
  const kept = nodes.filter((node) => node.events.length > 0);
  const keptIds = new Set(kept.map((node) => node.id));
  return { nodes: kept, edges: edges.filter((edge) => keptIds.has(edge.from) && keptIds.has(edge.to)), events };
}

/** The graph as `briefing export --format graph` prints it. */
export function graphToJson(graph: LinkGraph): string {
  return `${JSON.stringify(graph, null, 2)}\n`;
}

/** Sorts a few numbers in place: an event's actors and places, where a comparison function called for each of a long briefing's events was slow in its first runs. */
function sortSmall(numbers: number[]): void {
  for (let i = 1; i < numbers.length; i++) {
    const value = numbers[i];
    let j = i - 1;
    for (; j >= 0 && numbers[j] > value; j--) numbers[j + 1] = numbers[j];
    numbers[j + 1] = value;
  }
}

import { mentionCount } from './lookup';
import { pointText } from '../dates/dates';
import type { Briefing, EntityKind, EntityType } from '../model/types';

/** An actor or place of the link chart. */
export interface GraphNode {
  /** The entity's id in the model: kind and canonical name (`actor:Kim Jong Un`). */
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly type: EntityType | null;
  /** How often the briefing mentions it. */
  readonly mentions: number;
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

/** Two entities that take part in the same events: undirected (`from` comes before `to` in the model), weighed by how many. */
export interface EventsEdge {
  readonly kind: 'events';
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly weight: number;
  /** The shared events' lines, 1-based, in document order. */
  readonly events: readonly number[];
}

export type GraphEdge = RelationEdge | EventsEdge;

export interface LinkGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/**
 * The link chart's data: every actor and place of the model as a node; each relation whose `to`
 * names one of them as an arrow (a relation repeated with the same type, once); and each pair of
 * entities that take part in the same events as one edge, weighed by their number.
 */
export function linkGraph(briefing: Briefing): LinkGraph {
  const nodes: GraphNode[] = briefing.entities.map((entity) => ({
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    type: entity.type ?? null,
    mentions: mentionCount(briefing, entity),
  }));
  const idOfName = new Map<string, string>();
  for (const entity of briefing.entities) if (!idOfName.has(entity.name)) idOfName.set(entity.name, entity.id);

  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
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

  // Entities as numbers (their place in the model) and pairs as one number each: a long
  // briefing's thousands of events make tens of thousands of pairs, which string keys made slow.
  const count = briefing.entities.length;
  const indexOf = { actor: new Map<string, number>(), place: new Map<string, number>() };
  briefing.entities.forEach((entity, index) => indexOf[entity.kind].has(entity.name) || indexOf[entity.kind].set(entity.name, index));
  const shared = new Map<number, number[]>();
  const taking: number[] = [];
  for (const event of briefing.events) {
    taking.length = 0;
    for (const name of event.actors) taking.push(indexOf.actor.get(name) ?? -1);
    for (const name of event.places) taking.push(indexOf.place.get(name) ?? -1);
    if (taking.length < 2) continue;
    taking.sort((a, b) => a - b);
    const line = event.range.start.line + 1;
    for (let i = 0; i < taking.length; i++) {
      if (taking[i] < 0) continue;
      for (let j = i + 1; j < taking.length; j++) {
        const key = taking[i] * count + taking[j];
        const events = shared.get(key);
        if (events) events.push(line);
        else shared.set(key, [line]);
      }
    }
  }
  for (const [key, events] of shared) {
    const from = briefing.entities[Math.floor(key / count)].id;
    const to = briefing.entities[key % count].id;
    edges.push({ kind: 'events', id: `events:${from}|${to}`, from, to, weight: events.length, events });
  }
  return { nodes, edges };
}

/** The graph as `briefing export --format graph` prints it. */
export function graphToJson(graph: LinkGraph): string {
  return `${JSON.stringify(graph, null, 2)}\n`;
}

import type { GraphEdge, GraphNode, LinkGraph, TimeWindow } from '../../core';

/** The kinds of node the toolbar shows or hides: an actor's type, or a place. */
export type NodeClass = 'person' | 'state' | 'organization' | 'group' | 'other' | 'place';

export const NODE_CLASSES: readonly NodeClass[] = ['person', 'state', 'organization', 'group', 'other', 'place'];

export function nodeClass(node: GraphNode): NodeClass {
  return node.kind === 'place' ? 'place' : (node.type ?? 'other');
}

export interface ChartFilter {
  readonly relations: boolean;
  readonly events: boolean;
  /** Lines of fewer shared events are hidden. */
  readonly minWeight: number;
  /** The classes of node hidden. */
  readonly hiddenClasses: readonly NodeClass[];
  /** Only this node and its neighbours to `steps` ties away ("Expand neighbours"), over the edges shown. */
  readonly focus?: { readonly id: string; readonly steps: number };
  /** Only the events that meet these days count (the timeline's window): `YYYY-MM-DD`, the first and the day after the last. */
  readonly days?: readonly [string, string];
}

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The days a window meets: the day it starts and the day after the one it ends. */
export function windowDays(window: TimeWindow): [string, string] {
  return [isoDay(window.start), isoDay(Date.parse(isoDay(window.end)) + 86_400_000)];
}

export interface Shown {
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
}

/**
 * What the chart shows under a filter: the nodes of the classes shown (with days, those that take
 * part in an event that meets them), the edges of the kinds and weights shown between two of
 * them (with days, weighed by the events that meet them); with a focus, only the nodes within
 * its steps of it (over those edges) and the edges between them.
 */
export function shownUnder(graph: LinkGraph, filter: ChartFilter): Shown {
  const hidden = new Set(filter.hiddenClasses);
  const { days } = filter;
  const counts = days ? graph.events.map((event) => event.days !== null && event.days[0] < days[1] && event.days[1] > days[0]) : undefined;
  const weight = (events: readonly number[]) => (counts ? events.reduce((sum, at) => sum + (counts[at] ? 1 : 0), 0) : events.length);
  let nodes = new Set(graph.nodes.filter((node) => !hidden.has(nodeClass(node)) && (!counts || node.events.some((at) => counts[at]))).map((node) => node.id));
  const edgeShown = (edge: GraphEdge) =>
    nodes.has(edge.from) && nodes.has(edge.to) && (edge.kind === 'relation' ? filter.relations : filter.events && weight(edge.events) >= Math.max(1, filter.minWeight));
  let edges = graph.edges.filter(edgeShown);
  if (filter.focus && nodes.has(filter.focus.id)) {
    const neighbours = new Map<string, string[]>();
    for (const edge of edges) {
      neighbours.set(edge.from, [...(neighbours.get(edge.from) ?? []), edge.to]);
      neighbours.set(edge.to, [...(neighbours.get(edge.to) ?? []), edge.from]);
    }
    const reached = new Set([filter.focus.id]);
    let frontier = [filter.focus.id];
    for (let step = 0; step < filter.focus.steps && frontier.length > 0; step++) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const other of neighbours.get(id) ?? []) {
          if (reached.has(other)) continue;
          reached.add(other);
          next.push(other);
        }
      }
      frontier = next;
    }
    nodes = reached;
    edges = edges.filter((edge) => nodes.has(edge.from) && nodes.has(edge.to));
  }
  return { nodes, edges: new Set(edges.map((edge) => edge.id)) };
}

import type { EventDays, GraphEdge, GraphNode } from '../../core';
// The one module of the window's filter, imported as itself (not through the core's index: see the timeline's page).
import { eventsMeeting, keptInWindow, type WindowDays } from '../../core/language/timeWindow';

/** The kinds of node the toolbar shows or hides: an actor's type, or a place. */
export type NodeClass = 'person' | 'state' | 'organization' | 'group' | 'other' | 'place';

export const NODE_CLASSES: readonly NodeClass[] = ['person', 'state', 'organization', 'group', 'other', 'place'];

export function nodeClass(node: GraphNode): NodeClass {
  return node.kind === 'place' ? 'place' : (node.type ?? 'other');
}

/** The graph as the page holds it: its nodes, its edges, and each event's days (what their `events` name by place). */
export interface ChartGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly days: readonly EventDays[];
}

export interface ChartFilter {
  readonly relations: boolean;
  readonly events: boolean;
  /** Lines of fewer shared events are hidden. */
  readonly minWeight: number;
  /** The classes of node hidden. */
  readonly hiddenClasses: readonly NodeClass[];
  /** Only this node and its neighbours to `steps` ties away ("Expand neighbours"), over the edges shown; the cap below aside. */
  readonly focus?: { readonly id: string; readonly steps: number };
  /** Only the events that meet these days count (the timeline's window): `YYYY-MM-DD`, the first and the day after the last. */
  readonly days?: WindowDays;
  /** Under a window, the actors and places with no dated event are shown too, and the events without a real date tie them. */
  readonly undated?: boolean;
  /** At most this many nodes, the most mentioned (then by name); all when absent. */
  readonly most?: number;
}

export interface Shown {
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
  /** Whether the cap left out nodes that the other filters keep. */
  readonly capped: boolean;
}

/**
 * What the chart shows under a filter: the nodes of the classes shown (with days, those that take
 * part in an event that meets them, and with `undated` those with no dated event), the edges of the kinds and weights shown between two of
 * them (with days, weighed by the events that meet them); with a focus, only the nodes within
 * its steps of it (over those edges) and the edges between them; else, with a cap, the most
 * mentioned of those nodes and the edges between them.
 */
export function shownUnder(graph: ChartGraph, filter: ChartFilter): Shown {
  const hidden = new Set(filter.hiddenClasses);
  const window = filter.days;
  const meeting = window && eventsMeeting(graph.days, window);
  const counts = meeting && (filter.undated ? meeting.map((meets, at) => meets || graph.days[at] === null) : meeting);
  const weight = (events: readonly number[]) => (counts ? events.reduce((sum, at) => sum + (counts[at] ? 1 : 0), 0) : events.length);
  const candidates = graph.nodes.filter((node) => !hidden.has(nodeClass(node)) && (!meeting || keptInWindow(node.events, meeting, graph.days, filter.undated ?? false)));
  const kept = new Set(candidates.map((node) => node.id));
  const edgeShown = (edge: GraphEdge) =>
    kept.has(edge.from) && kept.has(edge.to) && (edge.kind === 'relation' ? filter.relations : filter.events && weight(edge.events) >= Math.max(1, filter.minWeight));
  const edges = graph.edges.filter(edgeShown);
  let nodes: Set<string> = kept;
  let capped = false;
  if (filter.focus && kept.has(filter.focus.id)) {
    nodes = reach(filter.focus.id, filter.focus.steps, edges);
  } else if (filter.most !== undefined && candidates.length > filter.most) {
    const most = [...candidates].sort((a, b) => b.mentions - a.mentions || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).slice(0, filter.most);
    nodes = new Set(most.map((node) => node.id));
    capped = true;
  }
  return { nodes, edges: new Set(edges.filter((edge) => nodes.has(edge.from) && nodes.has(edge.to)).map((edge) => edge.id)), capped };
}

/** A node and those within `steps` ties of it. */
function reach(from: string, steps: number, edges: readonly GraphEdge[]): Set<string> {
  const neighbours = new Map<string, string[]>();
  for (const edge of edges) {
    neighbours.set(edge.from, [...(neighbours.get(edge.from) ?? []), edge.to]);
    neighbours.set(edge.to, [...(neighbours.get(edge.to) ?? []), edge.from]);
  }
  const reached = new Set([from]);
  let frontier = [from];
  for (let step = 0; step < steps && frontier.length > 0; step++) {
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
  return reached;
}

import type { EventsEdge, GraphEdge, GraphNode, LinkGraph, RelationEdge } from './linkGraph';

type GraphItem = GraphNode | GraphEdge;

/** The fields the comparisons below read, each shape's: a test holds them to what `linkGraph` makes. */
export const COMPARED_FIELDS = {
  node: ['id', 'name', 'kind', 'type', 'mentions', 'events'],
  relation: ['kind', 'id', 'from', 'to', 'type', 'since', 'until', 'source'],
  events: ['kind', 'id', 'from', 'to', 'weight', 'events'],
} as const;

function sameNumbers(x: readonly number[], y: readonly number[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

// Field by field, shape by shape: a generic comparison (its keys listed, its lists walked by a
// callback) ran slower than the JSON it replaced in the extension host's first, unoptimized runs.
function sameNode(a: GraphNode, b: GraphNode): boolean {
  return a.name === b.name && a.kind === b.kind && a.type === b.type && a.mentions === b.mentions && sameNumbers(a.events, b.events);
}

function sameEdge(a: GraphEdge, b: GraphEdge): boolean {
  if (a.kind !== b.kind || a.from !== b.from || a.to !== b.to) return false;
  if (a.kind === 'relation') {
    const other = b as RelationEdge;
    return a.type === other.type && a.since === other.since && a.until === other.until && a.source === other.source;
  }
  const other = b as EventsEdge;
  return a.weight === other.weight && sameNumbers(a.events, other.events);
}

/**
 * What a chart that was sent the items of `sent` (by id) must be sent to show `graph`: the nodes
 * and edges new or changed, the ids of those gone, and the items it then has. Compared field by
 * field: written out as JSON, a long briefing's ten thousand ties made each pause in typing wait.
 */
export function graphChanged(sent: ReadonlyMap<string, GraphItem>, graph: LinkGraph): { nodes: GraphNode[]; edges: GraphEdge[]; removed: string[]; now: Map<string, GraphItem> } {
  const now = new Map<string, GraphItem>();
  const nodes = graph.nodes.filter((node) => {
    now.set(node.id, node);
    const before = sent.get(node.id) as GraphNode | undefined;
    return !before || !sameNode(before, node);
  });
  const edges = graph.edges.filter((edge) => {
    now.set(edge.id, edge);
    const before = sent.get(edge.id) as GraphEdge | undefined;
    return !before || !sameEdge(before, edge);
  });
  const removed = [...sent.keys()].filter((id) => !now.has(id));
  return { nodes, edges, removed, now };
}

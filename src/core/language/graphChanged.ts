import type { GraphEdge, GraphNode, LinkGraph } from './linkGraph';

type GraphItem = GraphNode | GraphEdge;

/** Whether two nodes or two edges hold the same: their fields, and the numbers of their lists. */
function sameItem(a: GraphItem, b: GraphItem): boolean {
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const key of keys) {
    const [p, q] = [x[key], y[key]];
    if (p === q) continue;
    if (!Array.isArray(p) || !Array.isArray(q) || p.length !== q.length || p.some((value, i) => value !== q[i])) return false;
  }
  return true;
}

/**
 * What a chart that was sent the items of `sent` (by id) must be sent to show `graph`: the nodes
 * and edges new or changed, the ids of those gone, and the items it then has. Compared field by
 * field: written out as JSON, a long briefing's ten thousand ties made each pause in typing wait.
 */
export function graphChanged(sent: ReadonlyMap<string, GraphItem>, graph: LinkGraph): { nodes: GraphNode[]; edges: GraphEdge[]; removed: string[]; now: Map<string, GraphItem> } {
  const now = new Map<string, GraphItem>();
  const changed = <T extends GraphItem>(items: readonly T[]) =>
    items.filter((item) => {
      now.set(item.id, item);
      const before = sent.get(item.id);
      return !before || !sameItem(before, item);
    });
  const nodes = changed(graph.nodes);
  const edges = changed(graph.edges);
  const removed = [...sent.keys()].filter((id) => !now.has(id));
  return { nodes, edges, removed, now };
}

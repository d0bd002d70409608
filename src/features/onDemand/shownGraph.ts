import { linkGraph, type GraphSource, type LinkGraph, type TimelineEvent } from '../../core';

/** The graphs made, by the Events view's build (its events array is one per build). */
const made = new WeakMap<readonly TimelineEvent[], LinkGraph>();

/**
 * The graph of what the Events view shows: under a filter, only the events it keeps tie
 * entities, and only the entities of those events are in it. Made once per refresh of the view,
 * for the chart and the map alike.
 */
export function shownGraph(shown: { readonly events: readonly TimelineEvent[]; readonly sources: readonly GraphSource[] }, filtered: boolean): LinkGraph {
  let graph = made.get(shown.events);
  if (!graph) {
    const kept = new Set(shown.events.map(({ event }) => event));
    graph = linkGraph(shown.sources, filtered ? { counts: (event) => kept.has(event), onlyTakingPart: true } : {});
    made.set(shown.events, graph);
  }
  return graph;
}

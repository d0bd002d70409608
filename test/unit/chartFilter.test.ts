import * as assert from 'node:assert/strict';
import type { GraphEdge, GraphNode, LinkGraph } from '../../src/core';
import { shownUnder, type ChartFilter } from '../../src/webview/linkChart/chartFilter';

const node = (name: string, kind: GraphNode['kind'] = 'actor', type: GraphNode['type'] = 'person'): GraphNode => ({ id: `${kind}:${name}`, name, kind, type, mentions: 1 });
const shared = (a: string, b: string, weight: number): GraphEdge => ({
  kind: 'events',
  id: `events:${a}|${b}`,
  from: a,
  to: b,
  weight,
  events: Array.from({ length: weight }, (_, i) => i + 1),
});
const relation = (a: string, b: string): GraphEdge => ({ kind: 'relation', id: `relation:${a}→${b}`, from: a, to: b, type: 'meets', since: null, until: null, source: null });

// Kim — Putin (3 events), Putin — Russia (1), Russia → China (relation), China — Vladivostok (2); Japan alone.
const GRAPH: LinkGraph = {
  nodes: [node('Kim'), node('Putin'), node('Russia', 'actor', 'state'), node('China', 'actor', 'state'), node('Vladivostok', 'place', null), node('Japan', 'actor', 'state')],
  edges: [shared('actor:Kim', 'actor:Putin', 3), shared('actor:Putin', 'actor:Russia', 1), relation('actor:Russia', 'actor:China'), shared('actor:China', 'place:Vladivostok', 2)],
};
const ALL: ChartFilter = { relations: true, events: true, minWeight: 1, hiddenClasses: [] };
const names = (ids: ReadonlySet<string>) => [...ids].map((id) => id.replace(/^\w+:/, '').replace(/(actor|place):/g, '')).sort();

suite("the link chart's filters (its page shows what they leave)", () => {
  test('everything, with no filter', () => {
    const shown = shownUnder(GRAPH, ALL);
    assert.equal(shown.nodes.size, 6);
    assert.equal(shown.edges.size, 4);
  });

  test('by kind of edge and by the fewest shared events', () => {
    assert.deepEqual(names(shownUnder(GRAPH, { ...ALL, relations: false }).edges), ['Kim|Putin', 'China|Vladivostok', 'Putin|Russia'].sort());
    assert.deepEqual(names(shownUnder(GRAPH, { ...ALL, events: false }).edges), ['Russia→China']);
    assert.deepEqual(names(shownUnder(GRAPH, { ...ALL, minWeight: 2 }).edges), ['Kim|Putin', 'Russia→China', 'China|Vladivostok'].sort());
  });

  test("by type: a class hidden takes its nodes' edges with it", () => {
    const shown = shownUnder(GRAPH, { ...ALL, hiddenClasses: ['state'] });
    assert.deepEqual(names(shown.nodes), ['Kim', 'Putin', 'Vladivostok']);
    assert.deepEqual(names(shown.edges), ['Kim|Putin']);
  });

  test('expand neighbours: the focus and what is within its steps, over the edges shown', () => {
    assert.deepEqual(names(shownUnder(GRAPH, { ...ALL, focus: { id: 'actor:Putin', steps: 1 } }).nodes), ['Kim', 'Putin', 'Russia']);
    assert.deepEqual(names(shownUnder(GRAPH, { ...ALL, focus: { id: 'actor:Putin', steps: 2 } }).nodes), ['China', 'Kim', 'Putin', 'Russia']);
    // The relation hidden: China is out of reach.
    assert.deepEqual(names(shownUnder(GRAPH, { ...ALL, relations: false, focus: { id: 'actor:Putin', steps: 3 } }).nodes), ['Kim', 'Putin', 'Russia']);
    assert.deepEqual(names(shownUnder(GRAPH, { ...ALL, focus: { id: 'actor:Japan', steps: 2 } }).nodes), ['Japan']);
    // A focus on a node hidden by type is no focus.
    assert.equal(shownUnder(GRAPH, { ...ALL, hiddenClasses: ['state'], focus: { id: 'actor:Japan', steps: 1 } }).nodes.size, 3);
  });
});

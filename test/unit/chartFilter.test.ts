import * as assert from 'node:assert/strict';
import type { EventDays, GraphEdge, GraphNode } from '../../src/core';
import { windowDays } from '../../src/core';
import { shownUnder, type ChartFilter, type ChartGraph } from '../../src/webview/linkChart/chartFilter';

// Events 0 to 5, one a month from January 2023; 6 has no real date.
const DAYS: EventDays[] = [...Array.from({ length: 6 }, (_, month): EventDays => [`2023-0${month + 1}-01`, `2023-0${month + 2}-01`]), null];
const EVENTS_OF: Record<string, number[]> = { Kim: [0, 1, 2], Putin: [0, 1, 2, 3], Russia: [3], China: [4, 5], Vladivostok: [4, 5], Japan: [6] };
const node = (name: string, kind: GraphNode['kind'] = 'actor', type: GraphNode['type'] = 'person'): GraphNode => ({
  id: `${kind}:${name}`,
  name,
  kind,
  type,
  mentions: 1,
  events: EVENTS_OF[name],
});
const shared = (a: string, b: string, events: number[]): GraphEdge => ({ kind: 'events', id: `events:${a}|${b}`, from: a, to: b, weight: events.length, events });
const relation = (a: string, b: string): GraphEdge => ({ kind: 'relation', id: `relation:${a}→${b}`, from: a, to: b, type: 'meets', since: null, until: null, source: null });

// Kim — Putin (3 events), Putin — Russia (1), Russia → China (relation), China — Vladivostok (2); Japan alone.
const GRAPH: ChartGraph = {
  nodes: [node('Kim'), node('Putin'), node('Russia', 'actor', 'state'), node('China', 'actor', 'state'), node('Vladivostok', 'place', null), node('Japan', 'actor', 'state')],
  edges: [
    shared('actor:Kim', 'actor:Putin', [0, 1, 2]),
    shared('actor:Putin', 'actor:Russia', [3]),
    relation('actor:Russia', 'actor:China'),
    shared('actor:China', 'place:Vladivostok', [4, 5]),
  ],
  days: DAYS,
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

  test("the timeline's window: only the entities of events that meet it, the shared events weighed by those", () => {
    // February and March: Kim and Putin share two events there, Putin and Russia none (April).
    const days = windowDays({ start: Date.UTC(2023, 1, 10), end: Date.UTC(2023, 2, 2) });
    assert.deepEqual(days, ['2023-02-10', '2023-03-03']);
    const shown = shownUnder(GRAPH, { ...ALL, days });
    assert.deepEqual(names(shown.nodes), ['Kim', 'Putin']);
    assert.deepEqual(names(shown.edges), ['Kim|Putin']);
    assert.equal(shownUnder(GRAPH, { ...ALL, days, minWeight: 3 }).edges.size, 0, 'two events in the window, not three');
    // May and June: China and Vladivostok, and the relation from Russia (out of the window) goes with Russia.
    const later = shownUnder(GRAPH, { ...ALL, days: windowDays({ start: Date.UTC(2023, 4, 1), end: Date.UTC(2023, 5, 30) }) });
    assert.deepEqual(names(later.nodes), ['China', 'Vladivostok']);
    assert.deepEqual(names(later.edges), ['China|Vladivostok']);
    // An event without a real date meets no window: Japan is left out, unless the undated are asked for.
    assert.ok(!shownUnder(GRAPH, { ...ALL, days: ['1900-01-01', '2100-01-01'] }).nodes.has('actor:Japan'));
    const undated = shownUnder(GRAPH, { ...ALL, days, undated: true });
    assert.deepEqual(names(undated.nodes), ['Japan', 'Kim', 'Putin'], 'Japan has no dated event; the others of other months stay out');
  });

  test('undated: the events without a real date tie the entities the window shows', () => {
    const graph: ChartGraph = {
      ...GRAPH,
      nodes: [...GRAPH.nodes, { ...node('Japan'), id: 'actor:Tokyo', name: 'Tokyo' }],
      edges: [...GRAPH.edges, shared('actor:Japan', 'actor:Tokyo', [6])],
    };
    const days = windowDays({ start: Date.UTC(2023, 1, 10), end: Date.UTC(2023, 2, 2) });
    assert.equal(shownUnder(graph, { ...ALL, days }).edges.has('events:actor:Japan|actor:Tokyo'), false);
    assert.equal(shownUnder(graph, { ...ALL, days, undated: true }).edges.has('events:actor:Japan|actor:Tokyo'), true);
  });

  test('at most N: the most mentioned (then by name), their edges; a focus shows its neighbours whatever the cap', () => {
    const graph = { ...GRAPH, nodes: GRAPH.nodes.map((item) => (item.name === 'Putin' ? { ...item, mentions: 5 } : item)) };
    const capped = shownUnder(graph, { ...ALL, most: 2 });
    assert.deepEqual(names(capped.nodes), ['China', 'Putin']);
    assert.equal(capped.edges.size, 0);
    assert.equal(capped.capped, true);
    const focused = shownUnder(graph, { ...ALL, most: 1, focus: { id: 'actor:Putin', steps: 1 } });
    assert.deepEqual(names(focused.nodes), ['Kim', 'Putin', 'Russia']);
    assert.equal(focused.capped, false);
    assert.equal(shownUnder(graph, { ...ALL, most: 6 }).capped, false, 'no more than the cap: nothing left out');
  });
});

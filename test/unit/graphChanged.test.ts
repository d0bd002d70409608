import * as assert from 'node:assert/strict';
import { COMPARED_FIELDS, graphChanged } from '../../src/core/language/graphChanged';
import { linkGraph } from '../../src/core/language/linkGraph';
import { briefing, parse } from './util';

const graphOf = (...body: string[]) =>
  linkGraph([
    {
      source: 'a',
      briefing: parse(
        briefing(['actors:', '  - name: Kim', '    relations: [{ to: Putin, type: meets }]', '  - name: Putin', '  - name: Lavrov', 'places: [Vladivostok]'], ...body),
      ),
    },
  ]);

/** What the chart computed before: each item written as JSON. */
function byJson(before: ReturnType<typeof graphOf>, after: ReturnType<typeof graphOf>) {
  const sent = new Map([...before.nodes, ...before.edges].map((item) => [item.id, JSON.stringify(item)]));
  const changed = [...after.nodes, ...after.edges].filter((item) => sent.get(item.id) !== JSON.stringify(item)).map((item) => item.id);
  const ids = new Set([...after.nodes, ...after.edges].map((item) => item.id));
  return { changed, removed: [...sent.keys()].filter((id) => !ids.has(id)) };
}

suite('what changed in the link chart', () => {
  const body = ['- 2023-09-13: Kim meets Putin in Vladivostok', '- 2023-09-14: Putin and Lavrov', 'Kim again.'];
  const edits: Record<string, string[]> = {
    nothing: body,
    'a mention more (a count)': [...body, 'Putin once more.'],
    'an event added at the start (every event moves)': ['- 2023-09-01: Lavrov in Vladivostok', ...body],
    'a tie gone': [body[0], body[2]],
    'an entity no longer mentioned': [body[0]],
  };

  for (const [edit, edited] of Object.entries(edits)) {
    test(`as the JSON of every item: ${edit}`, () => {
      const before = graphOf(...body);
      const after = graphOf(...edited);
      const sent = new Map([...before.nodes, ...before.edges].map((item) => [item.id, item]));
      const { nodes, edges, removed, now } = graphChanged(sent, after);
      const expected = byJson(before, after);
      assert.deepEqual(
        [...nodes, ...edges].map((item) => item.id),
        expected.changed,
      );
      assert.deepEqual(removed, expected.removed);
      assert.deepEqual(
        [...now.keys()],
        [...after.nodes, ...after.edges].map((item) => item.id),
      );
      if (edit === 'nothing') assert.equal(expected.changed.length + expected.removed.length, 0);
      else assert.ok(expected.changed.length + expected.removed.length > 0, 'the edit changes the chart');
    });
  }

  test('nothing sent: every node and edge', () => {
    const graph = graphOf(...body);
    const { nodes, edges, removed } = graphChanged(new Map(), graph);
    assert.equal(nodes.length, graph.nodes.length);
    assert.equal(edges.length, graph.edges.length);
    assert.deepEqual(removed, []);
  });

  test('the fields compared are every field of a node, a relation and a tie of shared events', () => {
    const graph = graphOf(...body);
    const relation = graph.edges.find((edge) => edge.kind === 'relation')!;
    const events = graph.edges.find((edge) => edge.kind === 'events')!;
    assert.ok(relation && events);
    assert.deepEqual(Object.keys(graph.nodes[0]).sort(), [...COMPARED_FIELDS.node].sort());
    assert.deepEqual(Object.keys(relation).sort(), [...COMPARED_FIELDS.relation].sort());
    assert.deepEqual(Object.keys(events).sort(), [...COMPARED_FIELDS.events].sort());
  });
});

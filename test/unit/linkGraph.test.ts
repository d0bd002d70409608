import * as assert from 'node:assert/strict';
import { graphToJson, linkGraph, parseRegistry } from '../../src/core';
import { briefing, parse } from './util';

const graphOf = (text: string, options?: Parameters<typeof linkGraph>[1]) => linkGraph([{ source: 'b.briefing', briefing: parse(text) }], options);

const TEXT = briefing(
  [
    'actors:',
    '  - name: Kim Jong Un',
    '    type: person',
    '    relations:',
    '      - { to: Putin, type: meets, since: ~2023-11, source: S1 }',
    '      - { to: Vladimir Putin, type: meets }',
    '      - { to: Nobody, type: ally of }',
    '  - name: Vladimir Putin',
    '    aliases: [Putin]',
    '  - name: China',
    '    type: state',
    'places:',
    '  - name: Vladivostok',
  ],
  '- 2023-11-13: Kim Jong Un to meet Putin in Vladivostok',
  '- 2023-11-20: Kim Jong Un arrives in Vladivostok',
  '- 2023-11-21: China says nothing',
);

suite('link graph (the link chart data)', () => {
  test('nodes: every actor and place with its kind, type and mentions', () => {
    assert.deepEqual(graphOf(TEXT).nodes, [
      { id: 'actor:Kim Jong Un', name: 'Kim Jong Un', kind: 'actor', type: 'person', mentions: 2, events: [0, 1] },
      { id: 'actor:Vladimir Putin', name: 'Vladimir Putin', kind: 'actor', type: null, mentions: 1, events: [0] },
      { id: 'actor:China', name: 'China', kind: 'actor', type: 'state', mentions: 1, events: [2] },
      { id: 'place:Vladivostok', name: 'Vladivostok', kind: 'place', type: null, mentions: 2, events: [0, 1] },
    ]);
  });

  test('edges: relations resolved by name or alias (the same one once, an unknown `to` left out), and shared events weighed, with their events', () => {
    const { edges, events } = graphOf(TEXT);
    const lines = (places: readonly number[]) => places.map((at) => events[at].line).join(',');
    assert.deepEqual(
      edges.map((edge) =>
        edge.kind === 'relation' ? `${edge.from} → ${edge.to}: ${edge.type} ${edge.since} ${edge.source}` : `${edge.from} | ${edge.to} ×${edge.weight} @${lines(edge.events)}`,
      ),
      [
        'actor:Kim Jong Un → actor:Vladimir Putin: meets ~2023-11 S1',
        'actor:Kim Jong Un | actor:Vladimir Putin ×1 @16',
        'actor:Kim Jong Un | place:Vladivostok ×2 @16,17',
        'actor:Vladimir Putin | place:Vladivostok ×1 @16',
      ],
    );
    assert.equal(new Set(edges.map((edge) => edge.id)).size, edges.length, 'ids are unique');
  });

  test('a registry entity that a relation names is a node; the JSON round-trips', () => {
    const registry = parseRegistry('actors:\n  - name: Sergei Shoigu', 'file:///w/entities.yaml');
    const graph = linkGraph([
      { source: 'b', briefing: parse(briefing(['actors:', '  - name: Kim Jong Un', '    relations: [{ to: Sergei Shoigu, type: meets }]']), { registries: [registry] }) },
    ]);
    assert.deepEqual(
      graph.nodes.map((node) => node.name),
      ['Kim Jong Un', 'Sergei Shoigu'],
    );
    assert.deepEqual(JSON.parse(graphToJson(graph)), graph);
  });

  test('an empty briefing: no nodes, no edges', () => {
    assert.deepEqual(graphOf(''), { nodes: [], edges: [], events: [] });
    assert.deepEqual(linkGraph([]), { nodes: [], edges: [], events: [] });
  });

  test('events: each once, with its file, line and days (a month over its days, an invalid date none)', () => {
    const graph = graphOf(briefing(['actors:', '  - name: Kim', '  - name: Putin'], '- 2023-11: Kim and Putin talk', '- 2023-02-30: Kim alone', '- 2023-12-31: nobody'));
    assert.deepEqual(graph.events, [
      { source: 'b.briefing', line: 6, days: ['2023-11-01', '2023-12-01'] },
      { source: 'b.briefing', line: 7, days: null },
    ]);
  });

  test('the events that count (the Events filter): only theirs make edges, and with onlyTakingPart only their entities are nodes', () => {
    const counts = (event: { text: string }) => !event.text.includes('China');
    const some = graphOf(TEXT, { counts });
    assert.equal(some.nodes.length, 4, 'every entity, without onlyTakingPart');
    assert.deepEqual(some.nodes.find((node) => node.name === 'China')?.events, []);
    const taking = graphOf(TEXT, { counts, onlyTakingPart: true });
    assert.deepEqual(
      taking.nodes.map((node) => node.name),
      ['Kim Jong Un', 'Vladimir Putin', 'Vladivostok'],
    );
    assert.deepEqual(
      taking.events.map((event) => event.line),
      [16, 17],
    );
    const onlyChina = graphOf(TEXT, { counts: (event) => event.text.includes('China'), onlyTakingPart: true });
    assert.deepEqual(
      onlyChina.nodes.map((node) => node.name),
      ['China'],
    );
    assert.deepEqual(onlyChina.edges, [], 'the relation between two entities left out goes with them');
  });

  test('several briefings (the workspace): an entity of two briefings is one node, its mentions added; events keep their file', () => {
    const first = parse(briefing(['actors:', '  - name: Kim Jong Un', '    type: person', 'places:', '  - name: Vladivostok'], '- 2023-09-12: Kim Jong Un arrives in Vladivostok'));
    const second = parse(
      briefing(
        ['actors:', '  - name: Kim Jong Un', '  - name: Vladimir Putin', '    relations: [{ to: Kim Jong Un, type: hosts }]'],
        '- 2023-09-13: Vladimir Putin meets Kim Jong Un',
      ),
    );
    const graph = linkGraph([
      { source: 'one', briefing: first },
      { source: 'two', briefing: second },
    ]);
    assert.deepEqual(
      graph.nodes.map((node) => `${node.id} ${node.type} ×${node.mentions} @${node.events.join(',')}`),
      ['actor:Kim Jong Un person ×2 @0,1', 'place:Vladivostok null ×1 @0', 'actor:Vladimir Putin null ×1 @1'],
    );
    assert.deepEqual(
      graph.events.map((event) => `${event.source}:${event.line}`),
      ['one:8', 'two:7'],
    );
    assert.deepEqual(
      graph.edges.map((edge) => edge.id),
      ['relation:actor:Vladimir Putin→actor:Kim Jong Un:hosts', 'events:actor:Kim Jong Un|place:Vladivostok', 'events:actor:Kim Jong Un|actor:Vladimir Putin'],
    );
  });
});

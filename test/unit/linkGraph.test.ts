import * as assert from 'node:assert/strict';
import { graphToJson, linkGraph, parseRegistry } from '../../src/core';
import { briefing, parse } from './util';

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
    assert.deepEqual(linkGraph(parse(TEXT)).nodes, [
      { id: 'actor:Kim Jong Un', name: 'Kim Jong Un', kind: 'actor', type: 'person', mentions: 2 },
      { id: 'actor:Vladimir Putin', name: 'Vladimir Putin', kind: 'actor', type: null, mentions: 1 },
      { id: 'actor:China', name: 'China', kind: 'actor', type: 'state', mentions: 1 },
      { id: 'place:Vladivostok', name: 'Vladivostok', kind: 'place', type: null, mentions: 2 },
    ]);
  });

  test('edges: relations resolved by name or alias (the same one once, an unknown `to` left out), and shared events weighed, with their lines', () => {
    const { edges } = linkGraph(parse(TEXT));
    assert.deepEqual(
      edges.map((edge) =>
        edge.kind === 'relation' ? `${edge.from} → ${edge.to}: ${edge.type} ${edge.since} ${edge.source}` : `${edge.from} | ${edge.to} ×${edge.weight} @${edge.events.join(',')}`,
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
    const graph = linkGraph(parse(briefing(['actors:', '  - name: Kim Jong Un', '    relations: [{ to: Sergei Shoigu, type: meets }]']), { registries: [registry] }));
    assert.deepEqual(
      graph.nodes.map((node) => node.name),
      ['Kim Jong Un', 'Sergei Shoigu'],
    );
    assert.deepEqual(JSON.parse(graphToJson(graph)), graph);
  });

  test('an empty briefing: no nodes, no edges', () => {
    assert.deepEqual(linkGraph(parse('')), { nodes: [], edges: [] });
  });
});

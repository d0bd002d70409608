import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { linkGraph, mapData, parseBriefing, type EventFacts, type GraphSource } from '../../src/core';
import { briefing, repoRoot } from './util';

const sample = (): GraphSource => ({
  source: 'file:///w/sample.briefing',
  briefing: parseBriefing(fs.readFileSync(path.join(repoRoot, 'samples/vladivostok-summit.briefing'), 'utf8')),
});
const mapOf = (...sources: GraphSource[]) => mapData(linkGraph(sources), sources);

suite('map data', () => {
  test('the sample: Vladivostok a point in Russia; the states and Ukraine shade their countries; East Asia is nowhere', () => {
    const map = mapOf(sample());
    assert.deepEqual(
      map.points.map((point) => [point.name, point.coordinates, point.country]),
      [['Vladivostok', [43.1155, 131.8855], '643']],
    );
    assert.deepEqual(map.regions.map((region) => `${region.numeric} ${region.name}: ${region.entities.join(', ')}`).sort(), [
      '156 China: actor:China',
      '392 Japan: actor:Japan',
      '408 North Korea: actor:North Korea',
      '410 South Korea: actor:South Korea',
      '643 Russia: actor:Russia, place:Vladivostok',
      '804 Ukraine: place:Ukraine',
      '840 United States: actor:United States',
    ]);
    const graph = linkGraph([sample()]);
    const mentionsOf = (id: string) => graph.nodes.find((node) => node.id === id)!.mentions;
    const russia = map.regions.find((region) => region.numeric === '643')!;
    assert.equal(russia.mentions, mentionsOf('actor:Russia') + mentionsOf('place:Vladivostok'), "a country's mentions are its entities'");
    assert.ok(russia.events.length > 0 && russia.events.every((event, k) => k === 0 || event > russia.events[k - 1]), 'its events, once each, in order');
    assert.deepEqual(map.unlocated, ['East Asia']);
    // Undated: a country one of whose entities takes part in no dated event (the window's "Undated" shows it).
    const undatedOf = (id: string) => graph.nodes.find((node) => node.id === id)!.events.every((event) => graph.events[event].days === null);
    for (const region of map.regions) assert.equal(region.undated, region.entities.some(undatedOf), region.name);
    assert.equal(russia.undated, false);
  });

  test('a country is undated when one of its entities takes part in no dated event', () => {
    const map = mapOf({
      source: 'a',
      briefing: parseBriefing(
        [
          '---',
          'actors:',
          '  - name: Russia',
          '    type: state',
          'places:',
          '  - name: Moscow',
          '    country: Russia',
          '  - name: Kyiv',
          '    country: Ukraine',
          '---',
          '- 2023-11-13: talks in Moscow.',
          '- 2023-02-31: Kyiv, a date that is none.',
          '',
        ].join('\n'),
      ),
    });
    const undated = Object.fromEntries(map.regions.map((region) => [region.name, region.undated]));
    assert.deepEqual(undated, { Russia: true, Ukraine: true }, 'Russia the state takes part in nothing; Kyiv only in an event of no real date');
  });

  test('who shades: a place or a state, by its country, else its name or an alias; a person never; an unknown country leaves a place nowhere', () => {
    const map = mapOf({
      source: 'a',
      briefing: parseBriefing(
        briefing([
          'actors:',
          '  - { name: Kim Jong Un, type: person, country: North Korea }',
          '  - { name: Pyongyang regime, type: state, aliases: [DPRK] }',
          '  - { name: Kremlin, type: organization, country: Russia }',
          'places:',
          '  - { name: Donbas, country: UA }',
          '  - { name: Atlantis, country: Atlantys }',
          '  - { name: Gaza, coordinates: [31.5, 34.47] }',
          '  - Ukraine',
        ]),
      ),
    });
    assert.deepEqual(
      map.regions.map((region) => `${region.name}: ${region.entities.join(', ')}`),
      ['DPRK: actor:Pyongyang regime', 'Ukraine: place:Donbas, place:Ukraine'],
    );
    assert.deepEqual(
      map.points.map((point) => `${point.name} ${point.country ?? 'no country'}`),
      ['Gaza no country'],
    );
    assert.deepEqual(map.unlocated, ['Atlantis']);
  });

  test('the Events filter: only the nodes the graph keeps are placed', () => {
    const source = sample();
    const kept = new Set<EventFacts>(source.briefing.events.filter((event) => event.tags.includes('sanctions')));
    const map = mapData(linkGraph([source], { counts: (event) => kept.has(event), onlyTakingPart: true }), [source]);
    assert.deepEqual(map.regions.map((region) => region.name).sort(), ['North Korea', 'Russia'], 'the foreign ministry, an organization, shades nothing');
    assert.deepEqual(map.points, []);
  });
});

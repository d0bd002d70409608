import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { body, briefingText, makeEntities, random, registryText } from '../../bench/generate';
import {
  buildTimeline,
  collectEvents,
  eventLabel,
  FixedRange,
  internTable,
  isoCountries,
  linkGraph,
  mapData,
  mentionPositionsOf,
  parseBriefing,
  parseRegistry,
  relationTypesOf,
  sameShown,
  summarize,
  tagsOf,
  type Briefing,
  type BriefingSummary,
  type TextRange,
} from '../../src/core';
import { repoRoot } from './util';

const at = (range: Pick<TextRange, 'start' | 'end'>) => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

/** What Go to Symbol in Workspace lists of a briefing: its entities where they are defined, and its events. */
function symbolsOf(briefing: Briefing | BriefingSummary): string[] {
  return [
    ...briefing.entities.map((entity) => `${entity.kind} ${entity.name} ${entity.definition.source ?? 'own'} ${at(entity.definition.nameRange)}`),
    ...briefing.events.map((event) => `event ${eventLabel(event)} ${at(event.range)}`),
  ];
}

/** Where Find All References finds a registry entity's mentions in a briefing. */
function referencesOf(briefing: Briefing | BriefingSummary): string[] {
  return briefing.entities
    .filter((entity) => entity.definition.source !== undefined)
    .flatMap((entity) =>
      ('mentionPositions' in entity ? mentionPositionsOf(entity) : entity.mentions.map((mention) => mention.range)).map((range) => `${entity.name} ${at(range)}`),
    );
}

/** A generated workspace: briefings with their own actors and places and a registry's, with relations, tags and every kind of date. */
function workspace(seed: number): { sources: { source: string; text: string }[]; registry: ReturnType<typeof parseRegistry> } {
  const rand = random(seed);
  const shared = makeEntities(30, rand, '');
  const registry = parseRegistry(registryText(shared), 'file:///w/entities.yaml');
  const sources = Array.from({ length: 4 }, (_, i) => {
    const own = makeEntities(4, rand, `F${i} `);
    const pool = [...own, ...Array.from({ length: 8 }, () => shared[Math.floor(rand() * shared.length)])];
    let text = briefingText(`W${seed}-${i}`, own, body(pool, rand, 3_000, 5));
    // A relation from an own actor to a registry actor, and one to an unknown name.
    text = text.replace(
      /^ {4}summary: Synthetic actor for the benchmark\.$/m,
      `    relations:\n      - to: ${shared[0].name}\n        type: meets\n        since: 2023-11\n      - to: Nobody\n        type: funds`,
    );
    return { source: `file:///w/b${i}.briefing`, text };
  });
  return { sources, registry };
}

suite('summaries: a file that is not open answers the workspace features as its model does', () => {
  const cases = () => {
    const generated = [1, 2, 3, 4, 5].map(workspace);
    const sample = { source: 'file:///w/sample.briefing', text: fs.readFileSync(path.join(repoRoot, 'samples/vladivostok-summit.briefing'), 'utf8') };
    return [...generated, { sources: [sample], registry: parseRegistry('actors: []\n', 'file:///w/entities.yaml') }];
  };

  test('symbols, references, tags and relation types', () => {
    for (const { sources, registry } of cases()) {
      const intern = internTable();
      for (const { source, text } of sources) {
        const model = parseBriefing(text, { registries: [registry], countries: isoCountries() });
        const summary = summarize(model, intern);
        assert.deepEqual(symbolsOf(summary), symbolsOf(model), source);
        assert.deepEqual(referencesOf(summary), referencesOf(model), source);
        assert.deepEqual(tagsOf([summary]), tagsOf([model]), source);
        assert.deepEqual(relationTypesOf([summary]), relationTypesOf([model]), source);
        assert.ok(summary.entities.some((entity) => entity.definition.source !== undefined) || source.endsWith('sample.briefing'), 'registry entities are mentioned');
      }
    }
  });

  test('the chronology (every order and grouping, filtered), the link graph and the map', () => {
    for (const { sources, registry } of cases()) {
      const intern = internTable();
      const models = sources.map(({ source, text }) => ({ source, label: source, briefing: parseBriefing(text, { registries: [registry], countries: isoCountries() }) }));
      const summaries = models.map((entry) => ({ ...entry, briefing: summarize(entry.briefing, intern) }));
      for (const order of ['chronological', 'document'] as const) {
        for (const grouping of ['none', 'month', 'actor', 'place', 'tag', 'section'] as const) {
          for (const filter of [undefined, { tag: 'sanctions' }, { text: 'a' }]) {
            const fromModels = buildTimeline(collectEvents(models), { order, grouping, filter });
            const fromSummaries = buildTimeline(collectEvents(summaries), { order, grouping, filter });
            assert.deepEqual(
              fromSummaries.shown.map((item) => item.id),
              fromModels.shown.map((item) => item.id),
            );
            assert.ok(fromSummaries.shown.every((item, index) => sameShown(item, fromModels.shown[index])));
            assert.deepEqual(
              (fromSummaries.groups ?? []).map((group) => [group.label, group.events.length]),
              (fromModels.groups ?? []).map((group) => [group.label, group.events.length]),
            );
          }
        }
      }
      const graph = linkGraph(models);
      assert.deepEqual(linkGraph(summaries), graph);
      assert.ok(graph.edges.length > 0);
      assert.deepEqual(mapData(linkGraph(summaries), summaries), mapData(graph, models));
    }
  });

  test('its ranges are fixed positions, which hold no line index (and so no text) of the file', () => {
    const { sources, registry } = workspace(9);
    const model = parseBriefing(sources[0].text, { registries: [registry] });
    const summary = summarize(model, internTable());
    const ranges = [...summary.events.map((event) => event.range), ...summary.entities.map((entity) => entity.definition.nameRange)];
    assert.ok(ranges.length > 20);
    for (const range of ranges) assert.ok(range instanceof FixedRange);
    assert.ok(!summary.events.some((event) => 'dateRange' in event || 'textRange' in event));
  });
});

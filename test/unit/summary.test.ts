import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { body, briefingText, makeEntities, random, registryText } from '../../bench/generate';
import {
  buildTimeline,
  collectEvents,
  eventLabel,
  filterEvents,
  FixedRange,
  internTable,
  isEventAt,
  isoCountries,
  linkGraph,
  longChronology,
  mapData,
  mentionPositionsOf,
  parseBriefing,
  parseRegistry,
  relationTypesOf,
  sameShown,
  sortChronologically,
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
function workspace(seed: number, bytes = 3_000): { sources: { source: string; text: string }[]; registry: ReturnType<typeof parseRegistry> } {
  const rand = random(seed);
  const shared = makeEntities(30, rand, '');
  const registry = parseRegistry(registryText(shared), 'file:///w/entities.yaml');
  const sources = Array.from({ length: 4 }, (_, i) => {
    const own = makeEntities(4, rand, `F${i} `);
    const pool = [...own, ...Array.from({ length: 8 }, () => shared[Math.floor(rand() * shared.length)])];
    let text = briefingText(`W${seed}-${i}`, own, body(pool, rand, bytes, 5));
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
    // The last one's files are longer than 65,535 characters: their offsets are not kept in 16 bits (compactInts.ts).
    const generated = [1, 2, 3, 4, 5].map((seed) => workspace(seed)).concat(workspace(6, 70_000));
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
          // Each part of the filter, alone and together: a summary's are tested in its columns.
          const someActor = models[0].briefing.events.find((event) => event.actors.length > 0)?.actors[0] ?? 'Nobody';
          const somePlace = models[0].briefing.events.find((event) => event.places.length > 0)?.places[0] ?? 'Nowhere';
          const filters = [
            undefined,
            { tag: 'sanctions' },
            { text: 'a' },
            { actor: someActor },
            { actor: somePlace },
            { actor: 'Nobody at all' },
            { tag: 'no-such-tag' },
            { text: '#sanc' },
            { text: 'SANCTIONS' },
            { text: '2023-1' },
            { text: models.length > 1 ? 'b1.brief' : 'sample' },
            { text: someActor.slice(1, 6).toUpperCase() },
            { text: 'zzzz' },
            { text: 'of', tag: 'summit' },
            { text: 'the', actor: someActor },
          ];
          for (const filter of filters) {
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
      // The long chronology (years of months, each made when read) keeps and groups what the whole timeline does, by month.
      for (const filter of [undefined, { text: 'a' }, { tag: 'sanctions' }, { text: 'zzzz' }]) {
        const long = longChronology(summaries, filter);
        const whole = buildTimeline(collectEvents(models), { order: 'chronological', grouping: 'month', filter });
        const ids = (events: readonly { readonly id: string }[]) => events.map((item) => item.id).join(' ');
        assert.deepEqual(
          [
            ...long.years.flatMap((year) => year.months.map((month) => `${month.label}: ${ids(sortChronologically(month.events))}`)),
            ...(long.invalid ? [`${long.invalid.label}: ${ids(long.invalid.events)}`] : []),
          ],
          (whole.groups ?? []).map((group) => `${group.label}: ${ids(group.events)}`),
        );
        assert.equal(long.count, whole.count);
        // A month tells whether it holds the event at a line without making its events: as the whole timeline's groups say.
        const longMonths = [...long.years.flatMap((year) => year.months), ...(long.invalid ? [long.invalid] : [])];
        for (const { source, briefing } of models) {
          for (const event of briefing.events.filter((_, index) => index % 7 === 0)) {
            const line = event.range.end.line;
            assert.deepEqual(
              longMonths.filter((month) => month.holdsEventAt!(source, line)).map((month) => month.label),
              (whole.groups ?? []).filter((group) => group.events.some((item) => isEventAt(item, source, line))).map((group) => group.label),
            );
          }
        }
        const yearCounts = new Map<string, number>();
        for (const group of whole.groups ?? [])
          if (group.label !== 'Invalid dates') yearCounts.set(group.label.slice(0, 4), (yearCounts.get(group.label.slice(0, 4)) ?? 0) + group.events.length);
        assert.deepEqual(
          long.years.map((year) => [year.label, year.count]),
          [...yearCounts],
        );
      }
      // The filter's choices read each event's names from the columns (no event made): as its lists.
      for (const item of collectEvents(summaries)) {
        const seen: Record<'actor' | 'place' | 'tag', string[]> = { actor: [], place: [], tag: [] };
        item.columns!.eachName(item.indexInColumns!, (name, kind) => seen[kind].push(name));
        assert.deepEqual(seen, { actor: [...item.event.actors], place: [...item.event.places], tag: [...item.event.tags] });
      }
      const graph = linkGraph(models);
      assert.deepEqual(linkGraph(summaries), graph);
      assert.ok(graph.edges.length > 0);
      assert.deepEqual(mapData(linkGraph(summaries), summaries), mapData(graph, models));
    }
  });

  test("its events in columns: made again as they were; a text filter finds a needle in one event's text, never across two", () => {
    const text = '---\nactors:\n  - name: Kim\n---\n## S\n\n- 2023-11-13: Kim went east #trip\n- ~2023-11..2023-12: talks ended\n- 2023-02-30: impossible\n- 2024: Kim again\n';
    const model = parseBriefing(text);
    const summary = summarize(model, internTable());
    assert.equal(summary.eventColumns.count, 4);
    const facts = (event: (typeof summary.events)[number]) => [
      event.start,
      event.end,
      event.approximate,
      event.valid,
      event.text,
      at(event.range),
      event.range.startOffset,
      event.range.endOffset,
      event.actors,
      event.places,
      event.tags,
      event.sectionIndex,
    ];
    assert.deepEqual(summary.events.map(facts), model.events.map(facts));
    const items = collectEvents([{ source: 'file:///a.briefing', label: 'a', briefing: summary }]);
    const kept = (filter: Parameters<typeof filterEvents>[1]) => filterEvents(items, filter).map((item) => item.event.text);
    assert.deepEqual(kept({ text: 'EAST' }), ['Kim went east #trip']);
    assert.deepEqual(kept({ text: '#trip\ntalks' }), []);
    assert.deepEqual(kept({ text: 'trip' }), ['Kim went east #trip']);
    assert.deepEqual(kept({ text: 'ed' }), ['talks ended']);
    assert.deepEqual(kept({ text: '2023-12' }), ['talks ended']);
    assert.deepEqual(kept({ actor: 'Kim' }), ['Kim went east #trip', 'Kim again']);
    assert.deepEqual(kept({ tag: 'trip', text: 'kim' }), ['Kim went east #trip']);
    assert.deepEqual(kept({ text: 'a' }).length, 4, 'the label "a" names every event of the file');
    // Ids as a model's: `~2023-11` and `2023-11` are one date text, told apart by their order.
    const dates = parseBriefing('- ~2023-11: a\n- 2023-11: b\n- 2023-11..2023-12: c\n- ~2023-11..2023-12: d\n');
    const ids = (briefing: Briefing | BriefingSummary) => collectEvents([{ source: 's', label: 's', briefing }]).map((item) => item.id);
    assert.deepEqual(ids(summarize(dates, internTable())), ids(dates));
    assert.deepEqual(ids(dates), ['s#2023-11|#0', 's#2023-11|#1', 's#2023-11|2023-12#0', 's#2023-11|2023-12#1']);
  });

  test("a registry entity's relations name their targets as each file resolves them; its other facts are shared", () => {
    const registry = parseRegistry('actors:\n  - name: Envoy\n    relations:\n      - to: Chief\n        type: reports-to\n  - name: Quiet\n', 'file:///w/entities.yaml');
    const intern = internTable();
    const withChief = summarize(parseBriefing('---\nactors:\n  - name: Chief\n---\nEnvoy and Quiet met.\n', { registries: [registry] }), intern);
    const without = summarize(parseBriefing('Envoy and Quiet met again.\n', { registries: [registry] }), intern);
    const envoy = (summary: BriefingSummary) => summary.entities.find((entity) => entity.name === 'Envoy')!;
    assert.equal(envoy(withChief).relations[0].target, 'Chief');
    assert.equal(envoy(without).relations[0].target, undefined);
    const quiet = (summary: BriefingSummary) => summary.entities.find((entity) => entity.name === 'Quiet')!;
    assert.equal(quiet(withChief).definition, quiet(without).definition, 'one definition object for every file');
    assert.deepEqual([quiet(withChief).mentionCount, mentionPositionsOf(quiet(without)).map(at)], [1, ['0:10-0:15']]);
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

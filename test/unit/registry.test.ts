import * as assert from 'node:assert/strict';
import { isRegistryFileName, parsePiecesStepwise, parseRegistry, type ParsedPieces } from '../../src/core';
import { applyEdits } from '../../src/core/language/rename';
import { entityCompletions } from '../../src/core/language/completion';
import { briefing, joinLines, parse } from './util';

const registryText = joinLines(
  'actors:',
  '  - name: Vladimir Putin',
  '    aliases: [Putin]',
  '    role: President',
  '  - name: Kim Jong Un',
  '    role: From the registry',
  'places:',
  '  - name: Moscow',
);

suite('workspace registries', () => {
  test('file names', () => {
    assert.ok(isRegistryFileName('entities.yaml'));
    assert.ok(isRegistryFileName('/w/shared/asia.entities.yaml'));
    assert.ok(isRegistryFileName('C:\\w\\entities.yaml'));
    assert.ok(!isRegistryFileName('my-entities.yaml'));
    assert.ok(!isRegistryFileName('entities.yml'));
  });

  test('a registry is read with definitions pointing into it', () => {
    const registry = parseRegistry(registryText, 'file:///w/entities.yaml');
    assert.deepEqual(registry.diagnostics, []);
    assert.deepEqual(
      registry.entities.map((e) => e.name),
      ['Vladimir Putin', 'Kim Jong Un', 'Moscow'],
    );
    assert.equal(registry.entities[0].definition.source, 'file:///w/entities.yaml');
    assert.deepEqual(registry.entities[0].definition.nameRange.start, { line: 1, character: 10 });
  });

  test('a registry whose places are written as a mapping gets the fix that writes the list of entries', () => {
    const text = joinLines('places:', '  Moscow:', '    country: Russia', '  Vladivostok:', '    country: Russia', '');
    const [error, ...others] = parseRegistry(text, 'entities.yaml').diagnostics;
    assert.deepEqual([error.code, error.fix?.title, others], ['invalid-list', 'Make it a list of entries: - name: …', []]);
    const fixed = parseRegistry(
      applyEdits(
        text,
        error.fix!.edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
      ),
      'entities.yaml',
    );
    assert.deepEqual(fixed.diagnostics, []);
    assert.deepEqual(
      fixed.entities.map((e) => `${e.kind} ${e.name} ${e.country}`),
      ['place Moscow Russia', 'place Vladivostok Russia'],
    );
  });

  test("shared by briefings; the briefing's own entry of the same name overrides it", () => {
    const registry = parseRegistry(registryText, 'entities.yaml');
    const model = parse(briefing(['actors:', '  - name: Kim Jong Un', '    role: Own'], 'Putin and Kim Jong Un in Moscow'), { registries: [registry] });
    assert.deepEqual(
      model.entities.map((e) => [e.name, e.role, e.definition.source ?? 'own']),
      [
        ['Kim Jong Un', 'Own', 'own'],
        ['Vladimir Putin', 'President', 'entities.yaml'],
        ['Moscow', undefined, 'entities.yaml'],
      ],
    );
    assert.deepEqual(
      model.mentions.map((m) => m.entity.name),
      ['Vladimir Putin', 'Kim Jong Un', 'Moscow'],
    );
  });

  test("a registry entity joins a briefing's model only when mentioned; completion offers them all", () => {
    const registry = parseRegistry(registryText, 'entities.yaml');
    const model = parse('Putin spoke.', { registries: [registry] });
    assert.deepEqual(
      model.entities.map((e) => e.name),
      ['Vladimir Putin'],
    );
    assert.deepEqual(
      entityCompletions(model, [registry])
        .filter((item) => !item.isAlias)
        .map((item) => item.label),
      ['Vladimir Putin', 'Kim Jong Un', 'Moscow'],
    );
  });

  test('each parse has the registry entities it mentions, and only those', () => {
    const registry = parseRegistry(registryText, 'entities.yaml');
    const first = parse('Putin met Kim Jong Un in Moscow.', { registries: [registry] });
    const second = parse('Moscow was quiet.', { registries: [registry] });
    const third = parse('Kim Jong Un and Putin.', { registries: [registry] });
    assert.deepEqual(
      first.entities.map((e) => e.name),
      ['Vladimir Putin', 'Kim Jong Un', 'Moscow'],
    );
    assert.deepEqual(
      second.entities.map((e) => e.name),
      ['Moscow'],
    );
    assert.deepEqual(
      third.mentions.map((m) => m.entity.name),
      ['Kim Jong Un', 'Vladimir Putin'],
    );
    assert.deepEqual(
      first.mentions.map((m) => m.entity.name),
      ['Vladimir Putin', 'Kim Jong Un', 'Moscow'],
    );
  });

  test("registry problems are the registry's diagnostics", () => {
    const registry = parseRegistry(joinLines('actors:', '  - name: A', '    aliases: [X]', '  - name: B', '    aliases: [X]', '  - role: none', 'people: []'), 'r.entities.yaml');
    assert.deepEqual(
      registry.diagnostics.map((d) => [d.severity, d.range.start.line, d.code]),
      [
        ['warning', 4, 'duplicate-alias'],
        ['error', 5, 'missing-name'],
        ['information', 6, 'unknown-key'],
      ],
    );
  });

  test('a broken registry keeps what it could read', () => {
    const registry = parseRegistry(joinLines('actors:', '  - name: A', '  - name: [', 'places: x: y'), 'entities.yaml');
    assert.ok(registry.diagnostics.some((d) => d.severity === 'error'));
  });

  test('a long registry parsed a piece a step, then read from those pieces: the same registry, nothing parsed again', () => {
    const view = (registry: ReturnType<typeof parseRegistry>) => ({
      entities: registry.entities.map(({ id, name, aliases, role, country, definition }) => [
        id,
        name,
        aliases,
        role,
        country,
        definition.nameRange.start,
        definition.entryRange.end,
      ]),
      diagnostics: registry.diagnostics.map((d) => [d.severity, d.code, d.range.start, d.message]),
    });
    const entries = Array.from({ length: 300 }, (_, i) => `  - name: Person ${i}\n    aliases: [P${i}${i === 7 ? ', P8' : ''}]\n    role: Role ${i}\n`).join('');
    const texts = [
      `# the team's registry\nactors:\n${entries}places:\n  - name: Vladivostok\n    country: RU\npeople: []\n`,
      // Lone carriage returns: never cut, read whole, no step.
      'actors:\r  - name: A\r  - name: B\r',
      'actors: [{ name: A }, { name: B }]\n',
      joinLines('actors:', '  - name: A', '  - name: [', 'places: x: y'),
    ];
    for (const text of texts) {
      const pieces: ParsedPieces = new Map();
      const steps = [...parsePiecesStepwise(text, pieces)].length;
      assert.equal(steps, pieces.size);
      const parsed = [...pieces.values()];
      const kept: ParsedPieces = new Map();
      const registry = parseRegistry(text, 'file:///w/entities.yaml', { previous: pieces, keep: kept });
      assert.deepEqual(view(registry), view(parseRegistry(text, 'file:///w/entities.yaml')));
      assert.ok(
        [...kept.values()].every((document) => parsed.includes(document)),
        'every piece read was one parsed before',
      );
    }
    const pieces: ParsedPieces = new Map();
    assert.equal([...parsePiecesStepwise(texts[0], pieces)].length, 300 + 4, 'a step for each entry, and each key');
    assert.equal([...parsePiecesStepwise(texts[1], new Map())].length, 0);
  });
});

import * as assert from 'node:assert/strict';
import { completionContext, entityAt, exportBriefing, keyCompletions, parseRegistry, relationAt, relationHoverMarkdown, relationTypesOf, type Briefing } from '../../src/core';
import { applyEdits, renameDefinitionEdit, renameEditsInBriefing, renameEditsInRegistry } from '../../src/core/language/rename';
import { escapeMarkdown } from '../../src/core/text/escape';
import { briefing, parse } from './util';

const URI = 'file:///w/a.briefing';
const lineTarget = (uri: string, line: number) => `command:reveal?${encodeURIComponent(JSON.stringify([uri, line]))}`;

const problemsOf = (model: { readonly diagnostics: Briefing['diagnostics'] }) =>
  model.diagnostics.map((d) => `${d.severity} ${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
const relationsOf = (model: Briefing, name: string) =>
  model.entities
    .find((entity) => entity.name === name)!
    .relations.map(
      (r) =>
        `${r.to}→${r.target ?? '?'} ${r.type}${r.since ? ` since ${r.since.approximate ? '~' : ''}${r.since.text}` : ''}${r.until ? ` until ${r.until.text}` : ''}${r.source ? ` [${r.source}]` : ''}`,
    );

const PEOPLE = [
  'actors:',
  '  - name: Kim Jong Un',
  '    aliases: [Kim]',
  '    relations:',
  '      - { to: Putin, type: meets, since: 2023-09-13, source: S1 }',
  '      - to: North Korea',
  '        type: leads',
  '        since: ~2011',
  '  - name: Vladimir Putin',
  '    aliases: [Putin]',
  '  - name: North Korea',
];

suite('relations (format v1.1)', () => {
  test('are read with their dates and source, and `to` resolves a name or an alias to the canonical name', () => {
    const model = parse(briefing(PEOPLE, 'Kim met Putin [S1].', '', '## Sources', '- [S1] Reuters'));
    assert.deepEqual(problemsOf(model), []);
    assert.deepEqual(relationsOf(model, 'Kim Jong Un'), ['Putin→Vladimir Putin meets since 2023-09-13 [S1]', 'North Korea→North Korea leads since ~2011']);
    const [first] = model.entities[0].relations;
    assert.equal(first.toRange.start.line, 5);
    assert.equal(model.lines.text.slice(first.toRange.startOffset, first.toRange.endOffset), 'Putin');
  });

  test('an unknown `to` is a Warning naming the closest entity, with the fix to it; one to itself is a Warning', () => {
    const model = parse(
      briefing([
        'actors:',
        '  - name: Kim Jong Un',
        '    relations:',
        '      - { to: Vladimir Puttin, type: meets }',
        '      - { to: Kim Jong Un, type: is }',
        '  - name: Vladimir Putin',
      ]),
    );
    assert.deepEqual(problemsOf(model), [
      "warning unknown-relation-target@5:15 No actor or place is named 'Vladimir Puttin'; did you mean 'Vladimir Putin'?",
      'warning relation-to-itself@6:15 A relation of Kim Jong Un to itself',
    ]);
    assert.equal(model.diagnostics[0].fix?.edits[0].newText, 'Vladimir Putin');
    const far = parse(briefing(['actors:', '  - name: Kim Jong Un', '    relations: [{ to: Zelensky, type: meets }]']));
    assert.match(problemsOf(far)[0], /No actor or place is named 'Zelensky': add its entry/);
  });

  test('a relation inside YAML broken by an unclosed bracket is not checked, the front matter read afresh or from its cache alike', () => {
    // The bracket left open swallows the entries below it up to the next `]`: North Korea is gone,
    // and Russia's relation to it follows from the mistake; only the mistake is told.
    const text = briefing([
      'actors:',
      '  - name: Vladimir Putin',
      '    aliases: [President Putin',
      '    type: person',
      '  - name: North Korea',
      '    relations: [{ to: China, type: ally of }]',
      '  - name: Russia',
      '    relations: [{ to: North Korea, type: may seek weapons from }]',
      '  - name: China',
    ]);
    const fresh = problemsOf(parse(text)).map((problem) => problem.split(' ')[1]);
    assert.deepEqual(fresh, ['yaml-unclosed-bracket@4:14']);
    assert.deepEqual(
      problemsOf(parse(text)).map((problem) => problem.split(' ')[1]),
      fresh,
      'read again (the front matter from its cache)',
    );
  });

  test('bad input: missing `to` or `type`, bad and reversed dates, a relation not a mapping, `relations` not a list, unknown keys, an unlisted source', () => {
    const model = parse(
      briefing([
        'actors:',
        '  - name: Kim Jong Un',
        '    relations:',
        '      - { to: , type: meets }',
        '      - { to: Putin }',
        '      - Putin',
        '      - { to: Putin, type: meets, since: 2023-02-30, until: yesterday }',
        '      - { to: Putin, type: meets, since: 2024, until: 2023-11 }',
        '      - { to: Putin, type: meets, sinse: 2023, source: S9 }',
        '  - name: Putin',
        '    relations: Kim',
      ]),
    );
    assert.deepEqual(problemsOf(model), [
      "error invalid-relation@5:9 This relation has no 'to' (the entity it points to)",
      "error invalid-relation@6:9 This relation has no 'type' (free text such as 'ally of')",
      'error invalid-relation@7:9 A relation must be a mapping such as { to: Vladimir Putin, type: meets }',
      'error invalid-date@8:42 Impossible date 2023-02-30: no such day or month',
      "error invalid-date@8:61 'until' must be a date: YYYY, YYYY-MM or YYYY-MM-DD, with '~' before it when approximate",
      'error reversed-range@9:55 This relation ends (2023-11) before it starts (2024)',
      "information unknown-key@10:35 Unknown key 'sinse' in a relation; did you mean 'since'?",
      "warning unknown-source@10:56 S9 is not listed: add a line '- [S9] …' under Sources",
      "error invalid-relation@12:16 'relations' must be a list of entries such as { to: Vladimir Putin, type: meets }",
    ]);
    assert.equal(model.entities[0].relations.length, 3);
  });

  test('a registry entity that a relation names joins the model (it was not mentioned); a registry checks only relations to themselves', () => {
    const registry = parseRegistry(
      [
        'actors:',
        '  - name: Sergei Shoigu',
        '    relations: [{ to: Shoigu, type: is }]',
        '    aliases: [Shoigu]',
        '  - name: China',
        '    relations: [{ to: Nobody Here, type: ally of }]',
      ].join('\n'),
      'file:///w/entities.yaml',
    );
    assert.deepEqual(problemsOf(registry), ['warning relation-to-itself@3:23 A relation of Sergei Shoigu to itself']);
    const model = parse(briefing(['actors:', '  - name: Kim Jong Un', '    relations: [{ to: Shoigu, type: meets }]'], 'Kim Jong Un spoke.'), { registries: [registry] });
    assert.deepEqual(problemsOf(model), []);
    assert.deepEqual(relationsOf(model, 'Kim Jong Un'), ['Shoigu→Sergei Shoigu meets']);
    assert.deepEqual(
      model.entities.map((entity) => `${entity.name}${entity.definition.source ? ' (registry)' : ''}: ${entity.mentions.length}`),
      ['Kim Jong Un: 1', 'Sergei Shoigu (registry): 0'],
    );
  });

  test('the `to:` value is the entity it names, for Go to Definition; its hover card shows the relation, then the entity', () => {
    const text = briefing(PEOPLE, 'Kim met Putin [S1].', '', '## Sources', '- [S1] Reuters, 2023-09-13');
    const model = parse(text);
    const at = text.indexOf('Putin, type') + 2;
    assert.equal(entityAt(model, at)?.entity.name, 'Vladimir Putin');
    assert.equal(entityAt(model, at)?.isDeclaration, false);
    const card = relationHoverMarkdown(model, relationAt(model, at)!, URI, lineTarget);
    assert.ok(
      card.startsWith(
        `**Kim Jong Un** → *meets* → **Vladimir Putin** · since 2023-09-13 · source S1: ${escapeMarkdown('Reuters, 2023-09-13', 80)}\n\n---\n\n**Vladimir Putin** · Actor`,
      ),
      card,
    );
    // Unknown: the relation, and why there is no card; names are escaped.
    const unknown = parse(briefing(['actors:', '  - name: Kim Jong Un', '    relations: [{ to: "*Nobody*", type: "<b>meets</b>" }]']));
    const found = relationAt(unknown, unknown.lines.text.indexOf('*Nobody*') + 1)!;
    assert.equal(found.target, undefined);
    assert.equal(entityAt(unknown, unknown.lines.text.indexOf('*Nobody*') + 1), undefined);
    const unknownCard = relationHoverMarkdown(unknown, found, URI, lineTarget);
    assert.ok(unknownCard.includes(`→ *${escapeMarkdown('<b>meets</b>')}* →`), unknownCard);
    assert.match(unknownCard, /No actor or place of this briefing or its registries is named \\\*Nobody\\\*\./);
  });

  test('rename of an entity renames the relations that name it by its name (an alias stays), quoted as YAML needs', () => {
    const text = briefing(
      [
        'actors:',
        '  - name: Kim Jong Un',
        '    relations:',
        '      - { to: Vladimir Putin, type: meets }',
        '      - { to: Putin, type: phones }',
        '      - to: Vladimir Putin',
        '        type: writes to',
        '  - name: Vladimir Putin',
        '    aliases: [Putin]',
      ],
      'Vladimir Putin spoke.',
    );
    const model = parse(text);
    const putin = model.entities.find((entity) => entity.name === 'Vladimir Putin')!;
    const renamed = applyEdits(text, [renameDefinitionEdit(text, putin, 'Putin, V.'), ...renameEditsInBriefing(model, 'Vladimir Putin', 'Putin, V.')]);
    assert.deepEqual(renamed.split('\n').slice(4, 10), [
      '      - { to: "Putin, V.", type: meets }',
      '      - { to: Putin, type: phones }',
      '      - to: "Putin, V."',
      '        type: writes to',
      '  - name: "Putin, V."',
      '    aliases: [Putin]',
    ]);
    assert.deepEqual(parse(renamed).diagnostics, []);
  });

  test('the JSON export gives each entity its relations, `to` by canonical name', () => {
    const model = parse(briefing(PEOPLE, 'Kim met Putin [S1].', '', '## Sources', '- [S1] Reuters'));
    const [kim, putin] = exportBriefing(model).entities;
    assert.deepEqual(kim.relations, [
      { to: 'Vladimir Putin', type: 'meets', since: '2023-09-13', until: null, source: 'S1' },
      { to: 'North Korea', type: 'leads', since: '~2011', until: null, source: null },
    ]);
    assert.deepEqual(putin.relations, []);
  });

  test("completion: entity names after `to:`, the types used after a relation's `type:` (not an entry's), the relation keys in a relation", () => {
    const lines = [
      'actors:',
      '  - name: Kim Jong Un',
      '    type: per',
      '    relations:',
      '      - { to: Vla',
      '      - { to: Vladimir Putin, type: me',
      '      - to: China',
      '        type: al',
      '        sin',
      '      - ty',
      '  - name: Vladimir Putin',
      '    relations: [{ to: China, type: ally of }]',
      '    ty',
    ];
    const text = briefing(lines);
    const model = parse(text);
    const at = (line: string, after = line.length) => {
      const offset = text.indexOf(`${line}\n`) + after;
      const context = completionContext(model, offset);
      return context.kind === 'none' ? 'none' : `${context.kind} ${text.slice(context.prefixStart, offset)}`;
    };
    assert.equal(at('      - { to: Vla'), 'relationTarget Vla');
    assert.equal(at('      - { to: Vladimir Putin, type: me'), 'relationType me');
    assert.equal(at('        type: al'), 'relationType al');
    assert.equal(at('        sin'), 'relationKey sin');
    assert.equal(at('      - ty'), 'relationKey ty');
    assert.equal(at('    type: per'), 'entityType per');
    assert.equal(at('    ty'), 'entryKey ty');
    assert.deepEqual(keyCompletions('relationKey'), ['to', 'type', 'since', 'until', 'source']);
    const registry = parseRegistry('actors:\n  - name: China\n    relations: [{ to: Russia, type: partner of }]', 'file:///w/entities.yaml');
    const other = parse(briefing(['places:', '  - name: Kyiv', '    relations: [{ to: Kim, type: meets }, { to: Kim, type: ally of }]']));
    assert.deepEqual(relationTypesOf([parse(briefing(PEOPLE)), other], [registry]), ['ally of', 'leads', 'meets', 'partner of']);
  });

  test("rename in a registry: the relations' `to:` written with the name, where the text still holds it", () => {
    const text = [
      'actors:',
      '  - name: Sergei Lavrov',
      '    relations: [{ to: Choe Son Hui, type: meets }, { to: Choe, type: phones }]',
      '  - name: Choe Son Hui',
      '    aliases: [Choe]',
    ].join('\n');
    const registry = parseRegistry(text, 'file:///w/entities.yaml');
    assert.equal(
      applyEdits(text, renameEditsInRegistry(registry, text, 'Choe Son Hui', 'Choe Son-hui')).split('\n')[2],
      '    relations: [{ to: Choe Son-hui, type: meets }, { to: Choe, type: phones }]',
    );
    assert.deepEqual(renameEditsInRegistry(registry, text.replace('to: Choe Son Hui', 'to: Choe Son Hux'), 'Choe Son Hui', 'X'), [], 'a stale parse edits nothing');
  });
});

import * as assert from 'node:assert/strict';
import { applyEdits } from '../../src/core/language/rename';
import { briefing, diagnosticsOf, KIM_AND_PUTIN, mentionsOf, onlyDiagnostic, parse } from './util';

suite('entities', () => {
  test('actors and places with every field', () => {
    const model = parse(
      briefing(
        [
          'actors:',
          '  - name: Kim Jong Un',
          '    aliases: [Kim, North Korean leader]',
          '    type: person',
          '    role: Supreme Leader',
          '    affiliation: North Korea',
          '    summary: First trip abroad since the COVID-19 pandemic.',
          '    links: [https://example.org/kim]',
          'places:',
          '  - name: Vladivostok',
          '    country: Russia',
          '    summary: Port city.',
        ],
        '',
      ),
    );
    assert.deepEqual(model.diagnostics, []);
    const [kim, city] = model.entities;
    assert.deepEqual(
      { name: kim.name, kind: kim.kind, type: kim.type, aliases: kim.aliases, role: kim.role, affiliation: kim.affiliation, summary: kim.summary, links: kim.links },
      {
        name: 'Kim Jong Un',
        kind: 'actor',
        type: 'person',
        aliases: ['Kim', 'North Korean leader'],
        role: 'Supreme Leader',
        affiliation: 'North Korea',
        summary: 'First trip abroad since the COVID-19 pandemic.',
        links: ['https://example.org/kim'],
      },
    );
    assert.deepEqual({ name: city.name, kind: city.kind, country: city.country, type: city.type }, { name: 'Vladivostok', kind: 'place', country: 'Russia', type: undefined });
    assert.deepEqual(kim.definition.nameRange.start, { line: 2, character: 10 });
    assert.equal(kim.definition.source, undefined);
  });

  test('a missing name is an Error and the entry is skipped', () => {
    const model = parse(briefing(['actors:', '  - role: President', '  - name: Putin'], ''));
    assert.deepEqual(
      model.entities.map((e) => e.name),
      ['Putin'],
    );
    assert.deepEqual(diagnosticsOf(model), ['error@3:5']);
  });

  test('an empty name is an Error', () => {
    const model = parse(briefing(['actors:', '  - name: ""', '  - name:'], ''));
    assert.equal(model.entities.length, 0);
    assert.deepEqual(diagnosticsOf(model), ['error@3:11', 'error@4:5']);
  });

  test('a non-string alias is a Warning and is ignored', () => {
    const model = parse(briefing(['actors:', '  - name: Group', '    aliases: [G7, 2023, [x]]'], '2023'));
    assert.deepEqual(model.entities[0].aliases, ['G7']);
    assert.deepEqual(diagnosticsOf(model), ['warning@4:19', 'warning@4:25']);
    assert.equal(model.mentions.length, 0);
  });

  test('one alias written with commas is read as written, with a Warning whose fix makes it a list', () => {
    const text = briefing(['actors:', '  - name: Kim Jong Un', '    aliases: Kim, KJU, 2023'], 'KJU and Kim met.');
    const model = parse(text);
    assert.deepEqual(model.entities[0].aliases, ['Kim, KJU, 2023'], 'YAML reads one string');
    assert.equal(model.mentions.length, 0);
    const warning = onlyDiagnostic(model);
    assert.deepEqual(
      [warning.severity, warning.code, warning.range.start, warning.range.end],
      ['warning', 'aliases-in-one-text', { line: 3, character: 13 }, { line: 3, character: 27 }],
    );
    assert.equal(
      warning.message,
      '\'Kim, KJU, 2023\' is one alias, commas included. For 3 aliases, write a list: [Kim, KJU, "2023"] (or ["Kim, KJU, 2023"] for one alias with commas)',
    );
    assert.equal(warning.fix!.title, 'Make it a list: [Kim, KJU, "2023"]');
    const fixed = parse(
      applyEdits(
        text,
        warning.fix!.edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
      ),
    );
    assert.deepEqual(fixed.entities[0].aliases, ['Kim', 'KJU', '2023'], 'the number stays a string: quoted');
    assert.deepEqual(fixed.diagnostics, []);
    assert.deepEqual(mentionsOf(fixed), ['Kim Jong Un@5:0 "KJU"', 'Kim Jong Un@5:8 "Kim"']);
  });

  test('no Warning for one alias without a comma, for a list, or for a comma with nothing after it', () => {
    for (const aliases of ['Kim', '[Kim, KJU]', '["Washington, D.C."]', '"Kim,"', '- Kim, KJU']) {
      const lines = aliases.startsWith('- ') ? ['    aliases:', `      ${aliases}`] : [`    aliases: ${aliases}`];
      assert.deepEqual(parse(briefing(['actors:', '  - name: Kim Jong Un', ...lines], '')).diagnostics, [], aliases);
    }
  });

  test('an unknown key is Information, with a suggestion', () => {
    const model = parse(briefing(['actors:', '  - name: Kim', '    Role: Leader', '    colour: red'], ''));
    assert.deepEqual(
      model.diagnostics.map((d) => [d.severity, d.message]),
      [
        ['information', "Unknown key 'Role' in actor entry; did you mean 'role'?"],
        ['information', "Unknown key 'colour' in actor entry; known keys: name, aliases, type, role, affiliation, country, coordinates, summary, links, relations"],
      ],
    );
  });

  test('an unknown type is a Warning; a known one in another case gets the fix that writes it in lower case', () => {
    const model = parse(briefing(['actors:', '  - name: Kim', '    type: persn'], ''));
    assert.equal(onlyDiagnostic(model).severity, 'warning');
    assert.equal(onlyDiagnostic(model).fix, undefined, 'a typo is not certain');
    assert.equal(model.entities[0].type, undefined);
    const text = briefing(['actors:', '  - name: Kim', '    type: "Person "'], '');
    const warning = onlyDiagnostic(parse(text));
    assert.equal(warning.fix?.title, "Change 'Person ' to 'person'");
    const fixed = parse(
      applyEdits(
        text,
        warning.fix!.edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
      ),
    );
    assert.deepEqual([fixed.entities[0].type, fixed.diagnostics], ['person', []]);
  });

  test('links must be http or https', () => {
    const model = parse(briefing(['actors:', '  - name: Kim', '    links: [https://a.example, "javascript:alert(1)", ftp://x]'], ''));
    assert.deepEqual(model.entities[0].links, ['https://a.example']);
    assert.deepEqual(diagnosticsOf(model), ['warning@4:32', 'warning@4:55']);
  });

  test('links written as one text with commas: the Warning says so, and its fix makes the list', () => {
    const text = briefing(['actors:', '  - name: Kim', '    links: https://a.example/x, https://b.example/y'], '');
    const warning = onlyDiagnostic(parse(text));
    assert.deepEqual(
      [warning.code, warning.message],
      ['invalid-link', 'These 2 links are one text, which is ignored: write a list: ["https://a.example/x", "https://b.example/y"]'],
    );
    const fixed = parse(
      applyEdits(
        text,
        warning.fix!.edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
      ),
    );
    assert.deepEqual([fixed.entities[0].links, fixed.diagnostics], [['https://a.example/x', 'https://b.example/y'], []]);
    // Not every part a link, or a comma inside a list item: no fix.
    assert.equal(onlyDiagnostic(parse(briefing(['actors:', '  - name: Kim', '    links: https://a.example/x, see above'], ''))).fix, undefined);
    assert.equal(onlyDiagnostic(parse(briefing(['actors:', '  - name: Kim', '    links: ["https://a.example/x, https://b.example/y"]'], ''))).fix, undefined);
  });

  test('the same alias on two entities: a Warning on the later one, and the first wins', () => {
    const model = parse(briefing(['actors:', '  - name: Kim Jong Un', '    aliases: [Kim]', '  - name: Kim Yo Jong', '    aliases: [Kim]'], 'Kim spoke.'));
    assert.deepEqual(
      model.diagnostics.map((d) => [d.severity, d.range.start.line, d.code]),
      [['warning', 5, 'duplicate-alias']],
    );
    assert.equal(model.mentions[0].entity.name, 'Kim Jong Un');
  });

  test("an alias that is another entity's name is a Warning", () => {
    const model = parse(briefing(['actors:', '  - name: Russia', '  - name: Kremlin', '    aliases: [Russia]'], ''));
    assert.deepEqual(
      model.diagnostics.map((d) => d.code),
      ['duplicate-alias'],
    );
  });

  test('a repeated alias on one entity is a Warning', () => {
    const model = parse(briefing(['actors:', '  - name: Kim', '    aliases: [K, K]'], ''));
    assert.deepEqual(
      model.diagnostics.map((d) => [d.code, d.range.start.line]),
      [['duplicate-alias', 3]],
    );
  });

  test('a shorthand entry (just a name) is accepted', () => {
    const model = parse(briefing(['actors: [Kim Jong Un, Vladimir Putin]'], 'Vladimir Putin'));
    assert.deepEqual(
      model.entities.map((e) => e.name),
      ['Kim Jong Un', 'Vladimir Putin'],
    );
    assert.equal(model.mentions.length, 1);
  });

  test('actors must be a list; names written as text get the fix that makes them one', () => {
    const text = briefing(['places: Vladivostok, Moscow', 'actors: {Kim: {role: Leader}}'], 'Vladivostok and Moscow.');
    const [places, actors] = parse(text).diagnostics;
    assert.deepEqual(
      [places.code, places.message, places.fix?.title],
      ['invalid-list', "'places' must be a list: write [Vladivostok, Moscow]", 'Make it a list: [Vladivostok, Moscow]'],
    );
    assert.deepEqual(
      [actors.code, actors.message, actors.fix],
      ['invalid-list', "'actors' must be a list of entries, each with a 'name'", undefined],
      'a mapping is no list of names',
    );
    const fixed = parse(
      applyEdits(
        text,
        places.fix!.edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
      ),
    );
    assert.deepEqual(
      fixed.entities.map((e) => `${e.kind} ${e.name} ${e.mentions.length}`),
      ['place Vladivostok 1', 'place Moscow 1'],
    );
    assert.deepEqual(
      fixed.diagnostics.map((d) => d.code),
      ['invalid-list'],
      'the actors are still a mapping',
    );
  });

  test('actors written as a mapping from names to fields: the fix writes the list of entries, fields re-indented under each', () => {
    const text = briefing(
      [
        'actors:',
        '  Kim Jong Un:   # the leader',
        '      role: Leader',
        '      summary: |',
        '        Chairman.',
        '          Since 2011.',
        '  # his minister',
        "  'Choe Son Hui':",
        '  Vladimir Putin:',
        '   role: President',
      ],
      'Kim Jong Un, Choe Son Hui and Vladimir Putin.',
    );
    const [error, ...others] = parse(text).diagnostics;
    assert.deepEqual(
      [error.code, error.message, error.fix?.title, others],
      ['invalid-list', "'actors' must be a list of entries, each with a 'name'", 'Make it a list of entries: - name: …', []],
    );
    const fixedText = applyEdits(
      text,
      error.fix!.edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
    );
    assert.equal(
      fixedText,
      briefing(
        [
          'actors:',
          '  - name: Kim Jong Un   # the leader',
          '    role: Leader',
          '    summary: |',
          '      Chairman.',
          '        Since 2011.',
          '  # his minister',
          '  - name: Choe Son Hui',
          '  - name: Vladimir Putin',
          '    role: President',
        ],
        'Kim Jong Un, Choe Son Hui and Vladimir Putin.',
      ),
    );
    const fixed = parse(fixedText);
    assert.deepEqual(fixed.diagnostics, []);
    assert.deepEqual(
      fixed.entities.map((e) => [e.name, e.role, e.summary, e.mentions.length]),
      [
        ['Kim Jong Un', 'Leader', 'Chairman.\n  Since 2011.', 1],
        ['Choe Son Hui', undefined, undefined, 1],
        ['Vladimir Putin', 'President', undefined, 1],
      ],
    );
  });

  test('a mapping the fix cannot read for certain gets the error alone', () => {
    for (const lines of [
      ['actors:', '  Kim Jong Un: Leader'], // a role? a summary?
      ['actors: {Kim Jong Un: {role: Leader}}'], // flow: written by hand, rare
      ['actors:', '  Kim:', '    name: Kim Jong Un'], // which name?
      ['actors:', '  ? Kim Jong Un', '  : role: Leader'], // an explicit key
    ]) {
      const [error] = parse(briefing(lines, '')).diagnostics;
      assert.deepEqual([error.code, error.fix], ['invalid-list', undefined], lines.join('\n'));
    }
  });

  test('entities keep their front-matter order, actors and places', () => {
    const model = parse(briefing(KIM_AND_PUTIN, ''));
    assert.deepEqual(
      model.entities.map((e) => `${e.kind}:${e.name}`),
      ['actor:Kim Jong Un', 'actor:Vladimir Putin', 'place:Vladivostok'],
    );
  });
});

suite('entity order', () => {
  test('actors come before places whatever the key order; the first definition in the file wins a shared term', () => {
    const model = parse(briefing(['places:', '  - name: Moscow', 'actors:', '  - name: Russia', '    aliases: [Moscow]'], 'Moscow'));
    assert.deepEqual(
      model.entities.map((e) => e.name),
      ['Russia', 'Moscow'],
    );
    assert.deepEqual(
      model.diagnostics.map((d) => [d.code, d.range.start.line]),
      [['duplicate-alias', 5]],
    );
    assert.equal(model.mentions[0].entity.name, 'Moscow');
  });
});

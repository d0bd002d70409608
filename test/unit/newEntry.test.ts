import * as assert from 'node:assert/strict';
import { newEntryEdit, type NewEntry } from '../../src/core/language/newEntry';
import { applyEdits } from '../../src/core/language/rename';
import { joinLines, parse } from './util';

function register(text: string, kind: 'actor' | 'place', entry: string | NewEntry): string {
  return applyEdits(text, [newEntryEdit(parse(text), kind, entry)]);
}

suite('register selection as actor or place', () => {
  test('appends to a block list, with its indentation', () => {
    const text = joinLines('---', 'actors:', '    - name: Kim', '      role: x', 'places: []', '---', 'Putin');
    const result = register(text, 'actor', 'Putin');
    assert.equal(result, joinLines('---', 'actors:', '    - name: Kim', '      role: x', '    - name: Putin', 'places: []', '---', 'Putin'));
    assert.equal(parse(result).mentions[0].entity.name, 'Putin');
  });

  test('appends to a flow list', () => {
    assert.equal(register(joinLines('---', 'places: [Minsk]', '---', ''), 'place', 'Kyiv'), joinLines('---', 'places: [Minsk, Kyiv]', '---', ''));
    assert.equal(register(joinLines('---', 'places: []', '---', ''), 'place', 'Kyiv'), joinLines('---', 'places: [Kyiv]', '---', ''));
  });

  test('creates the list when it is missing', () => {
    assert.equal(register(joinLines('---', 'title: T', '---', 'x'), 'place', 'Kyiv'), joinLines('---', 'title: T', 'places:', '  - name: Kyiv', '---', 'x'));
  });

  test('creates the front matter when there is none, keeping CRLF', () => {
    assert.equal(register('Putin spoke.\r\n', 'actor', 'Putin'), '---\r\nactors:\r\n  - name: Putin\r\n---\r\nPutin spoke.\r\n');
  });

  test('quotes a name YAML would misread', () => {
    const result = register(joinLines('---', 'actors:', '  - name: A', '---', ''), 'actor', 'Group: 7');
    assert.deepEqual(
      parse(result).entities.map((e) => e.name),
      ['A', 'Group: 7'],
    );
  });

  test("an entry with fields: each under its name, in the format's order, empty ones left out, values YAML would misread quoted", () => {
    const entry: NewEntry = { name: 'Kim Jong Un', type: 'person', role: 'Chairman: WPK', affiliation: ' ', aliases: ['Kim', 'Chairman Kim', 'Un, the Younger', ''] };
    const text = joinLines('---', 'actors:', '    - name: A', '---', 'Kim Jong Un');
    const result = register(text, 'actor', entry);
    assert.equal(
      result,
      joinLines(
        '---',
        'actors:',
        '    - name: A',
        '    - name: Kim Jong Un',
        '      aliases: [Kim, Chairman Kim, "Un, the Younger"]',
        '      type: person',
        '      role: "Chairman: WPK"',
        '---',
        'Kim Jong Un',
      ),
    );
    const model = parse(result);
    assert.deepEqual(
      model.diagnostics.filter((d) => d.severity !== 'hint'),
      [],
    );
    assert.deepEqual([model.entities[1].aliases, model.entities[1].role], [['Kim', 'Chairman Kim', 'Un, the Younger'], 'Chairman: WPK']);
    const place = register(joinLines('---', 'places: [Minsk]', '---', ''), 'place', { name: 'Kyiv', country: 'Ukraine', aliases: ['Kiev'] });
    assert.equal(place, joinLines('---', 'places: [Minsk, {name: Kyiv, aliases: [Kiev], country: Ukraine}]', '---', ''));
    assert.deepEqual(
      parse(place).entities.map((e) => [e.name, e.country, e.aliases]),
      [
        ['Minsk', undefined, []],
        ['Kyiv', 'Ukraine', ['Kiev']],
      ],
    );
    assert.equal(register('x\n', 'place', { name: 'Kyiv', country: 'Ukraine' }), '---\nplaces:\n  - name: Kyiv\n    country: Ukraine\n---\nx\n');
  });

  test('an empty list key gets its first item', () => {
    const result = register(joinLines('---', 'actors:', 'title: T', '---', ''), 'actor', 'Kim');
    assert.deepEqual(
      parse(result).entities.map((e) => e.name),
      ['Kim'],
    );
    assert.equal(parse(result).frontMatter?.title, 'T');
  });
});

suite('quick fixes in diagnostics', () => {
  test("a key's case", () => {
    const text = joinLines('---', 'actors:', '  - name: Kim', '    Role: Leader', '---', '');
    const [diagnostic] = parse(text).diagnostics;
    assert.equal(diagnostic.fix?.title, "Change 'Role' to 'role'");
    const fixed = applyEdits(
      text,
      diagnostic.fix!.edits.map((e) => ({ range: e.range, newText: e.newText })),
    );
    assert.equal(parse(fixed).entities[0].role, 'Leader');
    assert.deepEqual(parse(fixed).diagnostics, []);
  });

  test('no fix when the key is only similar', () => {
    const [diagnostic] = parse(joinLines('---', 'actors:', '  - name: Kim', '    rol: Leader', '---', '')).diagnostics;
    assert.equal(diagnostic.fix, undefined);
  });

  const removals: [string, string[], string[]][] = [
    ['the later of two in a flow list', ['  - name: Kim', '    aliases: [K, K]'], ['  - name: Kim', '    aliases: [K]']],
    [
      'one used by another entity, first in its list',
      ['  - name: A', '    aliases: [X]', '  - name: B', '    aliases: [X, Y]'],
      ['  - name: A', '    aliases: [X]', '  - name: B', '    aliases: [Y]'],
    ],
    ['a block list item', ['  - name: A', '    aliases:', '      - K', '      - K', '    role: r'], ['  - name: A', '    aliases:', '      - K', '    role: r']],
  ];
  for (const [what, before, after] of removals) {
    test(`removes a duplicate alias: ${what}`, () => {
      const text = joinLines('---', 'actors:', ...before, '---', '');
      const diagnostic = parse(text).diagnostics.find((d) => d.code === 'duplicate-alias')!;
      assert.match(diagnostic.fix!.title, /^Remove the duplicate alias/);
      const fixed = applyEdits(
        text,
        diagnostic.fix!.edits.map((e) => ({ range: e.range, newText: e.newText })),
      );
      assert.equal(fixed, joinLines('---', 'actors:', ...after, '---', ''));
      assert.deepEqual(parse(fixed).diagnostics, []);
    });
  }
});

import * as assert from 'node:assert/strict';
import { completionContext, entityCompletions, keyCompletions, mayShowFor, STRICTLY_FILTERED_COMPLETIONS, tagsOf } from '../../src/core/language/completion';
import { briefing, parse } from './util';

const TEXT = briefing(['title: x', 'ac', 'actors:', '  - name: Kim', '    aliases: [K]', '    ty', '    type: per', '  - na'], 'We met Vl', '- 2023: x #su', 'a#b');

function contextAt(marker: string, after = marker.length) {
  const model = parse(TEXT);
  const offset = TEXT.indexOf(marker) + after;
  return { model, context: completionContext(model, offset), offset };
}

suite('completion', () => {
  test('top-level keys at the start of a front-matter line', () => {
    const { context, offset } = contextAt('\nac\n', 3);
    assert.deepEqual(context, { kind: 'topLevelKey', prefixStart: offset - 2 });
    assert.deepEqual(keyCompletions('topLevelKey'), ['title', 'date', 'classification', 'tlp', 'author', 'tags', 'actors', 'places']);
  });

  test('entry keys inside an entry, also after "- "', () => {
    assert.equal(contextAt('    ty\n', 6).context.kind, 'entryKey');
    assert.equal(contextAt('  - na', 6).context.kind, 'entryKey');
    assert.ok(keyCompletions('entryKey').includes('affiliation'));
  });

  test('type values after type:', () => {
    const { context, offset } = contextAt('type: per');
    assert.deepEqual(context, { kind: 'entityType', prefixStart: offset - 3 });
  });

  test('entity names in the body, from the start of the word', () => {
    const { context, offset } = contextAt('We met Vl');
    assert.deepEqual(context, { kind: 'entity', prefixStart: offset - 2 });
    const model = parse(briefing(['actors:', '  - name: Kim', '    aliases: [K]', 'places: [Minsk]'], ''));
    assert.deepEqual(
      entityCompletions(model).map((item) => [item.label, item.isAlias]),
      [
        ['Kim', false],
        ['K', true],
        ['Minsk', false],
      ],
    );
  });

  test('source labels in a citation being typed: after [S, and after a comma in one', () => {
    const text = 'Said so [S and [S1, S2 and [S1; S';
    const model = parse(text);
    const at = (marker: string) => completionContext(model, text.indexOf(marker) + marker.length);
    assert.deepEqual(at('[S '), { kind: 'entity', prefixStart: text.indexOf('[S ') + 3 }, 'the citation is behind the cursor');
    assert.deepEqual(completionContext(model, text.indexOf('[S') + 2), { kind: 'source', prefixStart: text.indexOf('[S') + 1 });
    assert.deepEqual(at('[S1, S2'), { kind: 'source', prefixStart: text.indexOf('S2') });
    assert.deepEqual(completionContext(model, text.length), { kind: 'source', prefixStart: text.length - 1 });
  });

  test('tags after #, not inside a word', () => {
    assert.equal(contextAt('#su').context.kind, 'tag');
    assert.equal(contextAt('a#b').context.kind, 'entity');
    assert.deepEqual(tagsOf([parse('- 2023: #b #a'), parse('- 2024: #a #c')]), ['a', 'b', 'c']);
  });
});

suite('completion of multi-word names', () => {
  test('the range starts where the typed text begins a name', () => {
    const text = briefing(['actors: [Vladimir Putin, Kim]'], 'We met Vladimir Pu');
    const model = parse(text);
    assert.deepEqual(completionContext(model, text.length), { kind: 'entity', prefixStart: text.lastIndexOf('Vladimir Pu') });
  });

  test('otherwise the range is the current word', () => {
    const text = briefing(['actors: [Vladimir Putin, Kim]'], 'We met Ki');
    assert.deepEqual(completionContext(parse(text), text.length), { kind: 'entity', prefixStart: text.length - 2 });
  });

  suite('a long list of names, filtered by the first letter typed', () => {
    const syllables = ['ka', 'lo', 'mi', 'pu', 'tin', 'vla', 'di', 'ro', 'sa', 'ne', 'qa', 'el'];
    const word = (n: number) => syllables[n % syllables.length] + syllables[(n * 7 + 3) % syllables.length];
    const capital = (text: string) => text[0].toUpperCase() + text.slice(1);
    const names = Array.from({ length: 800 }, (_, i) => `${capital(word(i))} ${capital(word(i * 5 + 1))}${i}`);
    const model = parse(
      briefing(
        ['actors:', ...names.flatMap((name, i) => [`  - name: ${name}`, `    aliases: ["${name.split(' ')[1]}", "al-${word(i + 2)}${i}", "Mc${capital(word(i + 3))}${i}"]`])],
        '',
      ),
    );
    const all = entityCompletions(model);
    /** Where VS Code's strict filter may match a first letter (`fuzzyScore`, `_doScore` in its filters.ts), written apart from ours. */
    const separators = new Set([...'_-./\\\'"`:$<>()[]{} \t']);
    const vscodeMayShow = (label: string, letter: string) =>
      [...label].some((character, at) => {
        if (character.toLowerCase() !== letter) return false;
        const previous = label[at - 1];
        return at === 0 || (character !== character.toLowerCase() && previous === previous.toLowerCase()) || separators.has(character) || separators.has(previous);
      });

    test('more names than VS Code filters gracefully: only those whose words may start with the letter, none that could show left out', () => {
      assert.ok(all.length > STRICTLY_FILTERED_COMPLETIONS, `${all.length} names`);
      for (const typed of ['p', 'Pu', 'q', 'd', 'M', 'x']) {
        const letter = typed[0].toLowerCase();
        const shown = new Set(entityCompletions(model, [], typed).map((item) => item.label));
        const expected = all.filter((item) => vscodeMayShow(item.label, letter));
        for (const item of expected) assert.ok(shown.has(item.label), `${item.label} for ${typed}`);
        assert.ok(shown.size < all.length / 2, `${shown.size} of ${all.length} for ${typed}`);
      }
      assert.equal(entityCompletions(model, [], 'x').length, 0, 'no name has a word in x');
    });

    test('a first letter whose lower case is two units (İ) is compared as VS Code does: by the first unit of the lower-cased text', () => {
      const withTurkish = parse(
        briefing(
          [
            'actors:',
            ...names.flatMap((name, i) => [`  - name: ${name}`, `    aliases: ["${name.split(' ')[1]}", "al-${word(i + 2)}${i}"]`]),
            '  - name: Istanbul Office',
            '  - name: İzmir Office',
          ],
          '',
        ),
      );
      assert.ok(entityCompletions(withTurkish).length > STRICTLY_FILTERED_COMPLETIONS);
      const many = entityCompletions(withTurkish, [], 'İs', true);
      // 'İs' lower-cased is 'i̇s': VS Code's filter looks for its first unit, 'i'.
      const labels = many.map((item) => item.label);
      assert.ok(labels.includes('Istanbul Office'), 'Istanbul for İs');
      assert.ok(labels.includes('İzmir Office'), 'İzmir for İs');
    });

    test('nothing typed, a first letter allowed anywhere (matchOnWordStartOnly off), or a short list: every name', () => {
      assert.equal(entityCompletions(model, [], '').length, all.length);
      assert.equal(entityCompletions(model, [], 'u', false).length, all.length);
      const small = parse(briefing(['actors: [Vladimir Putin, Kim Jong Un]'], ''));
      assert.equal(entityCompletions(small, [], 'x').length, 2);
    });

    test('the places a first letter may match', () => {
      assert.ok(mayShowFor('Vladimir Putin', 'p'));
      assert.ok(mayShowFor('Vladimir Putin', 'v'));
      assert.ok(!mayShowFor('Vladimir Putin', 'u'));
      assert.ok(mayShowFor('al-Qaeda', 'q'));
      assert.ok(mayShowFor("O'Brien", 'b'));
      assert.ok(mayShowFor('McDonald', 'd'), 'an upper-case letter inside a word');
      assert.ok(!mayShowFor('McDonald', 'n'));
      assert.ok(mayShowFor('İstanbul', 'x'), 'a letter whose lower case is longer: kept');
    });
  });
});

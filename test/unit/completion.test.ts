import * as assert from 'node:assert/strict';
import { completionContext, entityCompletions, keyCompletions, tagsOf } from '../../src/core/language/completion';
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
});

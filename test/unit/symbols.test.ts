import * as assert from 'node:assert/strict';
import { documentSymbols, type BriefingSymbol } from '../../src/core/language/symbols';
import { briefing, parse } from './util';

const outline = (symbols: BriefingSymbol[], depth = 0): string[] =>
  symbols.flatMap((symbol) => [`${'  '.repeat(depth)}${symbol.kind}: ${symbol.name}`, ...outline(symbol.children, depth + 1)]);

suite('document symbols', () => {
  test('front matter with its entities, sections as a hierarchy, events under their sections', () => {
    const model = parse(
      briefing(['title: T', 'actors: [Kim]', 'places: [Minsk]'], '- 2020: before any heading', '# A', '- 2023-11-13: Kim arrives', '## A.1', '- ~2023-11: later', '# B'),
    );
    assert.deepEqual(outline(documentSymbols(model)), [
      'frontMatter: T',
      '  actor: Kim',
      '  place: Minsk',
      'event: 2020 before any heading',
      'section: A',
      '  event: 2023-11-13 Kim arrives',
      '  section: A.1',
      '    event: ~2023-11 later',
      'section: B',
    ]);
  });

  test('a briefing with more events, or more actors and places, than the outline lists has its sections without them', () => {
    const model = parse(briefing(['actors: [Kim, Putin]', 'places: [Minsk]'], '# A', '- 2023-11-13: Kim arrives', '- 2023-11-14: Putin leaves', '## A.1', '- 2023-11-15: later'));
    assert.deepEqual(outline(documentSymbols(model, 3)), [
      'frontMatter: Front matter',
      '  actor: Kim',
      '  actor: Putin',
      '  place: Minsk',
      'section: A',
      '  event: 2023-11-13 Kim arrives',
      '  event: 2023-11-14 Putin leaves',
      '  section: A.1',
      '    event: 2023-11-15 later',
    ]);
    assert.deepEqual(outline(documentSymbols(model, 2)), ['frontMatter: Front matter', 'section: A', '  section: A.1']);
  });
});

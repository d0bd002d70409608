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
});

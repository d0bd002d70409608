import * as assert from 'node:assert/strict';
import { clearParseCaches, LineIndex, parseBriefing, parseRegistry } from '../../src/core';
import { DiagnosticSink } from '../../src/core/model/diagnosticSink';
import { readFrontMatter } from '../../src/core/yaml/frontMatter';
import { readYamlMapping, type ParsedPieces } from '../../src/core/yaml/yamlMapping';
import { cutTopLevel } from '../../src/core/yaml/yamlPieces';
import { briefing, joinLines } from './util';

const CAST = joinLines(
  'title: Summit',
  '# the cast',
  'actors:',
  '  # most named first',
  '  - name: Kim Jong Un',
  '    aliases: [Kim]',
  '  - name: Vladimir Putin',
  '    aliases:',
  '      - Putin',
  'places:',
  '- name: Vladivostok',
  '- Moscow',
  'tags: [summit]',
  '',
);

function read(yamlText: string, reuse: { previous?: ParsedPieces; keep?: ParsedPieces } = {}) {
  const lines = new LineIndex(yamlText);
  const sink = new DiagnosticSink(lines);
  const mapping = readYamlMapping(yamlText, { sink, lines, base: 0, source: undefined }, reuse);
  return { mapping, diagnostics: sink.sorted() };
}

suite('YAML read in pieces', () => {
  test('cuts each top-level key apart, and each item of a block list of actors or places', () => {
    const pieces = cutTopLevel(CAST)!;
    assert.deepEqual(
      pieces.map((piece) => [piece.head.text, piece.items?.map((item) => item.text)]),
      [
        ['title: Summit\n# the cast\n', undefined],
        ['actors:\n  # most named first\n', ['  - name: Kim Jong Un\n    aliases: [Kim]\n', '  - name: Vladimir Putin\n    aliases:\n      - Putin\n']],
        ['places:\n', ['- name: Vladivostok\n', '- Moscow\n']],
        ['tags: [summit]\n', undefined],
      ],
    );
    // The pieces cover the text whole, each at its offset.
    for (const piece of pieces.flatMap((p) => [p.head, ...(p.items ?? [])])) assert.equal(CAST.slice(piece.offset, piece.offset + piece.text.length), piece.text);
  });

  test('does not cut what is not written plainly: indented first key, lone CR, byte order mark, nothing', () => {
    assert.equal(cutTopLevel('  title: x\n'), undefined);
    assert.equal(cutTopLevel('title: x\rdate: y\n'), undefined);
    assert.equal(cutTopLevel('\uFEFFtitle: x\n'), undefined);
    assert.equal(cutTopLevel('# only a comment\n'), undefined);
    assert.equal(cutTopLevel(''), undefined);
  });

  test('a plain front matter is read in pieces, with node ranges in the whole text', () => {
    const { mapping, diagnostics } = read(CAST);
    assert.equal(mapping.inPieces, true);
    assert.deepEqual(diagnostics, []);
    const places = mapping.pairs!.find((pair) => String((pair.key.node as { value: unknown }).value) === 'places')!;
    const moscow = places.items![1];
    const range = (moscow.node as { range: number[] }).range;
    assert.equal(CAST.slice(moscow.scope.base + range[0], moscow.scope.base + range[1]).trim(), 'Moscow');
    assert.deepEqual(places.listSpan, [CAST.indexOf('- name: Vladivostok'), CAST.indexOf('tags:')]);
  });

  test('read whole when a piece is not what it should be: two items in one, a repeated key, a YAML error', () => {
    const tabAfterDash = joinLines('actors:', '  - name: A', '  -\tname: B', '');
    assert.equal(read(tabAfterDash).mapping.inPieces, false);
    assert.equal((read(tabAfterDash).mapping.pairs![0].value.node as { items: unknown[] }).items.length, 2);
    const repeated = read(joinLines('title: A', 'title: B', ''));
    assert.equal(repeated.mapping.inPieces, false);
    assert.deepEqual(
      repeated.diagnostics.map((d) => [d.code, d.range.start.line]),
      [['yaml-duplicate-key', 1]],
    );
    const broken = read(joinLines('actors:', '  - name: A', '  - name: [B', '  - name: C', ''));
    assert.equal(broken.mapping.inPieces, false);
    assert.ok(broken.diagnostics.some((d) => d.code === 'yaml-unclosed-bracket'));
  });

  test('a list with an empty item is read whole: where yaml ends the list then depends on the lines before it', () => {
    // Found by the property test: read alone, the last piece's list ended two characters earlier.
    const text = joinLines('actors:', '  - name: Kim Jong Un', '  # a comment between items', '  -', '', '');
    assert.equal(read(text).mapping.inPieces, false);
    const front = (whole: boolean) => {
      clearParseCaches();
      const document = `---\n${text}---\n`;
      const lines = new LineIndex(document);
      return readFrontMatter(document, lines, new DiagnosticSink(lines), { whole }).front.frontMatter!.lists;
    };
    assert.deepEqual(front(false), front(true));
  });

  test('a key that does not start its line is read whole: the mapping takes its indentation', () => {
    // Found by the property test: alone, the first piece is a clean mapping of one key (anchored
    // `"two`, the key indented below it); whole, the key at column 0 after it is an error.
    const text = joinLines('&"two', '  lines"actors:', 'title: Summit', '');
    assert.equal(read(text).mapping.inPieces, false);
    assert.ok(read(text).diagnostics.some((d) => d.code === 'yaml-error'));
    const commentsFirst = joinLines('# notes', '', 'title: Summit', 'date: 2023-11-13', '');
    assert.equal(read(commentsFirst).mapping.inPieces, true, 'leading comments still join the first piece');
  });

  test('an edit re-parses only the pieces whose text changed', () => {
    const first: ParsedPieces = new Map();
    read(CAST, { keep: first });
    const edited = CAST.replace('aliases: [Kim]', 'aliases: [Kim, Marshal Kim]');
    const second: ParsedPieces = new Map();
    read(edited, { previous: first, keep: second });
    const reused = [...second].filter(([text, document]) => first.get(text) === document);
    const reparsed = [...second].filter(([text]) => !first.has(text));
    assert.deepEqual(
      reparsed.map(([text]) => text),
      ['  - name: Kim Jong Un\n    aliases: [Kim, Marshal Kim]\n'],
    );
    assert.equal(reused.length, second.size - 1);
  });

  test('parseBriefing: a front matter edited in the editor reads the same as from scratch', () => {
    const text = briefing(CAST.trimEnd().split('\n'), 'Kim met Putin in Vladivostok.');
    clearParseCaches();
    const before = parseBriefing(text, { incremental: true });
    const edited = text.replace('Vladimir Putin', 'Vladimir V. Putin');
    const model = parseBriefing(edited, { incremental: true, previous: before });
    clearParseCaches();
    const fresh = parseBriefing(edited);
    assert.deepEqual(
      model.entities.map((e) => [e.name, e.definition]),
      fresh.entities.map((e) => [e.name, e.definition]),
    );
    assert.deepEqual(model.diagnostics, fresh.diagnostics);
  });

  test('registries are read in pieces too, and report the same problems', () => {
    const text = joinLines('actors:', '  - name: A', '    aliases: [X]', '  - name: B', '    aliases: [X]', '  - role: none', 'people: []', '');
    assert.deepEqual(parseRegistry(text, 'r.entities.yaml'), parseRegistry(text, 'r.entities.yaml', { whole: true }));
  });

  test('readFrontMatter keeps the pieces only when asked, and hands on the previous ones for an unchanged front matter', () => {
    const text = briefing(CAST.trimEnd().split('\n'), 'Body');
    const lines = new LineIndex(text);
    clearParseCaches();
    assert.equal(readFrontMatter(text, lines, new DiagnosticSink(lines)).pieces, undefined);
    // The same front matter, now from the cache, read without keeping its pieces: the previous ones serve.
    const previous: ParsedPieces = new Map([['x', undefined as never]]);
    assert.equal(readFrontMatter(text, lines, new DiagnosticSink(lines), { keepPieces: true, previousPieces: previous }).pieces, previous);
    clearParseCaches();
    const kept = readFrontMatter(text, lines, new DiagnosticSink(lines), { keepPieces: true }).pieces!;
    assert.equal(kept.size, 8); // four keys, four list items
    assert.equal(readFrontMatter(text, lines, new DiagnosticSink(lines), { keepPieces: true }).pieces, kept);
  });

  test('the cache keeps the pieces of the four newest front matters only (open documents keep theirs with their models)', () => {
    clearParseCaches();
    const texts = [1, 2, 3, 4, 5].map((n) => briefing([`title: Briefing ${n}`, 'actors:', '  - name: Kim'], 'Body'));
    const readKept = (text: string) => {
      const lines = new LineIndex(text);
      return readFrontMatter(text, lines, new DiagnosticSink(lines), { keepPieces: true }).pieces;
    };
    texts.forEach(readKept);
    // Read again, now from the cache: the oldest has forgotten its pieces, the newest has them.
    assert.equal(readKept(texts[0]), undefined);
    assert.equal(readKept(texts[4])?.size, 3);
  });
});

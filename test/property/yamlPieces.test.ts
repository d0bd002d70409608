import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { clearParseCaches, LineIndex, parseBriefing, parseRegistry } from '../../src/core';
import { DiagnosticSink } from '../../src/core/model/diagnosticSink';
import { readFrontMatter, type FrontMatterOptions } from '../../src/core/yaml/frontMatter';
import { readYamlMapping } from '../../src/core/yaml/yamlMapping';
import { anyBriefingText, scaledTimeout } from './generators';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);

/** Top-level lines written plainly, then lines that decide whether pieces may be read apart. */
const PLAIN_TOP_LEVEL = [
  'title: Summit in Vladivostok',
  'date: 2023-11-13',
  'classification: SECRET',
  'tags: [arms, summit]',
  'author:\n  A. Analyst',
  'notes: |\n  A block\n  - that looks like an item\n',
  '# a comment',
  '',
  'extra:\n  nested: [1, 2]\n  more: {a: b}',
];
const TRICKY_TOP_LEVEL = [
  'tags:\n  - arms\n  - summit',
  'folded: >\n  text\n\n  more',
  '   ',
  'actors: [Kim, Putin]',
  'places: Vladivostok',
  'title: "two\n  lines"',
  "title: 'one\n- two'",
  'anchor: &a shared',
  'alias: *a',
  '? complex',
  '- stray',
  '--- x',
  '\tindented by a tab',
  '%YAML 1.2',
  'title: x',
  'title: "open',
  'list: [a,\n  b]',
  'key:value',
  '1: number key',
  '~: null key',
  'title',
  ']',
  'actors:',
  'places: # none',
];
const PLAIN_ITEMS = [
  '  - name: Kim Jong Un\n    aliases: [Kim, North Korean leader]\n    type: person',
  '  - name: Vladimir Putin\n    aliases:\n      - Putin\n    role: President',
  '  - Plain Name',
  '  - name: Vladivostok\n    country: Russia\n    summary: >\n      Port\n      city',
  '  # a comment between items',
  '  - name: Unicode Ким\n    aliases: [Ким, 金]',
  '  - name: Multi\n    summary: plain\n      continued',
  '  - {name: Flow, aliases: [F]}',
  '  - name: Kim\n    aliases: [Kim]',
  '  - name: Typo\n    Aliases: [x]',
  '  - name: Links\n    links: [https://example.org/, ftp://x]',
  '',
];
const TRICKY_ITEMS = [
  '  -',
  '   - name: Odd Indent',
  '  - name: Open\n    aliases: [a,\n  - b]',
  '  - name: Quote\n    summary: "x\n  - y"',
  '  - name: &n Anchored',
  '  - name: Uses\n    role: *n',
  '  - name: A\n    name: B',
  '  - name: Tab\n\taliases: [t]',
  '    - name: Deeper',
  '- name: Flush Left',
  '  - name: Block\n    summary: |\n  - less indented',
  '  -\tname: tab after dash',
  'stray: key',
];

const listSection = fc
  .tuple(
    fc.constantFrom('actors:', 'places:', 'actors: # the cast', 'places:\t'),
    fc.array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...PLAIN_ITEMS) }, { weight: 1, arbitrary: fc.constantFrom(...TRICKY_ITEMS) }), { maxLength: 8 }),
  )
  .map(([key, items]) => [key, ...items].join('\n'));
const topLevelSection = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PLAIN_TOP_LEVEL) }, { weight: 1, arbitrary: fc.constantFrom(...TRICKY_TOP_LEVEL) });

/** A front matter's YAML: sections of fields and lists, mostly plain, sometimes not, with LF or CRLF. */
const frontMatterText = fc
  .tuple(fc.array(fc.oneof({ weight: 2, arbitrary: topLevelSection }, { weight: 2, arbitrary: listSection }), { maxLength: 6 }), fc.constantFrom('\n', '\r\n'))
  .map(([sections, eol]) => sections.join('\n').replace(/\n/g, eol) + eol);
const ITEMS = [...PLAIN_ITEMS, ...TRICKY_ITEMS];
const TOP_LEVEL = [...PLAIN_TOP_LEVEL, ...TRICKY_TOP_LEVEL];

function readFront(text: string, options: FrontMatterOptions) {
  clearParseCaches();
  const lines = new LineIndex(text);
  const sink = new DiagnosticSink(lines);
  const { front, pieces } = readFrontMatter(text, lines, sink, options);
  return { read: { front, diagnostics: sink.sorted() }, pieces };
}

/** Whether the YAML text is read in pieces (rather than whole). */
function readsInPieces(yamlText: string): boolean {
  const lines = new LineIndex(yamlText);
  return readYamlMapping(yamlText, { sink: new DiagnosticSink(lines), lines, base: 0, source: undefined }).inPieces;
}

suite('YAML read in pieces (fast-check)', function () {
  this.timeout(scaledTimeout(120_000));

  test('a front matter read in pieces gives what reading it whole gives: fields, entities, ranges, diagnostics', () => {
    let inPieces = 0;
    fc.assert(
      fc.property(frontMatterText, fc.string({ maxLength: 40 }), (yamlText, body) => {
        const text = `---\n${yamlText}---\n${body}`;
        if (readsInPieces(yamlText)) inPieces++;
        assert.deepEqual(readFront(text, {}).read, readFront(text, { whole: true }).read);
      }),
      { numRuns: RUNS },
    );
    // Not a test that cannot fail: a good share of the cases must take the path under test.
    assert.ok(inPieces > RUNS / 10, `only ${inPieces} of ${RUNS} front matters were read in pieces`);
  });

  test('any briefing text (random, mutated seeds): the same either way', () => {
    fc.assert(
      fc.property(anyBriefingText, (text) => {
        assert.deepEqual(readFront(text, {}).read, readFront(text, { whole: true }).read);
      }),
      { numRuns: RUNS },
    );
  });

  test('a registry read in pieces gives what reading it whole gives', () => {
    fc.assert(
      fc.property(frontMatterText, (text) => {
        assert.deepEqual(parseRegistry(text, 'entities.yaml'), parseRegistry(text, 'entities.yaml', { whole: true }));
      }),
      { numRuns: RUNS },
    );
  });

  test('after any chain of edits, pieces reused from the previous version give what a whole read gives', () => {
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      removed: fc.nat(12),
      inserted: fc.oneof(fc.constantFrom(...ITEMS, ...TOP_LEVEL), fc.string({ maxLength: 6 })),
    });
    fc.assert(
      fc.property(frontMatterText, fc.array(edit, { minLength: 1, maxLength: 5 }), (start, edits) => {
        let yamlText = start;
        let previous = readFront(`---\n${yamlText}---\n`, { keepPieces: true }).pieces;
        for (const change of edits) {
          const at = Math.floor(change.at * yamlText.length);
          yamlText = yamlText.slice(0, at) + change.inserted + yamlText.slice(at + change.removed);
          const text = `---\n${yamlText}---\nbody`;
          const reused = readFront(text, { previousPieces: previous, keepPieces: true });
          assert.deepEqual(reused.read, readFront(text, { whole: true }).read);
          previous = reused.pieces;
        }
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  test('the editor path: a document whose front matter is edited parses as from scratch', () => {
    fc.assert(
      fc.property(frontMatterText, fc.array(fc.constantFrom(...ITEMS), { minLength: 1, maxLength: 3 }), fc.nat(), (start, added, where) => {
        const body = 'Kim met Putin in Vladivostok. Plain Name too.\n- 2023-11-13: Kim Jong Un arrives\n';
        let model = parseBriefing(`---\n${start}---\n${body}`, { incremental: true });
        let yamlText = start;
        for (const item of added) {
          const lines = yamlText.split('\n');
          lines.splice(where % (lines.length + 1), 0, item);
          yamlText = lines.join('\n');
          const text = `---\n${yamlText}---\n${body}`;
          model = parseBriefing(text, { incremental: true, previous: model });
          clearParseCaches();
          const fresh = parseBriefing(text);
          assert.deepEqual(
            model.entities.map((e) => [e.id, e.aliases, e.definition, e.mentions.map((m) => m.range)]),
            fresh.entities.map((e) => [e.id, e.aliases, e.definition, e.mentions.map((m) => m.range)]),
          );
          assert.deepEqual(model.diagnostics, fresh.diagnostics);
        }
      }),
      { numRuns: Math.ceil(RUNS / 5) },
    );
  });
});

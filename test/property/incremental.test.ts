import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseBriefing, type Briefing } from '../../src/core';
import { RECORD_MIN_LENGTH } from '../../src/core/parse/incremental';
import { scaledTimeout, seedTexts } from './generators';

const RUNS = Math.ceil(Number(process.env.FUZZ_RUNS ?? 1500) / 5);

/** A seed's body repeated until the document is long enough to be re-matched incrementally. */
function longDocument(seed: string): string {
  const bodyStart = seed.indexOf('\n---', 3) + 4;
  const head = seed.slice(0, bodyStart);
  const body = seed.slice(bodyStart);
  const copies = Math.ceil(RECORD_MIN_LENGTH / Math.max(1, body.length)) + 1;
  return head + body.repeat(copies);
}

/**
 * Among them, edits that open or close what changes how everything after it is read: a fence,
 * an HTML block, a comment, a reference definition (which makes links of `[text][label]` far away).
 */
const FRAGMENTS = [
  '',
  '\n',
  '\r\n',
  '`',
  '```',
  '```\n',
  '~~~\n',
  '\n```\n',
  '- ```\n',
  '> ```\n',
  'Kim Jong Un',
  'Kim',
  ' Putin ',
  'Vladivostok',
  'http://x.org/',
  '](',
  '[S1]',
  '- 2023-11-13: ',
  '#tag',
  '\n\n',
  'é',
  '😀',
  '---\n',
  'actors: [Kim]\n',
  '\n<!--\n',
  '<!-- ',
  ' -->',
  '-->\n',
  '\n<div>\n',
  '\n<pre>\n',
  '</pre>\n',
  '\n[Kim]: /url\n',
  '\n[S1]: https://x.org "Putin"\n',
  '[Putin][Kim]',
  '    ',
  '\n> ',
];

/** An edit: replace `[at, at + removed)` with `inserted`. */
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  removed: fc.nat(40),
  inserted: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 })),
});

function apply(text: string, change: { at: number; removed: number; inserted: string }): string {
  const at = Math.floor(change.at * text.length);
  return text.slice(0, at) + change.inserted + text.slice(Math.min(text.length, at + change.removed));
}

/** What a model says about mentions and events, to compare two parses of the same text. */
function summary(model: Briefing): unknown {
  return {
    mentions: model.mentions.map((m) => `${m.entity.id}@${m.range.startOffset}-${m.range.endOffset}:${m.range.start.line}:${m.range.start.character}`),
    entities: model.entities.map((e) => `${e.id}×${e.mentions.length}`),
    events: model.events.map((e) => `${e.range.startOffset}:${e.start.text}:${e.actors.join('+')}:${e.places.join('+')}:${e.tags.join('+')}:${e.text}`),
    diagnostics: model.diagnostics.map((d) => `${d.code}@${d.range.startOffset}`),
    sections: model.sections.map((s) => `${s.title}@${s.headingRange.startOffset}-${s.range.endOffset}`),
    sources: model.sources.map((s) => `${s.id}@${s.range.startOffset}:${s.text}`),
    citations: model.citations.map((c) => `${c.id}@${c.range.startOffset}`),
  };
}

/**
 * Applies each edit in turn, parsing every version with the previous model at hand, and checks that
 * each parse equals a parse from scratch. An edit that does not apply returns the text unchanged.
 */
function assertParsesAsFromScratch<E>(start: string, edits: readonly E[], applyEdit: (text: string, change: E) => string): void {
  let text = start;
  let previous = parseBriefing(text, { incremental: true });
  for (const change of edits) {
    text = applyEdit(text, change);
    const incremental = parseBriefing(text, { incremental: true, previous });
    assert.deepEqual(summary(incremental), summary(parseBriefing(text)));
    previous = incremental;
  }
}

suite('incremental re-parse (fast-check)', function () {
  this.timeout(scaledTimeout(120_000));
  const long = seedTexts()
    .filter((seed) => seed.startsWith('---'))
    .map(longDocument);

  test('after any chain of edits, a parse from the previous model equals a parse from scratch', () => {
    fc.assert(
      fc.property(fc.constantFrom(...long), fc.array(edit, { minLength: 1, maxLength: 4 }), (start, edits) => assertParsesAsFromScratch(start, edits, apply)),
      { numRuns: RUNS },
    );
  });

  test('after any chain of edits in the front matter, a parse from the previous model equals a parse from scratch', () => {
    // Edits that keep every name and alias (the previous matches are reused) and edits that change them.
    const inFrontMatter = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      removed: fc.nat(6),
      inserted: fc.constantFrom('x', ' ', '\n', '# note\n', 'Kim', ' Jong', '\n    role: Envoy', '\n  - name: Newman\n    aliases: [Kim, Putin]', '\nsummary: s', ', Putin', ''),
    });
    fc.assert(
      fc.property(fc.constantFrom(...long), fc.array(inFrontMatter, { minLength: 1, maxLength: 4 }), (start, edits) =>
        assertParsesAsFromScratch(start, edits, (text, change) => {
          const closing = text.indexOf('\n---', 3);
          if (closing < 0) return text;
          const at = 4 + Math.floor(change.at * (closing - 4));
          return text.slice(0, at) + change.inserted + text.slice(Math.min(closing, at + change.removed));
        }),
      ),
      { numRuns: RUNS },
    );
  });

  test('after edits of names and aliases (renamed, shortened, taken from another entity, added), the same as from scratch', () => {
    // Lands on the terms themselves, which random edits of a front matter rarely do: inside a name or
    // an alias list, a new first alias, or a new name, with words the body uses.
    const words = ['Kim', 'Putin', 'Russia', 'North Korea', 'Kim Jong Un', 'Moscow', 'Vladivostok', 'military', 'meeting', 'weapons', 'talks', 'x', ''];
    const termEdit = fc.record({
      kind: fc.constantFrom('inside', 'new alias', 'new name'),
      which: fc.nat(),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      removed: fc.nat(4),
      word: fc.constantFrom(...words),
    });
    fc.assert(
      fc.property(fc.constantFrom(...long), fc.array(termEdit, { minLength: 1, maxLength: 4 }), (start, edits) =>
        assertParsesAsFromScratch(start, edits, (text, change) => {
          const closing = text.indexOf('\n---', 3);
          const pattern = change.kind === 'new alias' ? /aliases: \[()/g : change.kind === 'new name' ? /name: ([^\n]*)/g : /(?:name|aliases): ([^\n]*)/g;
          const found = [...text.slice(0, closing).matchAll(pattern)];
          if (found.length === 0) return text;
          const term = found[change.which % found.length];
          const valueStart = term.index! + term[0].length - term[1].length;
          const valueEnd = valueStart + term[1].length;
          if (change.kind === 'new alias') return `${text.slice(0, valueStart)}${change.word}, ${text.slice(valueStart)}`;
          if (change.kind === 'new name') return `${text.slice(0, valueStart)}${change.word || 'Nobody'}${text.slice(valueEnd)}`;
          const at = valueStart + Math.floor(change.at * term[1].length);
          return text.slice(0, at) + change.word + text.slice(Math.min(valueEnd, at + change.removed));
        }),
      ),
      { numRuns: RUNS },
    );
  });

  test('an edit in the middle of a long document re-uses the matches around it', () => {
    const text = long[0];
    const previous = parseBriefing(text, { incremental: true });
    const middle = text.indexOf('\n', text.length / 2) + 1;
    const edited = `${text.slice(0, middle)}Kim Jong Un and Putin.\n${text.slice(middle)}`;
    const model = parseBriefing(edited, { incremental: true, previous });
    assert.deepEqual(summary(model), summary(parseBriefing(edited)));
    assert.ok(model.mentions.length > previous.mentions.length, 'the new mentions are found');
  });
});

import * as assert from 'node:assert/strict';
import { encodeSemanticTokens, semanticTokensEdit, TOKEN_MODIFIERS, TOKEN_TYPES } from '../../src/core/language/semanticTokens';
import { decodeTokens } from '../shared/decodeTokens';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { briefing, parse, repoRoot } from './util';

/** Decodes VS Code's relative encoding back to absolute tokens. */
const decode = (data: Uint32Array) => decodeTokens(data, TOKEN_TYPES, TOKEN_MODIFIERS);

const FRONT = [
  'actors:',
  '  - name: "Kim Jong Un"',
  '    aliases: [Kim]',
  '    type: person',
  '  - name: Russia',
  '    type: state',
  '  - name: Wagner',
  '    type: organization',
  'places:',
  '  - name: Vladivostok',
];

suite('semantic tokens', () => {
  test('declarations (without quotes) then mentions, with types and modifiers', () => {
    const model = parse(briefing(FRONT, 'Kim Jong Un and Kim in Vladivostok; Russia, Wagner.'));
    assert.deepEqual(decode(encodeSemanticTokens(model)), [
      { line: 2, start: 11, length: 11, type: 'actor', modifiers: ['declaration', 'person'] },
      { line: 5, start: 10, length: 6, type: 'actor', modifiers: ['declaration', 'state'] },
      { line: 7, start: 10, length: 6, type: 'actor', modifiers: ['declaration', 'organization'] },
      { line: 10, start: 10, length: 11, type: 'place', modifiers: ['declaration'] },
      { line: 12, start: 0, length: 11, type: 'actor', modifiers: ['person'] },
      { line: 12, start: 16, length: 3, type: 'actor', modifiers: ['person'] },
      { line: 12, start: 23, length: 11, type: 'place', modifiers: [] },
      { line: 12, start: 36, length: 6, type: 'actor', modifiers: ['state'] },
      { line: 12, start: 44, length: 6, type: 'actor', modifiers: ['organization'] },
    ]);
  });

  test('the encoding is relative: delta line, then delta start on the same line', () => {
    const model = parse(briefing(['actors: [A, B]'], 'A B', '', '  B'));
    assert.deepEqual([...encodeSemanticTokens(model)], [1, 9, 1, 0, 1, 0, 3, 1, 0, 1, 2, 0, 1, 0, 0, 0, 2, 1, 0, 0, 2, 2, 1, 0, 0]);
  });

  test('Unicode names: lengths and columns in UTF-16 code units', () => {
    const model = parse(briefing(['actors: [金正恩, "𝐀lpha"]'], '𝐀lpha met 金正恩'));
    const body = decode(encodeSemanticTokens(model)).filter((t) => !t.modifiers.includes('declaration'));
    assert.deepEqual(
      body.map((t) => [t.start, t.length]),
      [
        [0, 6],
        [11, 3],
      ],
    );
  });

  test('CRLF documents encode as LF ones do', () => {
    const lf = briefing(FRONT, 'Kim and', 'Russia');
    assert.deepEqual(encodeSemanticTokens(parse(lf.replace(/\n/g, '\r\n'))), encodeSemanticTokens(parse(lf)));
  });

  test('code spans and overlaps yield no tokens', () => {
    const model = parse(briefing(['actors: [Kim, Kim Jong Un]'], '`Kim` Kim Jong Un'));
    const body = decode(encodeSemanticTokens(model)).filter((t) => !t.modifiers.includes('declaration'));
    assert.deepEqual(
      body.map((t) => [t.start, t.length]),
      [[6, 11]],
    );
  });

  test('range tokens: only the requested lines, still relative to the document start', () => {
    const model = parse(briefing(FRONT, 'Kim', 'Russia', 'Wagner', 'Vladivostok'));
    const ranged = decode(encodeSemanticTokens(model, { startLine: 13, endLine: 14 }));
    assert.deepEqual(
      ranged.map((t) => [t.line, t.start, t.length]),
      [
        [13, 0, 6],
        [14, 0, 6],
      ],
    );
    assert.deepEqual(decode(encodeSemanticTokens(model, { startLine: 0, endLine: 1 })), []);
  });

  test('the sample: every mention becomes a token', () => {
    const model = parse(fs.readFileSync(path.join(repoRoot, 'samples/vladivostok-summit.briefing'), 'utf8'));
    const tokens = decode(encodeSemanticTokens(model));
    assert.equal(tokens.length, model.mentions.length + model.entities.length);
    const putin = tokens.find((t) => t.line === 13 && t.type === 'actor');
    assert.deepEqual(putin, { line: 13, start: 10, length: 14, type: 'actor', modifiers: ['declaration', 'person'] });
  });

  test('edits: one edit keeping the common prefix and suffix', () => {
    const previous = Uint32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.equal(semanticTokensEdit(previous, previous.slice()), undefined);
    assert.deepEqual(semanticTokensEdit(previous, Uint32Array.from([1, 2, 3, 4, 5, 0, 0, 0, 0, 0, 6, 7, 8, 9, 10])), {
      start: 5,
      deleteCount: 0,
      data: Uint32Array.from([0, 0, 0, 0, 0]),
    });
    assert.deepEqual(semanticTokensEdit(previous, Uint32Array.from([1, 2, 3, 4, 5])), { start: 5, deleteCount: 5, data: Uint32Array.from([]) });
    assert.deepEqual(semanticTokensEdit(previous, Uint32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 1, 10])), { start: 8, deleteCount: 1, data: Uint32Array.from([1]) });
  });

  test('applying the edit to the previous tokens gives the next ones', () => {
    const before = encodeSemanticTokens(parse(briefing(FRONT, 'Kim', 'Russia and Wagner')));
    const after = encodeSemanticTokens(parse(briefing(FRONT, 'Kim', 'Russia, Vladivostok and Wagner')));
    const edit = semanticTokensEdit(before, after)!;
    const applied = [...before.subarray(0, edit.start), ...edit.data, ...before.subarray(edit.start + edit.deleteCount)];
    assert.deepEqual(applied, [...after]);
  });
});

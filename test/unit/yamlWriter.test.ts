import * as assert from 'node:assert/strict';
import { Document, parseDocument, stringify } from 'yaml';
import { parseBriefing, parseRegistry } from '../../src/core';
import { joinLines } from './util';

// The bundles leave out the parts of the yaml package that reading never reaches: its writer, its
// builder, its conversion to JavaScript values (scripts/lib/yamlReaderOnly.js). These tests run
// on the same build: YAML of every kind must read without reaching them.
// A throw inside the parser is an "internal-error" diagnostic; inside a registry's YAML, a "yaml-error" that quotes it.
const internalErrors = (diagnostics: readonly { code: string; message: string }[]) =>
  diagnostics.filter((diagnostic) => diagnostic.code === 'internal-error' || /not part of this build/.test(diagnostic.message)).map((diagnostic) => diagnostic.message);

suite('the yaml package, reader only', () => {
  test('this build has no writer, builder, editor or conversion to JavaScript: it fails rather than do them', () => {
    assert.throws(() => stringify({ a: 1 }), /is not a function|not part of this build/);
    assert.throws(() => new Document({ a: 1 }), /is not a function|not part of this build/);
    assert.throws(() => parseDocument('a: 1', { schema: 'json' }), /not part of this build/);
    assert.throws(() => parseDocument('a: 1', { customTags: ['binary'] }), /not part of this build/);
    const document = parseDocument('a: &x 1\nb: *x', { prettyErrors: false }) as unknown as Record<string, unknown>;
    for (const method of ['toJS', 'toJSON', 'get', 'getIn', 'set', 'setIn', 'clone', 'createNode']) assert.equal(document[method], undefined, method);
    assert.equal(String(document), '[object Object]', 'no YAML written');
  });

  test('a front matter with anchors, aliases, merge keys, complex keys, tags, flow and block scalars reads without it', () => {
    const text = joinLines(
      '---',
      'title: &title "Kim Jong Un\'s trip"',
      'date: 2023-11-13',
      'subtitle: *title',
      'defaults: &defaults {type: person, affiliation: North Korea}',
      'extra: {<<: *defaults, ? [a, b] : c, ? {d: e} : f}',
      'binary: !!binary aGVsbG8=',
      'set: !!set {a, b}',
      'odd: !custom tagged',
      'numbers: [0x1F, 0o17, 1e3, .inf, -.nan, 12_000]',
      'tags: [summit, "quoted", \'single\']',
      'actors:',
      '  - name: Kim Jong Un',
      '    aliases: [Kim, *title]',
      '    summary: |-',
      '      First trip abroad',
      '      since the pandemic.',
      '    role: >',
      '      Supreme',
      '      Leader',
      '    ? complex key',
      '    : value',
      '  - <<: *defaults',
      '    name: Pak',
      '  - {name: Vladimir Putin, aliases: [Putin], ? [x] : y}',
      'places:',
      '  - name: Vladivostok',
      '    links: [https://example.org]',
      '---',
      'Kim Jong Un met Putin in Vladivostok.',
      '- 2023-11-13: Kim arrives. #summit',
    );
    const model = parseBriefing(text);
    assert.deepEqual(internalErrors(model.diagnostics), []);
    assert.deepEqual(
      model.entities.map((entity) => entity.name),
      ['Kim Jong Un', 'Pak', 'Vladimir Putin', 'Vladivostok'],
    );
    assert.deepEqual(
      model.mentions.map((mention) => mention.text),
      ['Kim Jong Un', 'Putin', 'Vladivostok', 'Kim'],
    );
  });

  test('a YAML 1.1 registry (sets, ordered maps, pairs, timestamps, sexagesimal numbers, yes/no) reads without it', () => {
    const text = joinLines(
      '%YAML 1.1',
      '---',
      'base: &base {type: state}',
      'when: 2001-12-14t21:59:43.10-05:00',
      'flags: [yes, no, on, off, 0777, 1:20, 0b101]',
      'set: !!set {a, b}',
      'omap: !!omap [{a: 1}, {b: 2}]',
      'pairs: !!pairs [{a: 1}, {a: 2}]',
      'actors:',
      '  - <<: *base',
      '    name: North Korea',
      '    aliases: [DPRK]',
      'places:',
      '  - name: Moscow',
    );
    const registry = parseRegistry(text, 'file:///w/entities.yaml');
    assert.deepEqual(internalErrors(registry.diagnostics), []);
    assert.deepEqual(
      registry.entities.map((entity) => entity.name),
      ['North Korea', 'Moscow'],
    );
  });

  test('broken YAML reads without it: errors are diagnostics, never internal errors', () => {
    for (const yaml of [
      'a: [b',
      'a: {b: c',
      '? [a\n: b',
      'a: *missing',
      'a: !!binary !!str x',
      '%YAML 1.1\n%YAML 1.2\n---\na: 1',
      'a: &x\n  - *x',
      'a:\n\tb: c',
      '"a\n  b',
      'a: |\n x\n  y',
    ]) {
      const model = parseBriefing(`---\n${yaml}\n---\nText.\n`);
      assert.deepEqual(internalErrors(model.diagnostics), [], yaml);
    }
  });
});

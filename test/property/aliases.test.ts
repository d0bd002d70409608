import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { parseBriefing } from '../../src/core';
import { applyEdits } from '../../src/core/language/rename';
import { YAML_OPTIONS, yamlScalar } from '../../src/core/yaml/yamlSource';
import { scaledTimeout } from './generators';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const CODE = 'aliases-in-one-text';

/** Text that YAML may read as something other than a string, or that breaks a flow list. */
const fragment = fc.constantFrom(
  'Kim',
  'KJU',
  'Jong Un',
  '2023',
  '0x1F',
  '0o17',
  '1e3',
  '+12',
  '.5',
  '-',
  'true',
  'No',
  'null',
  '~',
  'NULL',
  '.inf',
  '.NaN',
  ':',
  ': ',
  ' #',
  '#',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '’',
  '&a',
  '*a',
  '!x',
  '%',
  '@',
  '`',
  '|',
  '>',
  '?',
  '\\',
  ' ',
  '\t',
  'é',
  '😀',
  'e\u0301',
  'Ким',
);
const alias = fc
  .array(fc.oneof({ weight: 3, arbitrary: fragment }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 5 }) }), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join(''));

suite('property: aliases and places written as text, and YAML scalars we write', function () {
  // A time limit like every property suite's: a busy machine took the default 2 s.
  this.timeout(scaledTimeout(60_000));
  test('yamlScalar: YAML reads back the same string, in a block and in a flow list', () => {
    fc.assert(
      fc.property(alias, (text) => {
        const scalar = yamlScalar(text);
        // Read back as the yaml package's nodes (this build does not turn them into JavaScript values).
        const block = parseDocument(`key: ${scalar}\n`, YAML_OPTIONS).contents;
        assert.ok(isMap(block) && isScalar(block.items[0].value), scalar);
        assert.equal(block.items[0].value.value, text, scalar);
        const list = parseDocument(`[${scalar}, x]`, YAML_OPTIONS).contents;
        assert.ok(isSeq(list), scalar);
        assert.deepEqual(
          list.items.map((item) => (isScalar(item) ? item.value : item)),
          [text, 'x'],
          scalar,
        );
      }),
      { numRuns: RUNS },
    );
  });

  test('the fix of aliases written with commas gives one alias a part, and no other problem', () => {
    fc.assert(
      fc.property(fc.array(alias, { minLength: 1, maxLength: 4 }), fc.boolean(), (parts, single) => {
        const written = parts.join(', ');
        const value = single ? `'${written.replace(/'/g, "''")}'` : JSON.stringify(written);
        const text = `---\nactors:\n  - name: Someone Else\n    aliases: ${value}\n---\n`;
        const model = parseBriefing(text);
        const expected = written
          .split(',')
          .map((part) => part.trim())
          .filter((part) => part !== '');
        const warnings = model.diagnostics.filter((d) => d.code === CODE);
        if (expected.length < 2 || written.trim() === '') {
          assert.deepEqual(warnings, []);
          return;
        }
        assert.equal(warnings.length, 1, text);
        const [warning] = warnings;
        const fixed = parseBriefing(
          applyEdits(
            text,
            warning.fix!.edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
          ),
        );
        assert.deepEqual(fixed.entities[0].aliases, expected, warning.fix!.title);
        // Parts that repeat one another (or the name) are the one problem a list can have.
        assert.deepEqual(
          fixed.diagnostics.filter((d) => d.code !== 'duplicate-alias'),
          [],
          warning.fix!.title,
        );
      }),
      { numRuns: RUNS },
    );
  });

  test('the fix of places written as text gives one place a part, and no other problem', () => {
    fc.assert(
      fc.property(fc.array(alias, { minLength: 1, maxLength: 4 }), (parts) => {
        const written = parts.join(', ');
        const text = `---\nplaces: ${JSON.stringify(written)}\n---\n`;
        const [error, ...others] = parseBriefing(text).diagnostics;
        assert.deepEqual([error.code, others], ['invalid-list', []]);
        const names = written
          .split(',')
          .map((part) => part.trim())
          .filter((part) => part !== '');
        assert.equal(error.fix === undefined, names.length === 0, error.message);
        if (!error.fix || new Set(names).size < names.length) return;
        const fixed = parseBriefing(
          applyEdits(
            text,
            error.fix.edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
          ),
        );
        assert.deepEqual(
          fixed.entities.map((entity) => entity.name),
          names,
          error.fix.title,
        );
        assert.deepEqual(fixed.diagnostics, [], error.fix.title);
      }),
      { numRuns: RUNS },
    );
  });
});

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseBriefing } from '../../src/core';
import { applyEdits } from '../../src/core/language/rename';
import { yamlScalar } from '../../src/core/yaml/yamlSource';
import { scaledTimeout } from './generators';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

const word = fc.constantFrom('Kim', 'Jong Un', 'Putin', '2023', '0x1F', 'true', 'null', 'a: b', '#x', ' #', '-', '?', '[x]', 'é', 'Ким', '😀', "O'Brien", '"q"', ' ');
const text = fc.array(word, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(''));
const entry = fc.record({
  name: text,
  /** How many columns right of its key an entry's fields start (1 to 4). */
  fieldIndent: fc.integer({ min: 1, max: 4 }),
  role: fc.option(text, { nil: undefined }),
  /** The lines of a block scalar, every other one indented further. */
  summary: fc.option(fc.array(text, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  comment: fc.boolean(),
});

type Entry = typeof entry extends fc.Arbitrary<infer T> ? T : never;

/** The entries written as a mapping from names to their fields, under `actors:` at `keyIndent`. */
function asMapping(entries: readonly Entry[], keyIndent: number, lineBreak: string): string {
  const lines = ['---', 'actors:'];
  for (const { name, fieldIndent, role, summary, comment } of entries) {
    const pad = ' '.repeat(keyIndent + fieldIndent);
    lines.push(`${' '.repeat(keyIndent)}${yamlScalar(name)}:${comment ? ' # note' : ''}`);
    if (role !== undefined) lines.push(`${pad}role: ${yamlScalar(role)}`);
    if (summary !== undefined) lines.push(`${pad}summary: |`, ...summary.map((line, i) => `${pad}  ${' '.repeat(i % 2)}${line.trim() || 'x'}`));
  }
  return [...lines, '---', ''].join(lineBreak);
}

suite('property: actors written as a mapping from names to fields', function () {
  // A time limit like every property suite's: a busy machine took the default 2 s.
  this.timeout(scaledTimeout(60_000));
  test('the fix writes the list of entries they mean: the same names and fields, and no other problem', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 3 }), fc.constantFrom('\n', '\r\n'), (entries, keyIndent, lineBreak) => {
        const names = entries.map((e) => e.name.trim());
        // Names that differ only in their runs of spaces are one name to the matcher ("Putin  #", "Putin #"): a duplicate, rightly warned of.
        const asMatched = names.map((name) => name.replace(/[ \t]+/g, ' '));
        fc.pre(names.every((name) => name !== '') && new Set(asMatched).size === names.length && new Set(entries.map((e) => e.name)).size === entries.length);
        const source = asMapping(entries, keyIndent, lineBreak);
        const [error, ...others] = parseBriefing(source).diagnostics;
        assert.deepEqual([error?.code, others], ['invalid-list', []], source);
        assert.ok(error.fix, `${error.message}\n${source}`);
        const fixedText = applyEdits(
          source,
          error.fix.edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
        );
        const fixed = parseBriefing(fixedText);
        assert.deepEqual(fixed.diagnostics, [], fixedText);
        assert.deepEqual(
          fixed.entities.map((e) => [e.name, e.role, e.summary?.split('\n').map((line) => line.trim())]),
          entries.map((e) => [e.name.trim(), e.role?.trim() === '' ? undefined : e.role?.trim(), e.summary?.map((line) => line.trim() || 'x')]),
          fixedText,
        );
        // Only the keys' lines and the fields' indentation changed.
        assert.equal(fixedText.split(lineBreak).length, source.split(lineBreak).length);
      }),
      { numRuns: RUNS },
    );
  });
});

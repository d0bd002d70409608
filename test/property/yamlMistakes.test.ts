import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseBriefing, type Diagnostic } from '../../src/core';
import { applyEdits } from '../../src/core/language/rename';
import { scaledTimeout } from './generators';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);

/*
 * Front matters written right, then one mistake made by hand in one line. Every fix offered for a
 * YAML mistake changes only the lines of its problem, and the problem is gone after it; a fix of
 * a mistake that only moved or cut characters (indentation, a tab, a space, a closing quote or
 * bracket, a repeated line) gives back the front matter as it was written.
 */

const WORDS = ['Kim', 'Jong Un', 'Chairman', 'North Korea', 'Leader', 'Putin', 'summit'];
const value = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
const field = fc.oneof(
  fc.tuple(fc.constant('type'), fc.constantFrom('person', 'state', 'organization', 'group')),
  fc.tuple(fc.constant('role'), value),
  fc.tuple(fc.constant('summary'), value),
  fc.tuple(fc.constant('affiliation'), value),
  fc.tuple(
    fc.constant('aliases'),
    fc.array(value, { minLength: 1, maxLength: 3 }).map((aliases) => `[${aliases.join(', ')}]`),
  ),
  fc.tuple(
    fc.constant('role'),
    value.map((text) => `"${text}"`),
  ),
);
const entry = fc.tuple(value, fc.uniqueArray(field, { selector: ([key]) => key, maxLength: 4 }));
const frontMatter = fc
  .array(entry, { minLength: 1, maxLength: 3 })
  .map((entries) => [
    'title: T',
    'classification: UNCLASSIFIED',
    'actors:',
    ...entries.flatMap(([name, fields]) => [`  - name: ${name}`, ...fields.map(([key, text]) => `    ${key}: ${text}`)]),
  ]);

type Mistake = 'indent' | 'tab' | 'space' | 'quote' | 'bracket' | 'repeat' | 'colon';
/** A mistake made in line `at`, or undefined when that line cannot take it. */
function makeMistake(lines: readonly string[], at: number, kind: Mistake, shift: number): string[] | undefined {
  const line = lines[at];
  const changed = [...lines];
  const field = /^( +)(\w+): (.*)$/.exec(line);
  if (!field) return undefined;
  const [, indent, key, text] = field;
  switch (kind) {
    case 'indent':
      changed[at] = `${' '.repeat(Math.max(0, indent.length + shift))}${key}: ${text}`;
      break;
    case 'tab':
      changed[at] = `\t${line.trimStart()}`;
      break;
    case 'space':
      changed[at] = `${indent}${key}:${text}`;
      break;
    case 'quote':
      if (!/^".*"$/.test(text)) return undefined;
      changed[at] = line.slice(0, -1);
      break;
    case 'bracket':
      if (!/^\[.*\]$/.test(text)) return undefined;
      changed[at] = line.slice(0, -1);
      break;
    case 'repeat':
      if (line.startsWith('  - ')) return undefined;
      changed.splice(at, 0, line);
      break;
    case 'colon':
      if (/^["[]/.test(text)) return undefined;
      changed[at] = `${indent}${key}: ${text}: ${text}`;
      break;
  }
  return changed;
}

const document = (lines: readonly string[]) => `---\n${lines.join('\n')}\n---\nKim met Putin.\n`;
const applyFix = (text: string, diagnostic: Diagnostic) =>
  applyEdits(
    text,
    diagnostic.fix!.edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
  );

suite('YAML mistakes and their fixes (fast-check)', function () {
  this.timeout(scaledTimeout(120_000));

  test("every fix changes only its problem's lines and removes its problem; a fix of a moved or cut character gives back what was written", () => {
    const mistakes = fc.constantFrom<Mistake>('indent', 'tab', 'space', 'quote', 'bracket', 'repeat', 'colon');
    fc.assert(
      fc.property(frontMatter, fc.nat(), mistakes, fc.constantFrom(-3, -2, -1, 1, 2, 3), (written, pick, kind, shift) => {
        const at = 3 + (pick % (written.length - 3));
        const broken = makeMistake(written, at, kind, shift);
        if (!broken) return;
        const text = document(broken);
        for (const diagnostic of parseBriefing(text).diagnostics) {
          if (!diagnostic.code.startsWith('yaml-') || !diagnostic.fix) continue;
          const after = applyFix(text, diagnostic);
          const [beforeLines, afterLines] = [text.split('\n'), after.split('\n')];
          const touched = diagnostic.fix.edits.flatMap((edit) => [edit.range.start.line, edit.range.end.line]);
          const lowest = Math.min(...touched);
          // Lines above the fix and below it (counted from the end) are the same.
          assert.deepEqual(afterLines.slice(0, lowest), beforeLines.slice(0, lowest));
          const below = beforeLines.length - 1 - Math.max(...touched);
          assert.deepEqual(afterLines.slice(afterLines.length - below), beforeLines.slice(beforeLines.length - below));
          const again = parseBriefing(after).diagnostics;
          assert.ok(
            !again.some((other) => other.code === diagnostic.code && other.range.start.line === diagnostic.range.start.line),
            `${diagnostic.message} is gone after its fix:\n${after}`,
          );
          if (kind !== 'colon' && kind !== 'indent') assert.equal(after, document(written), diagnostic.message);
          if (kind === 'indent' && diagnostic.code === 'yaml-indentation') assert.equal(after, document(written), diagnostic.message);
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('a mistake made in a field is told in plain words, with a fix, for every kind', () => {
    const told = new Set<string>();
    fc.assert(
      fc.property(
        frontMatter,
        fc.nat(),
        fc.constantFrom<Mistake>('indent', 'tab', 'space', 'quote', 'bracket', 'repeat', 'colon'),
        fc.constantFrom(-1, 1),
        (written, pick, kind, shift) => {
          const at = 3 + (pick % (written.length - 3));
          const broken = makeMistake(written, at, kind, shift);
          if (!broken || written[at].startsWith('  - ')) return;
          const problems = parseBriefing(document(broken)).diagnostics.filter((d) => d.severity === 'error');
          if (problems.length === 0) return; // the YAML is still valid (a deeper line read as the text before it)
          assert.ok(
            problems.every((d) => d.code.startsWith('yaml-') && !d.message.startsWith('YAML:')),
            `${kind}: ${JSON.stringify(problems.map((d) => d.message))}\n${broken.join('\n')}`,
          );
          assert.ok(
            problems.some((d) => d.fix),
            `${kind}: a fix`,
          );
          told.add(kind);
        },
      ),
      { numRuns: RUNS },
    );
    assert.deepEqual([...told].sort(), ['bracket', 'colon', 'indent', 'quote', 'repeat', 'space', 'tab']);
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { escapeMarkdown } from '../../src/core/text/escape';
import { sourceHoverMarkdown } from '../../src/core/language/hover';
import { sourceAt } from '../../src/core/language/lookup';
import { applyEdits } from '../../src/core/language/rename';
import type { Briefing } from '../../src/core/model/types';
import { revealLineTarget } from '../../src/features/commandLinks';
import { joinLines, parse, repoRoot } from './util';

/** Citations as `id@line:character→listed line` (1-based), `?` when not listed. */
const citationsOf = (model: Briefing) =>
  model.citations.map((c) => `${c.id}@${c.range.start.line + 1}:${c.range.start.character + 1}→${c.source ? c.source.labelRange.start.line + 1 : '?'}`);
const problemsOf = (model: Briefing) => model.diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);

suite('sources and citations', () => {
  test('sources listed as list items (with continuation lines) or as [S1]: lines; every citation points to its source', () => {
    const model = parse(
      joinLines(
        '# Notes',
        'Kim left [S1]. Both sides confirmed it [S1, S2]; analysts doubt it [S2;S3].',
        '',
        '## Sources',
        '- [S1] Reuters, "Kim to visit Russia",',
        '  2023-11-13, https://example.org/kim',
        '- [S2]',
        '[S3]: Yonhap, 2023-11-14',
      ),
    );
    assert.deepEqual(
      model.sources.map((s) => [s.id, s.labelRange.start.line + 1, s.text]),
      [
        ['S1', 5, 'Reuters, "Kim to visit Russia", 2023-11-13, https://example.org/kim'],
        ['S2', 7, ''],
        ['S3', 8, 'Yonhap, 2023-11-14'],
      ],
    );
    assert.deepEqual(citationsOf(model), ['S1@2:11→5', 'S1@2:41→5', 'S2@2:45→7', 'S2@2:69→7', 'S3@2:72→8']);
    assert.deepEqual(model.diagnostics, []);
  });

  test('a citation of a source that is not listed is a Warning on it', () => {
    const model = parse(joinLines('Claimed [S1, S4].', '', '- [S1] Reuters'));
    assert.deepEqual(problemsOf(model), ["unknown-source@1:14 S4 is cited but not listed: add a line '- [S4] …' under Sources"]);
    assert.equal(model.diagnostics[0].severity, 'warning');
  });

  test('a label listed twice is a Warning on the second; citations go to the first', () => {
    const model = parse(joinLines('Claimed [S1].', '', '- [S1] Reuters', '- [S1] AP'));
    assert.deepEqual(problemsOf(model), ['duplicate-source@4:3 [S1] is listed twice: citations go to the first, on line 3']);
    assert.deepEqual(citationsOf(model), ['S1@1:10→3']);
  });

  test('no citation in code or URLs, and a paragraph that starts with a citation lists nothing', () => {
    const model = parse(
      joinLines(
        '`[S9]` and https://example.org/[S9] are no citations.',
        '```',
        '[S9]',
        '```',
        '[S1] says so, and this line is prose, not an entry.',
        '- [S1, S2] two labels do not make an entry',
        '- [S1]x is not a label either',
      ),
    );
    assert.deepEqual(model.sources, []);
    assert.deepEqual(
      model.citations.map((c) => `${c.id}@${c.range.start.line + 1}`),
      ['S1@5', 'S1@6', 'S2@6', 'S1@7'],
    );
  });

  test('the sample cites its one source, and lists it', () => {
    const model = parse(fs.readFileSync(path.join(repoRoot, 'samples/vladivostok-summit.briefing'), 'utf8'));
    assert.deepEqual(
      model.sources.map((s) => s.id),
      ['S1'],
    );
    assert.ok(model.citations.length >= 5);
    assert.ok(model.citations.every((c) => c.source === model.sources[0]));
  });

  test('sourceAt: a citation (cursor before, inside or after it), a label, or nothing', () => {
    const text = joinLines('Claimed [S1, S2].', '', '- [S1] Reuters');
    const model = parse(text);
    const at = (needle: string, offset = 0) => sourceAt(model, text.indexOf(needle) + offset);
    assert.equal(at('S1')?.id, 'S1');
    assert.equal(at('S1', 2)?.id, 'S1', 'right after it');
    assert.equal(at('S2')?.source, undefined);
    assert.equal(at('S2')?.isDeclaration, false);
    assert.deepEqual([at('[S1] Reuters')?.id, at('[S1] Reuters')?.isDeclaration], ['S1', true]);
    assert.equal(at('Claimed'), undefined);
    assert.equal(at('Reuters'), undefined);
  });

  test("the hover card: the entry's text escaped, how often it is cited, a link to its line", () => {
    const text = joinLines('Claimed [S1] and [S1].', '', '- [S1] <img src=x> [run](command:evil) `code`');
    const model = parse(text);
    const card = sourceHoverMarkdown(model, sourceAt(model, text.indexOf('S1'))!, 'file:///b.briefing', revealLineTarget);
    assert.match(card, /^\*\*\\\[S1\\\]\*\* · Source/);
    assert.ok(card.includes(`\n${escapeMarkdown('<img src=x> [run](command:evil) `code`')}\n`), 'the text, escaped');
    assert.match(card, /Cited 2 times in this briefing/);
    assert.match(card, /Listed on \[line 3\]\(command:briefing\.revealLine\?/);
    assert.doesNotMatch(card, /\]\(command:evil/);

    const unlisted = parse('Claimed [S7].');
    assert.match(sourceHoverMarkdown(unlisted, sourceAt(unlisted, 9)!, 'file:///b.briefing', revealLineTarget), /Not listed: add a line/);
  });

  test('the quick fix for a source not listed adds its entry, written as the others are', () => {
    const fix = (text: string) => {
      const warning = parse(text).diagnostics.find((d) => d.code === 'unknown-source');
      assert.ok(warning?.fix, text);
      assert.equal(warning.fix.title, 'Add [S4] to the sources');
      const result = applyEdits(
        text,
        warning.fix.edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
      );
      const model = parse(result);
      assert.deepEqual(model.diagnostics, [], result);
      assert.ok(model.sources.some((source) => source.id === 'S4'));
      return result;
    };
    assert.equal(
      fix(joinLines('Said [S4].', '', '## Sources', '', '  * [S1] AP', '    continued', '', 'After.')),
      joinLines('Said [S4].', '', '## Sources', '', '  * [S1] AP', '    continued', '  * [S4] ', '', 'After.'),
    );
    assert.equal(fix(joinLines('Said [S4].', '', '[S1]: AP')), joinLines('Said [S4].', '', '[S1]: AP', '[S4]: '));
    assert.equal(fix(joinLines('Said [S4].', '', '## Sources', '', 'None yet.')), joinLines('Said [S4].', '', '## Sources', '- [S4] ', '', 'None yet.'));
    assert.equal(fix(joinLines('Said [S4].', '')), joinLines('Said [S4].', '', '## Sources', '', '- [S4] '));
    assert.equal(fix('Said [S4].'), joinLines('Said [S4].', '', '## Sources', '', '- [S4] '));
    assert.equal(fix(['Said [S4].', '', '- [S1] AP', ''].join('\r\n')), ['Said [S4].', '', '- [S1] AP', '- [S4] ', ''].join('\r\n'));
  });
});

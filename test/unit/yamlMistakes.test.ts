import * as assert from 'node:assert/strict';
import { parseRegistry, type Diagnostic } from '../../src/core';
import { applyEdits } from '../../src/core/language/rename';
import { briefing, parse } from './util';

/** The briefing's front-matter problems (Warnings and Errors), as code and message. */
const problemsOf = (text: string) => parse(text).diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');

/** Applies a diagnostic's fix to the text. */
const fixed = (text: string, diagnostic: Diagnostic) =>
  applyEdits(
    text,
    diagnostic.fix!.edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
  );

const ENTRY_START = ['title: Singapore summit', 'classification: UNCLASSIFIED', 'actors:', '  - name: Kim Jong Un'];
const BODY = 'Kim Jong Un met Donald Trump.';

/**
 * One mistake: the briefing gets exactly one problem, of `code`, whose message says `says`, and whose
 * fix gives `expected` (the rest byte for byte) and a briefing with no problem.
 */
function assertMistake(frontMatter: string[], code: string, says: RegExp, expectedFrontMatter: string[]) {
  const text = briefing(frontMatter, BODY);
  const problems = problemsOf(text);
  assert.deepEqual(
    problems.map((d) => d.code),
    [code],
    JSON.stringify(problems.map((d) => d.message)),
  );
  const [problem] = problems;
  assert.match(problem.message, says);
  assert.ok(problem.fix, 'a fix');
  const after = fixed(text, problem);
  assert.equal(after, briefing(expectedFrontMatter, BODY));
  assert.deepEqual(
    problemsOf(after).map((d) => d.message),
    [],
  );
  return problem;
}

suite('YAML mistakes in plain words, with their fix', () => {
  test("a field indented off its entry's column: says where to put it, the package's words after", () => {
    const problem = assertMistake(
      [...ENTRY_START, '   type: person', '    role: Chairman'],
      'yaml-indentation',
      /^`type:` is indented 3 spaces; `name:` of this entry is at 4: indent it to 4 \(YAML: .+\)$/,
      [...ENTRY_START, '    type: person', '    role: Chairman'],
    );
    assert.equal(problem.fix!.title, 'Indent the line to 4');
    assert.equal(problem.range.start.line, 5);
  });

  test('a field indented too deep', () => {
    assertMistake([...ENTRY_START, '     type: person', '    role: Chairman'], 'yaml-indentation', /^`type:` is indented 5 spaces; `name:` of this entry is at 4: indent it to 4/, [
      ...ENTRY_START,
      '    type: person',
      '    role: Chairman',
    ]);
  });

  test('a top-level key indented', () => {
    assertMistake(['title: T', ' classification: UNCLASSIFIED'], 'yaml-indentation', /^`classification:` is indented 1 space; the top-level keys are at 0: indent it to 0/, [
      'title: T',
      'classification: UNCLASSIFIED',
    ]);
  });

  test('a list item at the wrong level moves with its fields', () => {
    const problem = assertMistake(
      [...ENTRY_START, '    type: person', '   - name: Donald Trump', '     type: person'],
      'yaml-indentation',
      /^This list item \(`- name: Donald Trump`\) is indented 3 spaces; the list's other items are at 2: indent it to 2/,
      [...ENTRY_START, '    type: person', '  - name: Donald Trump', '    type: person'],
    );
    assert.equal(problem.fix!.title, 'Indent the block to 2');
  });

  test('a tab in the indentation', () => {
    assertMistake([...ENTRY_START, '\ttype: person'], 'yaml-tab', /^A tab indents this line; YAML indents with spaces only: indent it with 4 spaces/, [
      ...ENTRY_START,
      '    type: person',
    ]);
  });

  test('a missing space after a colon', () => {
    assertMistake([...ENTRY_START, '    type:person'], 'yaml-missing-space', /^Write a space after `type:`: YAML reads `type:person` as one word/, [
      ...ENTRY_START,
      '    type: person',
    ]);
  });

  test('an unquoted ": " inside a value', () => {
    assertMistake(
      [...ENTRY_START, '    summary: Chairman of the WPK: leader since 2011'],
      'yaml-colon-in-value',
      /^The value of `summary:` holds `: `, which YAML reads as the start of another key: put the value in quotes/,
      [...ENTRY_START, '    summary: "Chairman of the WPK: leader since 2011"'],
    );
  });

  test('an unclosed quote and an unclosed bracket', () => {
    assertMistake(
      [...ENTRY_START, '    role: "Chairman', '    type: person'],
      'yaml-unclosed-quote',
      /^The quote \(" \) that opens the value of `role:` is not closed|^The quote \("\) that opens the value of `role:` is not closed: close it at the end of the line/,
      [...ENTRY_START, '    role: "Chairman"', '    type: person'],
    );
    assertMistake(
      [...ENTRY_START, '    aliases: [Kim, Chairman Kim', '    type: person'],
      'yaml-unclosed-bracket',
      /^The list that opens the value of `aliases:` with `\[` is not closed: add `\]` at the end of the line/,
      [...ENTRY_START, '    aliases: [Kim, Chairman Kim]', '    type: person'],
    );
  });

  test('a repeated key: where the first is; a fix only when both say the same', () => {
    const same = assertMistake(
      [...ENTRY_START, '    type: person', '    type: person'],
      'yaml-duplicate-key',
      /^`type:` is given twice in this entry; the first is on line 6, which says `person`: keep one/,
      [...ENTRY_START, '    type: person'],
    );
    assert.equal(same.fix!.title, "Remove the repeated 'type:' line");
    const different = problemsOf(briefing([...ENTRY_START, '    type: person', '    type: state'], BODY));
    assert.deepEqual(
      different.map((d) => [d.code, d.fix]),
      [['yaml-duplicate-key', undefined]],
    );
  });

  test('" #" then a word inside a plain value is a comment to YAML: a Warning, fixed by quoting; "# comment" is left alone', () => {
    assertMistake(
      [...ENTRY_START, '    summary: Leader #1 of the DPRK'],
      'yaml-comment-in-value',
      /^YAML reads `#1 of the DPRK` on as a comment, not as part of the value of `summary:`: put the value in quotes/,
      [...ENTRY_START, '    summary: "Leader #1 of the DPRK"'],
    );
    assert.deepEqual(problemsOf(briefing([...ENTRY_START, '    type: person # the leader'], BODY)), []);
  });

  test("valid YAML gets none, and a problem the list does not know keeps the package's words", () => {
    const valid = [...ENTRY_START, '    summary: A long text', '      that goes on', '    aliases:', '    - Kim', '    role: |', '       odd: indentation', '   inside'];
    assert.deepEqual(
      problemsOf(briefing(valid.slice(0, -1), BODY)).map((d) => d.message),
      [],
    );
    const unknown = problemsOf(briefing([...ENTRY_START, '    role: @Chairman'], BODY));
    assert.match(unknown.find((d) => d.code === 'yaml-error')!.message, /^YAML: /);
  });

  test('a registry gets the same words and fixes', () => {
    const registry = parseRegistry(['actors:', '  - name: Kim Jong Un', '   type: person', ''].join('\n'), 'file:///w/entities.yaml');
    assert.deepEqual(
      registry.diagnostics.map((d) => d.code),
      ['yaml-indentation'],
    );
    assert.ok(registry.diagnostics[0].fix);
  });
});

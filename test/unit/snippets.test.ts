import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LIKELIHOOD_SCALE } from '../../src/core/body/estimative';
import { joinLines, parse, repoRoot } from './util';

type Snippets = Record<string, { prefix: string | string[]; body: string[] }>;
const readSnippets = (file: string): Snippets => JSON.parse(fs.readFileSync(path.join(repoRoot, 'snippets', file), 'utf8'));
const snippets: Snippets = { ...readSnippets('briefing.json'), ...readSnippets('frontmatter.json') };

const VARIABLES: Record<string, string> = { CURRENT_YEAR: '2023', CURRENT_MONTH: '11', CURRENT_DATE: '13' };

/** The front-matter snippets' start: a dash where the line has none (here, as on a line of spaces). */
const DASH_WHERE_NONE = '${TM_CURRENT_LINE/^\\s*-\\s.*|(.+)/${1:+- }/}';

/**
 * A snippet's text as VS Code inserts it, with `choose(choices)` picked in each choice
 * placeholder and every other placeholder left at its default.
 */
function expand(name: string, choose: (choices: string[]) => string = ([first]) => first, fill: Record<string, string> = {}): string {
  let text = snippets[name].body
    .join('\n')
    .split(DASH_WHERE_NONE)
    .join('- ')
    .replace(/\$([A-Z_]+)/g, (whole, variable: string) => VARIABLES[variable] ?? whole);
  // Placeholders typed over: `${11:Judgment}` with fill { 11: '…' }.
  text = text.replace(/\$\{(\d+):[^${}]*\}/g, (whole, index: string) => fill[index] ?? whole);
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text
      .replace(/\$\{\d+\|([^|}]*)\|\}/g, (_, choices: string) => choose(choices.split(',')))
      .replace(/\$\{\d+:([^${}]*)\}/g, '$1')
      .replace(/\$\{\d+\}|\$\d+/g, '');
  }
  return text;
}

const inBriefing = (...body: string[]) => joinLines('---', 'title: T', 'classification: UNCLASSIFIED', '---', ...body, '', '## Sources', '', '- [S1] Source', '');

suite('snippets', () => {
  test('the new-briefing template, as inserted, is a briefing without a problem', () => {
    const text = expand('New briefing');
    assert.ok(!text.includes('$'), text);
    assert.deepEqual(
      parse(text).diagnostics.map((d) => `${d.code}: ${d.message}`),
      [],
    );
  });

  test('the template filled in: any classification, a judgment with an expression of likelihood, any confidence level; no Warning or Error', () => {
    for (const classification of ['UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET']) {
      for (const level of ['low', 'moderate', 'high']) {
        const judgment = 'Kim Jong Un is unlikely to return to Singapore this year';
        const text = expand('New briefing', (choices) => (choices.includes(level) ? level : choices.includes(classification) ? classification : choices[0]), { 11: judgment });
        assert.ok(text.includes(`${judgment} [S1]. We have ${level} confidence in this judgment.`), text);
        const problems = parse(text).diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
        assert.deepEqual(
          problems.map((d) => `${d.code}: ${d.message}`),
          [],
          `${classification}, ${level}`,
        );
      }
    }
  });

  test('the actor and place snippets, as inserted under actors: and places: (the dash added), are entries without a problem', () => {
    // VS Code gives each line after the first the indentation of the line the snippet goes into.
    const entry = (name: string) => expand(name).replace(/\n/g, '\n  ');
    for (const [name, list] of [
      ['Actor', 'actors'],
      ['Place', 'places'],
    ]) {
      assert.ok(snippets[name].body[0].startsWith(`${DASH_WHERE_NONE}name: `), 'a dash only where the line has none');
      const text = joinLines('---', 'title: T', 'classification: UNCLASSIFIED', `${list}:`, `  ${entry(name)}`, '---', '', 'Name arrived.');
      const model = parse(text);
      assert.deepEqual(
        model.diagnostics.map((d) => `${d.code}: ${d.message}`),
        [],
        text,
      );
      assert.deepEqual(
        model.entities.map((entity) => [entity.name, entity.kind]),
        [['Name', list === 'actors' ? 'actor' : 'place']],
      );
    }
  });

  test('the relations and relation snippets, as inserted in an actor entry and under its relations:, are relations without a problem', () => {
    const text = joinLines(
      '---',
      'actors:',
      '  - name: Kim Jong Un',
      `    ${expand('Relations').replace(/\n/g, '\n    ')}`,
      `      ${expand('Relation')}`,
      '  - name: Name',
      '---',
      '',
      'Kim Jong Un met Name.',
    );
    const model = parse(text);
    assert.deepEqual(
      model.diagnostics.map((d) => `${d.code}: ${d.message}`),
      [],
      text,
    );
    assert.deepEqual(
      model.entities[0].relations.map((r) => `${r.target} ${r.type} ${r.since?.text}`),
      ['Name ally of 2023-11-13', 'Name ally of 2023-11-13'],
    );
  });

  test('a key judgment keeps its likelihood and its confidence level in separate sentences (ICD 203), whatever is picked', () => {
    const terms = LIKELIHOOD_SCALE.length;
    for (let term = 0; term < terms; term++) {
      for (const level of ['low', 'moderate', 'high']) {
        const text = inBriefing(expand('Key judgment', (choices) => (choices.includes(level) ? level : choices.length === terms ? choices[term] : choices[0])));
        assert.ok(text.includes(`${level} confidence`), text);
        assert.deepEqual(
          parse(text).diagnostics.map((d) => `${d.code}: ${d.message}`),
          [],
          text,
        );
      }
    }
  });

  test('a judgment with confidence has no expression of likelihood', () => {
    for (const level of ['low', 'moderate', 'high']) {
      const text = inBriefing(expand('Judgment with confidence', (choices) => (choices.includes(level) ? level : choices[0])));
      assert.deepEqual(
        parse(text).diagnostics.map((d) => `${d.code}: ${d.message}`),
        [],
        text,
      );
    }
  });

  test('the event and source snippets give a dated event and a listed source', () => {
    const model = parse(joinLines(expand('Event'), 'As reported [S1].', '', expand('Source')));
    assert.deepEqual(
      model.events.map((event) => event.start.text),
      ['2023-11-13'],
    );
    assert.deepEqual(
      model.sources.map((source) => source.id),
      ['S1'],
    );
    assert.equal(model.sources[0].grade, 'F6', 'graded: cannot be judged, until the writer says');
    assert.deepEqual(model.diagnostics, []);
  });

  test('the period and approximate event snippets give a range and an approximate month, valid as inserted', () => {
    const model = parse(joinLines(expand('Event over a period'), expand('Approximate event')));
    assert.deepEqual(
      model.events.map((event) => [event.start.text, event.end?.text, event.approximate, event.valid]),
      [
        ['2023-11-13', '2023-11-13', false, true],
        ['2023-11', undefined, true, true],
      ],
    );
    assert.deepEqual(model.diagnostics, []);
  });
});

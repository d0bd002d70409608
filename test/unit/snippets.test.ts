import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LIKELIHOOD_SCALE } from '../../src/core/estimative';
import { joinLines, parse, repoRoot } from './util';

type Snippets = Record<string, { prefix: string | string[]; body: string[] }>;
const snippets: Snippets = JSON.parse(fs.readFileSync(path.join(repoRoot, 'snippets/briefing.json'), 'utf8'));

const VARIABLES: Record<string, string> = { CURRENT_YEAR: '2023', CURRENT_MONTH: '11', CURRENT_DATE: '13' };

/**
 * A snippet's text as VS Code inserts it, with `choose(choices)` picked in each choice
 * placeholder and every other placeholder left at its default.
 */
function expand(name: string, choose: (choices: string[]) => string = ([first]) => first): string {
  let text = snippets[name].body.join('\n').replace(/\$([A-Z_]+)/g, (whole, variable: string) => VARIABLES[variable] ?? whole);
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/\$\{\d+\|([^|}]*)\|\}/g, (_, choices: string) => choose(choices.split(','))).replace(/\$\{\d+:([^${}]*)\}/g, '$1').replace(/\$\{\d+\}|\$\d+/g, '');
  }
  return text;
}

const inBriefing = (...body: string[]) => joinLines('---', 'title: T', 'classification: UNCLASSIFIED', '---', ...body, '', '## Sources', '', '- [S1] Source', '');

suite('snippets', () => {
  test('the new-briefing template, as inserted, is a briefing without a problem', () => {
    const text = expand('New briefing');
    assert.ok(!text.includes('$'), text);
    assert.deepEqual(parse(text).diagnostics.map((d) => `${d.code}: ${d.message}`), []);
  });

  test('a key judgment keeps its likelihood and its confidence level in separate sentences (ICD 203), whatever is picked', () => {
    const terms = LIKELIHOOD_SCALE.length;
    for (let term = 0; term < terms; term++) {
      for (const level of ['low', 'moderate', 'high']) {
        const text = inBriefing(expand('Key judgment', (choices) => (choices.includes(level) ? level : choices.length === terms ? choices[term] : choices[0])));
        assert.ok(text.includes(`${level} confidence`), text);
        assert.deepEqual(parse(text).diagnostics.map((d) => `${d.code}: ${d.message}`), [], text);
      }
    }
  });

  test('a judgment with confidence has no expression of likelihood', () => {
    for (const level of ['low', 'moderate', 'high']) {
      const text = inBriefing(expand('Judgment with confidence', (choices) => (choices.includes(level) ? level : choices[0])));
      assert.deepEqual(parse(text).diagnostics.map((d) => `${d.code}: ${d.message}`), [], text);
    }
  });

  test('the event and source snippets give a dated event and a listed source', () => {
    const model = parse(joinLines(expand('Event'), 'As reported [S1].', '', expand('Source')));
    assert.deepEqual(model.events.map((event) => event.start.text), ['2023-11-13']);
    assert.deepEqual(model.sources.map((source) => source.id), ['S1']);
    assert.deepEqual(model.diagnostics, []);
  });

  test('the period and approximate event snippets give a range and an approximate month, valid as inserted', () => {
    const model = parse(joinLines(expand('Event over a period'), expand('Approximate event')));
    assert.deepEqual(model.events.map((event) => [event.start.text, event.end?.text, event.approximate, event.valid]), [
      ['2023-11-13', '2023-11-13', false, true],
      ['2023-11', undefined, true, true],
    ]);
    assert.deepEqual(model.diagnostics, []);
  });
});

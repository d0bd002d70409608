import * as assert from 'node:assert/strict';
import * as textmate from 'vscode-textmate';
import { loadGrammar } from './tokenize';

const LENGTH = 20_000;
/**
 * A guard against catastrophic backtracking, not a speed goal: the slowest of these lines takes
 * about 20 ms here, and a pattern that backtracks on 20,000 characters takes seconds. The margin
 * keeps a busy machine (CI) from failing it; 50 ms once failed with two other processes running.
 */
const BUDGET_MS = 200;

/** Repeats a near-miss until the line is about 20,000 characters long. */
const line = (unit: string) => unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH);

/** Near-misses for every pattern of the grammar: each almost matches, again and again. */
const ADVERSARIAL: Record<string, string[]> = {
  dates: ['- 2023-11-13', '- ' + line('2023-'), '- ~' + line('~2023..'), '- 2023' + line('-1'), '- ' + line('2023-11-13..')],
  tags: ['- 2023: ' + line('#'), '- 2023: ' + line('#a#'), '- 2023: ' + line('a#b '), '- 2023: ' + line('#a-')],
  classification: [line('SECRET//'), line('(S//'), line('(TS//SI/'), 'TOP SECRET//' + line('NF,'), line('(U')],
  estimative: [line('almost no '), line('roughly even '), line('very '), line('likely'), line('low confidenc'), line('remote ')],
  code: [line('`'), line('`a'), line('``a`'), line('```'), line('~~~ ')],
  links: [line('['), line('[a]('), line('[a](b '), line('<http://'), line('http://a.'), line('www.'), line('![](')],
  emphasis: [line('*a '), line('**a'), line('_a '), line('__a'), line('*'), line('_'), line('a_b_')],
  nesting: [line('> '), line('- '), line('#'), line('(['), line('[S1'), line('[S1, ')],
  frontMatter: ['---', line('a: [b, '), line('"a\\'), line("'a''"), line('- name: '), line('key: value # ')],
  sources: [line('[S'), line('[S1;'), line('[S1, S')],
};

suite('grammar safety: no catastrophic backtracking', function () {
  this.timeout(120_000);

  for (const [pattern, lines] of Object.entries(ADVERSARIAL)) {
    test(`${pattern}: 20,000-character near-misses tokenize in under ${BUDGET_MS} ms a line`, async () => {
      const grammar = await loadGrammar();
      for (const text of lines) {
        // In the front matter (after ---) and in the body, as VS Code would see them.
        for (const prefix of [[], ['---'], ['- 2023: event']]) {
          let state = textmate.INITIAL;
          for (const before of prefix) state = grammar.tokenizeLine(before, state).ruleStack;
          // The best of three runs after a warm-up: backtracking is slow every time, a busy
          // machine only now and then.
          grammar.tokenizeLine(text.slice(0, 200), state, 0);
          let elapsed = Infinity;
          for (let run = 0; run < 3; run++) {
            const start = performance.now();
            grammar.tokenizeLine(text, state, 0);
            elapsed = Math.min(elapsed, performance.now() - start);
          }
          assert.ok(elapsed < BUDGET_MS, `${JSON.stringify(text.slice(0, 30))}… after ${JSON.stringify(prefix)} took ${elapsed.toFixed(1)} ms`);
        }
      }
    });
  }
});

import * as assert from 'node:assert/strict';
import { LineIndex } from '../../src/core';
import { reportWithRecord, type MatchRecord } from '../../src/core/incremental';
import { TermMatcher } from '../../src/core/matcher';
import { sameTerms } from '../../src/core/termEdits';
import type { EntityDraft } from '../../src/core/entities';
import { joinLines } from './util';

function matcherOf(...terms: string[]): TermMatcher {
  const matcher = new TermMatcher();
  terms.forEach((term, index) => matcher.add(term, index));
  return matcher;
}

function matchesOf(matcher: TermMatcher, text: string, from: number): number[] {
  const found: number[] = [];
  matcher.findAll(text, from, text.length, [], (value, layer, start, end) => found.push(value, layer, start, end));
  return found;
}

const draft = (name: string, aliases: string[], summary: string) => ({ name, aliases, summary }) as unknown as EntityDraft;

suite('incremental matching', () => {
  test('an edit in the front matter, with the same terms: every match is the previous one, shifted', () => {
    const matcher = matcherOf('Kim Jong Un', 'Kim', 'Putin');
    const body = joinLines('Kim met Putin.', 'Kim Jong Un left.', '');
    const before = `---\nsummary: short\n---\n${body}`;
    const after = `---\nsummary: a longer summary\n---\n${body}`;
    const record: MatchRecord = { text: before, own: undefined as never, registries: [], excluded: [], matches: Int32Array.from(matchesOf(matcher, before, before.indexOf('Kim'))) };
    const reported: number[] = [];
    const from = after.indexOf('Kim');
    const report = (value: number, layer: number, start: number, end: number) => reported.push(value, layer, start, end);
    const reused = reportWithRecord(record, { text: after, lines: new LineIndex(after), from, excluded: [], matchers: [matcher], report });
    assert.equal(reused, true);
    assert.deepEqual(reported, matchesOf(matcher, after, from));
  });

  test('same terms: the same names and aliases in the same order, whatever else changed', () => {
    assert.ok(sameTerms([draft('Kim Jong Un', ['Kim'], 'a')], [draft('Kim Jong Un', ['Kim'], 'b')]));
    assert.ok(!sameTerms([draft('Kim Jong Un', ['Kim'], 'a')], [draft('Kim Jong Un', ['Kim', 'Un'], 'a')]));
    assert.ok(!sameTerms([draft('Kim Jong Un', ['Kim'], 'a')], [draft('Kim Jong-un', ['Kim'], 'a')]));
    assert.ok(!sameTerms([draft('A', [], ''), draft('B', [], '')], [draft('B', [], ''), draft('A', [], '')]));
    assert.ok(!sameTerms([draft('A', [], '')], []));
  });
});

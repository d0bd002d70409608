import * as assert from 'node:assert/strict';
import { LineIndex, parseBriefing, type Briefing } from '../../src/core';
import type { BodyStructure } from '../../src/core/body/body';
import { reportWithRecord, type MatchRecord } from '../../src/core/parse/incremental';
import { TermMatcher } from '../../src/core/match/matcher';
import { sameTerms } from '../../src/core/match/termEdits';
import type { EntityDraft } from '../../src/core/model/types';
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
    const bodyText = joinLines('Kim met Putin.', 'Kim Jong Un left.', '');
    const before = `---\nsummary: short\n---\n${bodyText}`;
    const after = `---\nsummary: a longer summary\n---\n${bodyText}`;
    const body = { excluded: [] } as unknown as BodyStructure;
    const record: MatchRecord = {
      text: before,
      own: undefined as never,
      registries: [],
      bodyStart: before.indexOf('Kim'),
      bodyStartLine: 3,
      body,
      matches: Int32Array.from(matchesOf(matcher, before, before.indexOf('Kim'))),
    };
    const reported: number[] = [];
    const from = after.indexOf('Kim');
    const report = (value: number, layer: number, start: number, end: number) => reported.push(value, layer, start, end);
    const reused = reportWithRecord(record, { text: after, lines: new LineIndex(after), from, excluded: [], matchers: [matcher], report });
    assert.equal(reused, true);
    assert.deepEqual(reported, matchesOf(matcher, after, from));
  });

  test("an edit in the front matter of a long briefing moves its body's structure rather than read it again: the same sections, events, sources and marks as a parse from scratch", () => {
    const body = joinLines(
      '# Events',
      '',
      '- 2023-11-13: (S) Kim met Putin [S1]',
      '  and left.',
      '',
      '## Sources',
      '',
      '- [S1] Reuters',
      '',
      '<!-- Kim -->',
      'x'.repeat(70_000),
      '',
    );
    const before = `---\nclassification: UNCLASSIFIED\nactors: [Kim, Putin]\n---\n${body}`;
    const previous = parseBriefing(before, { incremental: true });
    for (const after of [before.replace('UNCLASSIFIED', 'SECRET'), before.replace('actors:', 'title: A longer title\nauthor: Someone\nactors:')]) {
      const moved = parseBriefing(after, { incremental: true, previous });
      const fresh = parseBriefing(after);
      const summary = (model: Briefing) => ({
        sections: model.sections.map((s) => [s.title, s.headingRange.start.line, s.range.endOffset]),
        events: model.events.map((e) => [e.range.startOffset, e.range.endOffset, e.text, e.actors]),
        sources: model.sources.map((s) => [s.id, s.range.startOffset, s.text]),
        citations: model.citations.map((c) => [c.id, c.range.startOffset]),
        mentions: model.mentions.map((m) => m.range.startOffset),
        diagnostics: model.diagnostics.map((d) => `${d.code}@${d.range.startOffset}`),
      });
      assert.deepEqual(summary(moved), summary(fresh));
      assert.equal(moved.mentions.length, 2, 'none in the comment');
    }
  });

  test('same terms: the same names and aliases in the same order, whatever else changed', () => {
    assert.ok(sameTerms([draft('Kim Jong Un', ['Kim'], 'a')], [draft('Kim Jong Un', ['Kim'], 'b')]));
    assert.ok(!sameTerms([draft('Kim Jong Un', ['Kim'], 'a')], [draft('Kim Jong Un', ['Kim', 'Un'], 'a')]));
    assert.ok(!sameTerms([draft('Kim Jong Un', ['Kim'], 'a')], [draft('Kim Jong-un', ['Kim'], 'a')]));
    assert.ok(!sameTerms([draft('A', [], ''), draft('B', [], '')], [draft('B', [], ''), draft('A', [], '')]));
    assert.ok(!sameTerms([draft('A', [], '')], []));
  });
});

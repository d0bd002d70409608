import * as assert from 'node:assert/strict';
import { EventAtLine } from '../../src/core';
import { buildTimeline, collectEvents, isEventAt, type TimelineEvent } from '../../src/core/language/timeline';
import { briefing, parse } from './util';

const A = 'file:///a.briefing';
const B = 'file:///b.briefing';
const aText = briefing(
  ['actors: [Kim, Putin]'],
  '# Events',
  '- 2023-11-13: Kim leaves',
  '  and travels on, a second line',
  '- 2023-11-01: the month begins',
  '  - 2023-11-02: a nested event inside the item above',
  '  - 2023-11-03: another nested one',
  '',
  'Prose between the lists.',
  '',
  '- 2022-12-31: the year before',
  '- not an event',
  '- 2024-01-01..2024-01-05: a range with Putin',
);
const a = parse(aText);
const lineOf = (text: string) => aText.split('\n').indexOf(text);
const b = parse(briefing([], '- 2023-11-13: in another briefing', '- 2021: a year'));
const events = collectEvents([
  { source: A, label: 'a', briefing: a },
  { source: B, label: 'b', briefing: b },
]);

/** As the pictures and the Events view searched before: the first of the list holding the line. */
const byFind = (list: readonly TimelineEvent[], source: string, line: number) => list.find((item) => isEventAt(item, source, line));
const indexOf = (list: readonly TimelineEvent[], source: string) => new EventAtLine(list, (item) => (item.source === source ? item.event.range : undefined));

suite('the event at a line', () => {
  test('answers as a search of the list does, at every line, in document and chronological order, for each briefing', () => {
    const chronological = buildTimeline(events, { order: 'chronological', grouping: 'none' }).shown;
    const reversed = [...events].reverse();
    let found = 0;
    for (const list of [events, chronological, reversed]) {
      for (const source of [A, B]) {
        const index = indexOf(list, source);
        for (let line = -1; line < 20; line++) {
          const expected = byFind(list, source, line);
          assert.equal(index.at(line), expected, `${source} line ${line}`);
          if (expected) found++;
        }
      }
    }
    assert.ok(found > 20, 'the lines of events are found');
  });

  test('a multi-line event is found on each of its lines; prose and a list item without a date are not', () => {
    const index = indexOf(events, A);
    const kim = events.find((item) => item.event.text.startsWith('Kim leaves'))!;
    assert.equal(kim.event.range.end.line, kim.event.range.start.line + 1, 'two lines');
    assert.equal(index.at(kim.event.range.start.line), kim);
    assert.equal(index.at(kim.event.range.end.line), kim);
    const proseLine = lineOf('Prose between the lists.');
    assert.equal(index.at(proseLine), undefined);
    assert.equal(index.at(lineOf('- not an event')), undefined);
  });

  test("a nested event: its own, not its parent item's", () => {
    const index = indexOf(events, A);
    const parentLine = lineOf('- 2023-11-01: the month begins');
    const nestedLine = lineOf('  - 2023-11-02: a nested event inside the item above');
    assert.equal(index.at(parentLine)?.event.text, 'the month begins');
    assert.equal(index.at(nestedLine)?.event.text, 'a nested event inside the item above');
    assert.equal(index.at(nestedLine + 1)?.event.text, 'another nested one');
  });

  test('spans that hold one another: the first of the list holding the line', () => {
    const span = (first: number, last: number) => ({ start: { line: first, character: 0 }, end: { line: last, character: 0 } });
    const spans = [span(10, 20), span(0, 30), span(12, 14), span(25, 26), span(40, 40)];
    const index = new EventAtLine(spans, (item) => item);
    for (let line = -1; line < 45; line++) {
      const expected = spans.find((item) => line >= item.start.line && line <= item.end.line);
      assert.equal(index.at(line), expected, `line ${line}`);
    }
  });

  test('an empty list, and events of another briefing only, find nothing', () => {
    assert.equal(indexOf([], A).at(3), undefined);
    assert.equal(indexOf(events, 'file:///c.briefing').at(3), undefined);
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectEvents, pictureEvents, timelinePicture, type TimelineItem } from '../../src/core';
import { dayAfter, firstClause, firstDay } from '../../src/core/language/timelinePicture';
import { briefing, parse, repoRoot } from './util';

const SOURCE = 'file:///a.briefing';
const model = parse(
  briefing(
    ['actors: [Kim, Putin]', 'places: [Vladivostok, Moscow]'],
    '# Events',
    '- 2023-11-13: Kim leaves Pyongyang, by train #travel',
    '- 2023: the year of the summit #summit',
    '- 2023-11: the month Putin waits; Kim travels #summit',
    '- ~2023-11-13: Putin in Vladivostok, approximately #summit',
    '- 2023-02-30: impossible',
    '- 2023-10-01..2023-12-31: Kim and Putin talk in Moscow - a range',
    '- 2023-12-31: the last day of the year',
    '- 2024-02: a leap month',
  ),
);
const collected = collectEvents([{ source: SOURCE, label: 'a.briefing', briefing: model }]);
const events = pictureEvents(collected);
const byText = (items: readonly TimelineItem[], start: string) => items.find((item) => item.text.startsWith(start))!;

suite("the timeline picture's data (core)", () => {
  test('a day is a point; a month, a year and a range are spans to the day after their last', () => {
    const { items } = timelinePicture(events, 'none');
    const shape = (start: string) => {
      const { kind, start: from, end } = byText(items, start);
      return [kind, from, end];
    };
    assert.deepEqual(shape('Kim leaves'), ['point', '2023-11-13', undefined]);
    assert.deepEqual(shape('the year of'), ['span', '2023-01-01', '2024-01-01']);
    assert.deepEqual(shape('the month'), ['span', '2023-11-01', '2023-12-01']);
    assert.deepEqual(shape('Kim and Putin'), ['span', '2023-10-01', '2024-01-01']);
    assert.deepEqual(shape('a leap month'), ['span', '2024-02-01', '2024-03-01']);
    assert.deepEqual(shape('the last day'), ['point', '2023-12-31', undefined]);
  });

  test('the page reads the days from the date as written: ranges, approximate ends, months and years', () => {
    const days = (line: string) => {
      const [item] = timelinePicture(pictureEvents(collectEvents([{ source: SOURCE, label: 'a', briefing: parse(`- ${line}: x`) }])), 'none').items;
      return [item.kind, item.start, item.end, item.approximate];
    };
    assert.deepEqual(days('~2023-10..~2023-12'), ['span', '2023-10-01', '2024-01-01', true]);
    assert.deepEqual(days('2023-10..~2023-12'), ['span', '2023-10-01', '2024-01-01', true]);
    assert.deepEqual(days('2023-10-30..2023-11-02'), ['span', '2023-10-30', '2023-11-03', false]);
    assert.deepEqual(days('~1999'), ['span', '1999-01-01', '2000-01-01', true]);
    assert.deepEqual(days('~2024-02-29'), ['point', '2024-02-29', undefined, true]);
  });

  test('approximate dates say so in their label and their flag; the date as written is kept', () => {
    const { items } = timelinePicture(events, 'none');
    const approximate = byText(items, 'Putin in');
    assert.equal(approximate.approximate, true);
    assert.equal(approximate.label, '~ Putin in Vladivostok');
    assert.equal(approximate.date, '~2023-11-13');
    assert.equal(byText(items, 'Kim leaves').approximate, false);
  });

  test('invalid dates are left out and counted', () => {
    const data = timelinePicture(events, 'none');
    assert.equal(data.items.length, 7);
    assert.equal(data.invalid, 1);
    assert.ok(!data.items.some((item) => item.text === 'impossible'));
  });

  test('labels: the first clause, without tags, cut with … when long; the tooltip keeps the whole text', () => {
    const { items } = timelinePicture(events, 'none');
    const kim = byText(items, 'Kim leaves');
    assert.equal(kim.label, 'Kim leaves Pyongyang');
    assert.equal(kim.text, 'Kim leaves Pyongyang, by train #travel');
    assert.equal(byText(items, 'the month').label, 'the month Putin waits');
    assert.equal(byText(items, 'Kim and Putin').label, 'Kim and Putin talk in Moscow');
    assert.equal(firstClause('#summit Leaders meet'), 'Leaders meet');
    assert.equal(firstClause('x'.repeat(200)).length, 80);
    assert.ok(firstClause('x'.repeat(200)).endsWith('…'));
    // A clause ends at punctuation before a space, a tab, a line break or the end, or at a spaced dash of any length.
    assert.equal(firstClause('Talks end; a statement follows'), 'Talks end');
    assert.equal(firstClause('Talks end:\tstatement'), 'Talks end');
    assert.equal(firstClause('Talks end?'), 'Talks end');
    assert.equal(firstClause('Talks end – a statement follows'), 'Talks end');
    assert.equal(firstClause('Talks end — a statement follows'), 'Talks end');
    assert.equal(firstClause('Talks end - a statement follows'), 'Talks end');
    assert.equal(firstClause('Talks on U.S. ties at 10:30 end-to-end'), 'Talks on U.S');
    assert.equal(firstClause('A text with no clause end'), 'A text with no clause end');
  });

  test('lanes by actor: an event with two actors is in both lanes, names sorted, events without one last', () => {
    const data = timelinePicture(events, 'actor');
    assert.deepEqual(
      data.lanes.map((lane) => lane.label),
      ['Kim', 'Putin', '(no actor)'],
    );
    assert.deepEqual(byText(data.items, 'Kim and Putin').lanes, ['Kim', 'Putin']);
    assert.deepEqual(byText(data.items, 'the year of').lanes, ['']);
    for (const item of data.items)
      for (const lane of item.lanes)
        assert.ok(
          data.lanes.some((known) => known.id === lane),
          lane,
        );
  });

  test('lanes by place and by tag, as the Events view groups them; one lane for all', () => {
    assert.deepEqual(
      timelinePicture(events, 'place').lanes.map((lane) => lane.label),
      ['Moscow', 'Vladivostok', '(no place)'],
    );
    assert.deepEqual(
      timelinePicture(events, 'tag').lanes.map((lane) => lane.label),
      ['#summit', '#travel', '(no tag)'],
    );
    const all = timelinePicture(events, 'none');
    assert.deepEqual(all.lanes, [{ id: '', label: 'All events' }]);
    assert.ok(all.items.every((item) => item.lanes.length === 1 && item.lanes[0] === ''));
  });

  test('an item goes to its event: its first line, the id the Events view gives it (which names its briefing)', () => {
    const { items } = timelinePicture(events, 'none');
    const kim = byText(items, 'Kim leaves');
    assert.equal(kim.line, 5);
    assert.equal(kim.id, collected.find((event) => event.event.text.startsWith('Kim leaves'))!.id);
    assert.ok(kim.id.startsWith(SOURCE));
  });

  test('text is kept as written: hostile names and text are data for the picture to show as text', () => {
    const name = 'Mallory<svg onload=alert(1)';
    const hostile = parse(briefing(['actors:', `  - name: "${name}"`], `- 2023-01-01: <script>alert(1)</script> meets ${name} & "friends"`));
    const [item] = timelinePicture(pictureEvents(collectEvents([{ source: SOURCE, label: 'h', briefing: hostile }])), 'actor').items;
    assert.equal(item.text, `<script>alert(1)</script> meets ${name} & "friends"`);
    assert.deepEqual(item.actors, [name]);
    assert.deepEqual(item.lanes, [name]);
  });

  test('days around months and years: first day and the day after', () => {
    const point = (text: string) => parse(`- ${text}: x`).events[0].start;
    assert.equal(firstDay(point('1999')), '1999-01-01');
    assert.equal(dayAfter(point('1999')), '2000-01-01');
    assert.equal(dayAfter(point('2023-02')), '2023-03-01');
    assert.equal(dayAfter(point('2023-02-28')), '2023-03-01');
    assert.equal(dayAfter(point('2024-02-28')), '2024-02-29');
    assert.equal(dayAfter(point('0999-12-31')), '1000-01-01');
  });

  test('the sample: every valid event drawn, none left out', () => {
    const sample = parse(fs.readFileSync(path.join(repoRoot, 'samples/vladivostok-summit.briefing'), 'utf8'));
    const data = timelinePicture(pictureEvents(collectEvents([{ source: SOURCE, label: 's', briefing: sample }])), 'actor');
    assert.equal(data.items.length, sample.events.length);
    assert.equal(data.invalid, 0);
  });

  test('the events as a page gets them: plain data that survives a message, and the same picture from it', () => {
    // A webview's message is JSON: nothing in it may be lost on the way (a getter, an undefined key).
    const sent = JSON.parse(JSON.stringify(events));
    assert.deepEqual(sent, events);
    // A message of one briefing leaves its URI out of the ids (the page puts it back).
    const short = pictureEvents(collected, `${SOURCE}#`);
    assert.deepEqual(
      short.map(({ id }) => `${SOURCE}#${id}`),
      events.map(({ id }) => id),
    );
    for (const lanes of ['none', 'actor', 'place', 'tag'] as const) assert.deepEqual(timelinePicture(sent, lanes), timelinePicture(events, lanes), lanes);
  });

  test('the items made before are taken again for the events kept, and made for an event new or edited', () => {
    const made = new WeakMap();
    const first = timelinePicture(events, 'actor', made);
    const edited = { ...events[0], text: 'Kim flies to Vladivostok #travel' };
    const second = timelinePicture([edited, ...events.slice(1)], 'actor', made);
    assert.deepEqual(second, timelinePicture([edited, ...events.slice(1)], 'actor'));
    assert.notEqual(second.items[0], first.items[0]);
    assert.equal(second.items[0].label, 'Kim flies to Vladivostok');
    assert.ok(second.items.slice(1).every((item, index) => item === first.items[index + 1]));
  });
});

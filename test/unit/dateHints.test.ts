import * as assert from 'node:assert/strict';
import { exportEvent } from '../../src/core/language/export';
import { applyEdits } from '../../src/core/language/rename';
import type { Diagnostic } from '../../src/core/model/types';
import { joinLines, parse } from './util';

const hintsOf = (text: string): Diagnostic[] => parse(text).diagnostics.filter((d) => d.code === 'unread-date' || d.code === 'split-range');

/** The item's hint, its fix applied, and the event the fixed text then holds (with no hint left). */
function fixOne(item: string): { message: string; fixed: string; event: ReturnType<typeof exportEvent> } {
  const text = joinLines('# Events', item);
  const [hint, ...more] = hintsOf(text);
  assert.ok(hint, `no hint for ${item}`);
  assert.deepEqual(more, []);
  assert.equal(hint.severity, 'warning');
  assert.ok(hint.fix, `no fix for ${item}: ${hint.message}`);
  const fixed = applyEdits(
    text,
    hint.fix.edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
  );
  const model = parse(fixed);
  assert.deepEqual(hintsOf(fixed), [], fixed);
  assert.equal(model.events.length, 1, fixed);
  return { message: hint.message, fixed: fixed.split('\n')[1], event: exportEvent(model.events[0]) };
}

suite('dates written in other forms', () => {
  test('each form gets a Warning whose fix makes the item the event it was meant to be', () => {
    const cases: [string, string, string, string | null][] = [
      ['- 2023/11/13: slashes', '- 2023-11-13: slashes', '2023-11-13', null],
      ['- 2023.11.13: dots', '- 2023-11-13: dots', '2023-11-13', null],
      ['- 2023-1-5: one-digit month and day', '- 2023-01-05: one-digit month and day', '2023-01-05', null],
      ['- 13.11.2023: the day first, certain as 13 is no month', '- 2023-11-13: the day first, certain as 13 is no month', '2023-11-13', null],
      ['- 11/13/2023: the month first, certain', '- 2023-11-13: the month first, certain', '2023-11-13', null],
      ['- Nov 13, 2023: a month name', '- 2023-11-13: a month name', '2023-11-13', null],
      ['- 5 May 2023 - the day before it', '- 2023-05-05 - the day before it', '2023-05-05', null],
      ['- ~Sept. 2023: approximate', '- ~2023-09: approximate', '2023-09', null],
      ['- November 2023: a whole month', '- 2023-11: a whole month', '2023-11', null],
      ['- 2023-11-13T10:00: an ISO time', '- 2023-11-13: 10:00 an ISO time', '2023-11-13', null],
      ['- 2023-11-13 09:15 +09:00 - a time and zone', '- 2023-11-13 - 09:15 +09:00 a time and zone', '2023-11-13', null],
      ['- 2023-W46: an ISO week', '- 2023-11-13..2023-11-19: an ISO week', '2023-11-13', '2023-11-19'],
      ['- 2020-W53: the 53rd week', '- 2020-12-28..2021-01-03: the 53rd week', '2020-12-28', '2021-01-03'],
      // Years below 1000 keep their four digits, and below 100 are not taken for 19xx.
      ['- 0050-W01: a week of year 50', '- 0050-01-03..0050-01-09: a week of year 50', '0050-01-03', '0050-01-09'],
      ['- 0100 to 1900: an early range', '- 0100..1900: an early range', '0100', '1900'],
      ['- 5 May 0800: an early day', '- 0800-05-05: an early day', '0800-05-05', null],
      ['- 2023-W46-3: a day of a week', '- 2023-11-15: a day of a week', '2023-11-15', null],
      ['- 2023-Q4: a quarter', '- 2023-10..2023-12: a quarter', '2023-10', '2023-12'],
      ['- Q1 2024: a quarter, written after', '- 2024-01..2024-03: a quarter, written after', '2024-01', '2024-03'],
      ['- H2 2024: a half', '- 2024-07..2024-12: a half', '2024-07', '2024-12'],
      ['- 2023-11-13 to 2023-11-15: to', '- 2023-11-13..2023-11-15: to', '2023-11-13', '2023-11-15'],
      ['- 2023-11-13/2023-11-15: an ISO interval', '- 2023-11-13..2023-11-15: an ISO interval', '2023-11-13', '2023-11-15'],
      ['- ~2023 .. ~2024: spaces around the dots', '- ~2023..~2024: spaces around the dots', '2023', '2024'],
      ['- 1945-1991: years joined by a hyphen', '- 1945..1991: years joined by a hyphen', '1945', '1991'],
      ['- 2023/11/14 – 2023/11/30: both ends in another form', '- 2023-11-14..2023-11-30: both ends in another form', '2023-11-14', '2023-11-30'],
    ];
    for (const [item, fixedItem, date, end] of cases) {
      const { fixed, event } = fixOne(item);
      assert.equal(fixed, fixedItem);
      assert.deepEqual([event.date, event.end], [date, end], item);
    }
  });

  test('the message says the item is no event and what to write', () => {
    assert.equal(fixOne('- 2023/11/13: x').message, "'2023/11/13' is not a date this extension reads, so this item is not an event: write 2023-11-13");
    assert.equal(
      fixOne('- 2023-11-13T10:00: x').message,
      "'2023-11-13T10:00' is not a date this extension reads, so this item is not an event: write 2023-11-13 and put the time in the event's text",
    );
  });

  test('an event on one date whose text starts with another: a Warning whose fix makes the range', () => {
    const { message, fixed, event } = fixOne('- 2023-11-14 – 2023-11-30: the expected window');
    assert.equal(message, 'This event is dated 2023-11-14 and its text starts with 2023-11-30: for a range, write 2023-11-14..2023-11-30');
    assert.equal(fixed, '- 2023-11-14..2023-11-30: the expected window');
    assert.deepEqual([event.date, event.end, event.text], ['2023-11-14', '2023-11-30', 'the expected window']);
  });

  test('without a certain rewrite: the Warning says what to write, and offers no fix', () => {
    const cases: [string, string][] = [
      [
        '- 03/04/2023: either way',
        "'03/04/2023' is not a date this extension reads, so this item is not an event: write it as YYYY-MM-DD: 2023-04-03 if the day comes first, 2023-03-04 if the month does",
      ],
      [
        '- 2023/13/45: no such month',
        "'2023/13/45' is not a date this extension reads, so this item is not an event: write YYYY, YYYY-MM or YYYY-MM-DD, with ~ for approximate and A..B for a range",
      ],
      [
        '- 2021-W53: no such week',
        "'2021-W53' is not a date this extension reads, so this item is not an event: 2021 has no week 53; write YYYY, YYYY-MM or YYYY-MM-DD, with ~ for approximate and A..B for a range",
      ],
    ];
    for (const [item, message] of cases) {
      const hints = hintsOf(joinLines('# Events', item));
      assert.deepEqual(
        hints.map((d) => [d.message, d.fix, d.range.start.character, d.range.end.character]),
        [[message, undefined, 2, item.indexOf(':')]],
      );
    }
  });

  test('items that are events, or not meant as events, get no hint', () => {
    const text = joinLines(
      '# Events',
      '- 2023-11-13: an event',
      '- ~2023-11..2024 – an approximate range',
      '- 2023-11-13: 2023-11-30 is the deadline',
      '- 2023-11-13 - 2023 budget talks',
      '- 2023 was a hard year',
      '- 2023-11-13 the day',
      '- 1990s: a decade',
      '- 10:30: a time alone',
      '- Summary 2023: a word that is no month',
      '- March 2023 saw talks',
      '- May: no year',
      '```',
      '- 2023/11/13: in fenced code',
      '```',
      'Nov 13, 2023: not a list item',
    );
    assert.deepEqual(
      hintsOf(text).map((d) => d.message),
      [],
    );
  });
});

import * as assert from 'node:assert/strict';
import { appliedDays, eventsMeeting, keptInWindow, parseWindow, windowDays, windowText, windowTitle, type EventDays } from '../../src/core';

// Three events: November 2023 (a month), 13 September 2023 (a day), and one without a real date.
const DAYS: EventDays[] = [['2023-11-01', '2023-12-01'], ['2023-09-13', '2023-09-14'], null];
const NOVEMBER = { start: Date.UTC(2023, 10, 1), end: Date.UTC(2023, 10, 30, 23) };

suite("the timeline's window, as the chart and the map keep to it", () => {
  test('a window meets the days it starts and ends on, whole', () => {
    assert.deepEqual(windowDays(NOVEMBER), ['2023-11-01', '2023-12-01']);
    assert.deepEqual(windowDays({ start: Date.UTC(2023, 8, 13, 18), end: Date.UTC(2023, 8, 13, 19) }), ['2023-09-13', '2023-09-14']);
  });

  test('an event meets a window it overlaps by a day; one without a real date meets none', () => {
    assert.deepEqual(eventsMeeting(DAYS, windowDays(NOVEMBER)), [true, false, false]);
    assert.deepEqual(eventsMeeting(DAYS, ['2023-09-13', '2023-09-14']), [false, true, false]);
    assert.deepEqual(eventsMeeting(DAYS, ['2023-12-01', '2024-01-01']), [false, false, false], 'the day after the month is outside it');
    assert.deepEqual(eventsMeeting(DAYS, ['1900-01-01', '2100-01-01']), [true, true, false]);
  });

  test('an entity is kept if one of its events meets the window, or with "undated" if none of its events is dated', () => {
    const meeting = eventsMeeting(DAYS, windowDays(NOVEMBER));
    assert.equal(keptInWindow([0, 1], meeting, DAYS, false), true);
    assert.equal(keptInWindow([1], meeting, DAYS, true), false, 'dated, outside the window: out, undated or not');
    assert.equal(keptInWindow([2], meeting, DAYS, false), false);
    assert.equal(keptInWindow([2], meeting, DAYS, true), true);
    assert.equal(keptInWindow([], meeting, DAYS, true), true, 'no event at all: undated');
    assert.equal(keptInWindow([1, 2], meeting, DAYS, true), false, 'one dated event outside the window: it is dated');
  });

  test('the pictures keep to the window only when asked and while the timeline is open; their titles say so', () => {
    assert.equal(appliedDays({ window: NOVEMBER, applied: false, undated: false }), undefined);
    assert.equal(appliedDays({ window: undefined, applied: true, undated: false }), undefined);
    assert.deepEqual(appliedDays({ window: NOVEMBER, applied: true, undated: false }), ['2023-11-01', '2023-12-01']);
    assert.equal(windowTitle({ window: NOVEMBER, applied: true, undated: false }), ' · 2023-11-01 to 2023-11-30');
    assert.equal(windowTitle({ window: NOVEMBER, applied: true, undated: true }), ' · 2023-11-01 to 2023-11-30 and undated');
    assert.equal(windowTitle({ window: NOVEMBER, applied: false, undated: true }), '');
  });
});

suite('a window written by hand (Briefing: Set Timeline Window)', () => {
  test('as an event date: a year, a month, a day, a range; from its first day to the end of its last', () => {
    assert.deepEqual(parseWindow('2023-11'), { start: Date.UTC(2023, 10, 1), end: Date.UTC(2023, 11, 1) - 1 });
    assert.deepEqual(parseWindow(' 2023 '), { start: Date.UTC(2023, 0, 1), end: Date.UTC(2024, 0, 1) - 1 });
    assert.deepEqual(parseWindow('2023-09-13'), { start: Date.UTC(2023, 8, 13), end: Date.UTC(2023, 8, 14) - 1 });
    assert.deepEqual(parseWindow('2023-11-01 .. 2023-12'), { start: Date.UTC(2023, 10, 1), end: Date.UTC(2024, 0, 1) - 1 });
    assert.deepEqual(windowDays(parseWindow('2023-11')!), ['2023-11-01', '2023-12-01']);
    assert.equal(windowText(parseWindow('2023-11')!, true), '2023-11-01..2023-11-30');
  });

  test('anything else is no window', () => {
    for (const text of ['', 'November', '2023-13', '2023-02-30', '~2023-11', '2023-12..2023-11', '2023-11..', '2023-11 and more', '23-11'])
      assert.equal(parseWindow(text), undefined, text);
  });
});

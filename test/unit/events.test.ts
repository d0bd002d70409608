import * as assert from 'node:assert/strict';
import { exportEvent } from '../../src/core/language/export';
import { briefing, KIM_AND_PUTIN, parse } from './util';

const events = (...body: string[]) => parse(briefing(KIM_AND_PUTIN, ...body)).events.map(exportEvent);
const bodyLine = KIM_AND_PUTIN.length + 3; // the first body line, 1-based

suite('events', () => {
  test('the four date forms and both separators', () => {
    const result = events(
      '- 2023: year',
      '- 2023-11: month',
      '- 2023-11-13: day',
      '- ~2023-11 - approximate, hyphen',
      '- 2023-11-13..2023-11-20 – range, en dash',
      '- ~2023..~2024 — approximate range, em dash',
    );
    assert.deepEqual(
      result.map((e) => [e.date, e.end, e.precision, e.approximate, e.text]),
      [
        ['2023', null, 'year', false, 'year'],
        ['2023-11', null, 'month', false, 'month'],
        ['2023-11-13', null, 'day', false, 'day'],
        ['2023-11', null, 'month', true, 'approximate, hyphen'],
        ['2023-11-13', '2023-11-20', 'day', false, 'range, en dash'],
        ['2023', '2024', 'year', true, 'approximate range, em dash'],
      ],
    );
    assert.deepEqual(
      result.map((e) => e.line),
      [0, 1, 2, 3, 4, 5].map((i) => bodyLine + i),
    );
  });

  test('every list marker, any indentation', () => {
    const result = events('* 2023: star', '+ 2023: plus', '1. 2023: ordered', '    - 2023: indented', '\t- 2023: tab', '10) 2023: paren');
    assert.deepEqual(
      result.map((e) => e.text),
      ['star', 'plus', 'ordered', 'indented', 'tab', 'paren'],
    );
  });

  test('a number without a separator is not an event', () => {
    assert.deepEqual(
      events(
        '- 2023 was a hard year',
        '- 2023-11-13 the day',
        '- 2023-1-5: short month',
        '- 20231: five digits',
        '- 2023-11-13-x: x',
        '2023: not a list item',
        '-2023: no space',
        '- 2023..x: no second point',
        '- 2023..20: a short second year',
      ),
      [],
    );
  });

  test('a dash must have spaces on both sides', () => {
    assert.deepEqual(events('- 2023 -text', '- 2023- text').length, 0);
    assert.deepEqual(
      events('- 2023 -').map((e) => e.text),
      [''],
    );
  });

  test('continuation lines join with single spaces; a blank line or a new item ends them; a lazy line is one of them, as in CommonMark', () => {
    const result = events(
      '- 2023-11-13: Kim arrives',
      '  in    Vladivostok',
      '    by train',
      '  - 2023-11-14: nested item',
      '    more of the nested',
      'not indented',
      '- 2023-11-15: last',
      '',
      '  after a blank line',
    );
    assert.deepEqual(
      result.map((e) => e.text),
      ['Kim arrives in    Vladivostok by train', 'nested item more of the nested not indented', 'last'],
    );
  });

  test('tags, actors and places come from the whole text, in order, without repeats', () => {
    const [event] = events('- 2023-11-13: Putin hosts Kim in Vladivostok #summit #arms', '  Kim Jong Un and Putin again #summit `#code` a#b #2023 http://x.org/#frag');
    assert.deepEqual([event.actors, event.places, event.tags], [['Vladimir Putin', 'Kim Jong Un'], ['Vladivostok'], ['summit', 'arms']]);
  });

  test('an impossible date is an Error and the item is still an event', () => {
    const model = parse(briefing(KIM_AND_PUTIN, '- 2023-02-30: no such day', '- 2024-02-29: leap day', '- 2023-13: no such month', '- 1900-02-29: not leap'));
    assert.equal(model.events.length, 4);
    assert.deepEqual(
      model.diagnostics.map((d) => [d.severity, d.range.start.line + 1, d.range.start.character + 1, d.range.end.character + 1]),
      [
        ['error', bodyLine, 3, 13],
        ['error', bodyLine + 2, 3, 10],
        ['error', bodyLine + 3, 3, 13],
      ],
    );
    assert.deepEqual(
      model.events.map((e) => e.valid),
      [false, true, false, false],
    );
  });

  test('a range that ends before it starts is an Error', () => {
    const model = parse(briefing([], '- 2023-11-20..2023-11-13: reversed', '- 2023-11..2023: containing year is fine', '- 2023-11-05..2023-11-05: same day'));
    assert.deepEqual(
      model.diagnostics.map((d) => [d.code, d.range.start.line]),
      [['reversed-range', 2]],
    );
    assert.equal(model.events.length, 3);
  });

  test('no events inside fenced code', () => {
    assert.deepEqual(events('```', '- 2023: in code', '```'), []);
  });

  test('events know their section and their ranges', () => {
    const model = parse(briefing([], '# A', '## Events', '- 2023-11-13: x', '  y'));
    const event = model.events[0];
    assert.equal(model.sections[event.sectionIndex!].title, 'Events');
    assert.deepEqual(
      [event.range.start, event.range.end],
      [
        { line: 4, character: 0 },
        { line: 5, character: 3 },
      ],
    );
    assert.deepEqual([event.dateRange.start.character, event.dateRange.end.character], [2, 12]);
    assert.deepEqual(event.textRange.start, { line: 4, character: 14 });
  });

  test('actors, places and tags come once each, in order of first mention', () => {
    const [event] = parse(briefing(KIM_AND_PUTIN, '- 2023-09-13: Kim, Putin, Kim and Putin in Vladivostok, Vladivostok #summit #arms #summit #arms- #arms--')).events;
    assert.deepEqual([event.actors, event.places, event.tags], [['Kim Jong Un', 'Vladimir Putin'], ['Vladivostok'], ['summit', 'arms']]);
    // Lists are values shared between events: nobody may change them.
    assert.throws(() => (event.places as string[]).push('Moscow'));
  });

  test('a range whose second point is approximate, and the same date on many events', () => {
    const model = parse(briefing(KIM_AND_PUTIN, '- 2023-11..~2024-02: winter', '- 2023-11: first', '- 2023-11: second'));
    assert.deepEqual(
      model.events.map((e) => [e.start.text, e.end?.text, e.end?.approximate, e.approximate]),
      [
        ['2023-11', '2024-02', true, true],
        ['2023-11', undefined, undefined, false],
        ['2023-11', undefined, undefined, false],
      ],
    );
    assert.ok(Object.isFrozen(model.events[1].start), 'a date point is a shared value');
  });
});

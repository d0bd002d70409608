import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { csvCell, eventsToCsv, eventsToJson, exportBriefing, exportEvent, timelineEventsAs } from '../../src/core';
import { collectEvents } from '../../src/core/language/timeline';
import { briefing, parse, repoRoot } from './util';

const samplePath = path.join(repoRoot, 'samples/vladivostok-summit.briefing');
const goldenPath = path.join(repoRoot, 'test/unit/fixtures/vladivostok-summit.export.json');

suite('export', () => {
  test('the sample exports exactly as the golden file (UPDATE_GOLDEN=1 rewrites it)', () => {
    const actual = exportBriefing(parse(fs.readFileSync(samplePath, 'utf8')));
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(goldenPath, `${JSON.stringify(actual, null, 2)}\n`);
    assert.deepEqual(actual, JSON.parse(fs.readFileSync(goldenPath, 'utf8')));
  });

  test('the sample registers every entity it mentions and has dated events with actors and places', () => {
    const model = exportBriefing(parse(fs.readFileSync(samplePath, 'utf8')));
    assert.deepEqual(model.diagnostics, []);
    assert.ok(
      model.entities.every((entity) => entity.mentions.length > 0),
      'every entity is mentioned',
    );
    assert.ok(model.events.length >= 4);
    assert.ok(model.events.some((event) => event.actors.length > 0 && event.places.length > 0));
  });

  test('the JSON shape of DESIGN §2, 1-based', () => {
    const model = exportBriefing(parse(briefing(['title: T', 'actors:', '  - name: Kim', '    type: person'], 'Kim', '- 2023-11-13: Kim #t', '- 2023-02-30: bad')));
    assert.deepEqual(model, {
      title: 'T',
      date: null,
      classification: null,
      tlp: null,
      entities: [
        {
          name: 'Kim',
          kind: 'actor',
          type: 'person',
          aliases: [],
          role: null,
          affiliation: null,
          country: null,
          coordinates: null,
          summary: null,
          links: [],
          relations: [],
          mentions: [
            { line: 7, column: 1, text: 'Kim' },
            { line: 8, column: 15, text: 'Kim' },
          ],
        },
      ],
      events: [
        { date: '2023-11-13', end: null, precision: 'day', approximate: false, text: 'Kim #t', line: 8, actors: ['Kim'], places: [], tags: ['t'] },
        { date: '2023-02-30', end: null, precision: 'day', approximate: false, text: 'bad', line: 9, actors: [], places: [], tags: [] },
      ],
      diagnostics: [{ line: 9, column: 3, severity: 'error', message: 'Impossible date 2023-02-30: no such day or month' }],
    });
  });

  test('an empty file is an empty model', () => {
    assert.deepEqual(exportBriefing(parse('')), { title: null, date: null, classification: null, tlp: null, entities: [], events: [], diagnostics: [] });
  });

  test('CSV: one row per event, quoted as RFC 4180 says', () => {
    const model = parse(briefing(['actors: [Kim, Putin]'], '- ~2023-11..2023-12: Kim, Putin say "hi" #a #b'));
    assert.equal(
      eventsToCsv(model.events),
      ['date,end,precision,approximate,text,line,actors,places,tags', '2023-11,2023-12,month,true,"Kim, Putin say ""hi"" #a #b",4,Kim; Putin,,a; b', ''].join('\r\n'),
    );
  });

  test('CSV cells that a spreadsheet would run as formulas stay text', () => {
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('plain'), 'plain');
  });
});

suite('events export (the Events view)', () => {
  const model = parse(briefing(['actors: [Kim]'], '- 2023-11-13: Kim #t', '- 2024: later'));

  test('CSV with a file column', () => {
    assert.equal(
      eventsToCsv(model.events, ['a.briefing', 'b.briefing']),
      ['date,end,precision,approximate,text,line,actors,places,tags,file', '2023-11-13,,day,false,Kim #t,4,Kim,,t,a.briefing', '2024,,year,false,later,5,,,,b.briefing', ''].join(
        '\r\n',
      ),
    );
  });

  test("JSON: the export's event objects, with the file when given", () => {
    const events = JSON.parse(eventsToJson(model.events, ['a.briefing', 'b.briefing']));
    assert.deepEqual(events[0], {
      date: '2023-11-13',
      end: null,
      precision: 'day',
      approximate: false,
      text: 'Kim #t',
      line: 4,
      actors: ['Kim'],
      places: [],
      tags: ['t'],
      file: 'a.briefing',
    });
    assert.deepEqual(Object.keys(JSON.parse(eventsToJson(model.events))[1]), ['date', 'end', 'precision', 'approximate', 'text', 'line', 'actors', 'places', 'tags']);
  });

  test('JSON: written element by element, the bytes JSON.stringify writes for the whole array (strings of every kind, lists empty or not)', () => {
    const text = briefing(
      [],
      [
        '- 2023-11-13: Kim "quoted" \\ back\u0007slash, tab\there, é, 😀, \u2028 #t #u',
        '- ~2023-11..2023-12: Kim and nobody',
        '- 2023: nothing at all',
        '- 2023-02-30: impossible </script>',
      ].join('\n'),
    );
    const events = parse(text).events;
    assert.equal(events.length, 4);
    const files = ['a.briefing', 'dir/"b".briefing', 'c\\d.briefing', 'é.briefing'];
    assert.equal(
      eventsToJson(events, files),
      `${JSON.stringify(
        events.map((event, index) => ({ ...exportEvent(event), file: files[index] })),
        null,
        2,
      )}\n`,
    );
    assert.equal(eventsToJson(events), `${JSON.stringify(events.map(exportEvent), null, 2)}\n`);
    assert.equal(eventsToJson([]), '[]\n');
  });

  test("timeline events (the view's, the command line's): each with its file only when asked", () => {
    const other = parse(briefing([], '- 2023-12: other'));
    const items = collectEvents([
      { source: 'a.briefing', label: 'a', briefing: model },
      { source: 'b.briefing', label: 'b', briefing: other },
    ]);
    const all = [...model.events, ...other.events];
    assert.equal(timelineEventsAs('csv', items, true), eventsToCsv(all, ['a.briefing', 'a.briefing', 'b.briefing']));
    assert.equal(timelineEventsAs('json', items, true), eventsToJson(all, ['a.briefing', 'a.briefing', 'b.briefing']));
    assert.equal(timelineEventsAs('csv', items, false), eventsToCsv(all));
  });
});

import * as assert from 'node:assert/strict';
import { parseRegistry } from '../../src/core';
import { changedInActorsView, orderedEntities, sameInActorsView } from '../../src/core/language/actorRows';
import { hasEvents, mentionCount } from '../../src/core/language/lookup';
import {
  buildTimeline,
  collectEvents,
  eventById,
  isEventAt,
  sameRows,
  sameTimeline,
  eventRowLabel,
  sortChronologically,
  type TimelineEvent,
} from '../../src/core/language/timeline';
import { briefing, parse } from './util';

const model = parse(
  briefing(
    ['actors: [Kim, Putin]', 'places: [Vladivostok]'],
    '# Background',
    '- 2023-11-13: Kim leaves #travel',
    '- 2023: the year #summary',
    '- 2023-11: the month, Putin #summit',
    '# Events',
    '- ~2023-11-13: Putin in Vladivostok, approximately #summit',
    '- 2023-02-30: impossible',
    '- 2023-10-01..2023-10-05: a range with Kim',
    '- 2022-12-31: the year before',
  ),
);
const events = collectEvents([{ source: 'file:///a.briefing', label: 'a.briefing', briefing: model }]);
const texts = (items: readonly TimelineEvent[] | undefined) => (items ?? []).map((item) => item.event.text.split(' ').slice(0, 2).join(' '));

suite('timeline', () => {
  test('a list in document order and the same list in any other order sort alike: by date, ties in document order, invalid dates last', () => {
    const days = ['2023-11-13', '2023', '2023-11', '~2023-11-13', '2023-02-30', '2023-10-01..2023-10-05', '2022-12-31', '2023-11-13', 'x'];
    const many = parse(briefing(['actors: [Kim]'], ...Array.from({ length: 60 }, (_, index) => `- ${days[(index * 7) % 8]}: event ${index}`), '- 2023-13-01: impossible too'));
    const inOrder = collectEvents([{ source: 'file:///b.briefing', label: 'b', briefing: many }]);
    const expected = [...inOrder].sort((a, b) => {
      const key = (item: TimelineEvent) => (item.event.valid ? item.event.start.year * 13 * 32 + (item.event.start.month ?? 0) * 32 + (item.event.start.day ?? 0) : Infinity);
      return key(a) - key(b) || a.ordinal - b.ordinal;
    });
    assert.deepEqual(sortChronologically(inOrder), expected);
    const shuffled = inOrder.map((_, index) => inOrder[(index * 37) % inOrder.length]);
    assert.equal(new Set(shuffled).size, inOrder.length);
    assert.deepEqual(sortChronologically(shuffled), expected);
    assert.equal(expected.at(-1)!.event.text, 'impossible too');
  });

  test('the event at a line: its own lines in its own briefing, no other', () => {
    const kim = events.find((item) => item.event.text.startsWith('Kim leaves'))!;
    const line = kim.event.range.start.line;
    assert.ok(isEventAt(kim, 'file:///a.briefing', line));
    assert.ok(!isEventAt(kim, 'file:///a.briefing', line + 1));
    assert.ok(!isEventAt(kim, 'file:///a.briefing', line - 1));
    assert.ok(!isEventAt(kim, 'file:///b.briefing', line));
    assert.deepEqual(
      events.filter((item) => isEventAt(item, 'file:///a.briefing', line)),
      [kim],
    );
  });

  test('chronological: a year or month before the days inside it, approximate with exact peers, invalid last', () => {
    const timeline = buildTimeline(events, { order: 'chronological', grouping: 'none' });
    assert.deepEqual(texts(timeline.events), ['the year', 'the year', 'a range', 'the month,', 'Kim leaves', 'Putin in', 'impossible']);
    assert.deepEqual(timeline.events!.map((e) => e.event.start.text).slice(0, 2), ['2022-12-31', '2023']);
  });

  test('document order', () => {
    assert.deepEqual(texts(buildTimeline(events, { order: 'document', grouping: 'none' }).events), [
      'Kim leaves',
      'the year',
      'the month,',
      'Putin in',
      'impossible',
      'a range',
      'the year',
    ]);
  });

  test('group by month, in chronological order; invalid dates in their own group', () => {
    const { groups } = buildTimeline(events, { order: 'chronological', grouping: 'month' });
    assert.deepEqual(
      groups!.map((g) => [g.label, g.events.length]),
      [
        ['2022-12', 1],
        ['2023', 1],
        ['2023-10', 1],
        ['2023-11', 3],
        ['Invalid dates', 1],
      ],
    );
  });

  test('group by actor: an event under each of its actors, "(no actor)" last', () => {
    const { groups, count } = buildTimeline(events, { order: 'chronological', grouping: 'actor' });
    assert.deepEqual(
      groups!.map((g) => [g.label, texts(g.events)]),
      [
        ['Kim', ['a range', 'Kim leaves']],
        ['Putin', ['the month,', 'Putin in']],
        ['(no actor)', ['the year', 'the year', 'impossible']],
      ],
    );
    assert.equal(count, 7);
  });

  test('group by place, tag and section', () => {
    assert.deepEqual(
      buildTimeline(events, { order: 'document', grouping: 'place' }).groups!.map((g) => g.label),
      ['Vladivostok', '(no place)'],
    );
    assert.deepEqual(
      buildTimeline(events, { order: 'document', grouping: 'tag' }).groups!.map((g) => g.label),
      ['#summary', '#summit', '#travel', '(no tag)'],
    );
    assert.deepEqual(
      buildTimeline(events, { order: 'document', grouping: 'section' }).groups!.map((g) => [g.label, g.events.length]),
      [
        ['Background', 3],
        ['Events', 4],
      ],
    );
  });

  test('filters by text, actor or tag', () => {
    assert.deepEqual(texts(buildTimeline(events, { order: 'document', grouping: 'none', filter: { text: 'VLADIVOSTOK' } }).events), ['Putin in']);
    assert.deepEqual(texts(buildTimeline(events, { order: 'document', grouping: 'none', filter: { actor: 'Kim' } }).events), ['Kim leaves', 'a range']);
    const tagged = buildTimeline(events, { order: 'document', grouping: 'none', filter: { tag: 'summit' } });
    assert.deepEqual([texts(tagged.events), tagged.count, tagged.total], [['the month,', 'Putin in'], 2, 7]);
  });

  test('the events a picture draws: those the filter keeps, each once however the view groups them', () => {
    const byActor = buildTimeline(events, { order: 'document', grouping: 'actor', filter: { text: 'kim' } });
    const inRows = new Set(byActor.groups!.flatMap((group) => group.events));
    assert.equal(byActor.shown.length, byActor.count);
    assert.deepEqual(new Set(byActor.shown), inRows);
    assert.deepEqual(texts(buildTimeline(events, { order: 'document', grouping: 'none', filter: { actor: 'Kim' } }).shown), ['Kim leaves', 'a range']);
  });

  test('ids are unique, and stable when lines move', () => {
    const ids = events.map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length);
    const shifted = parse(briefing(['actors: [Kim, Putin]', 'places: [Vladivostok]'], 'A new first line', '', ...model.lines.text.split('\n').slice(5)));
    const again = collectEvents([{ source: 'file:///a.briefing', label: 'a.briefing', briefing: shifted }]).map((e) => e.id);
    assert.deepEqual(again, ids);
  });

  test('grouped ids are unique within the tree', () => {
    const { groups } = buildTimeline(events, { order: 'document', grouping: 'actor' });
    assert.equal(new Set(groups!.map((g) => g.id)).size, groups!.length);
  });

  test("a row holds the event's whole text on one line, without tags, and the file before it when asked", () => {
    const [first] = collectEvents([{ source: 'a', label: 'a.briefing', briefing: parse(briefing([], '- 2019-02-27: Second summit, Hanoi:\n  talks end early #summit #hanoi')) }]);
    assert.equal(eventRowLabel(first.event), '2019-02-27  Second summit, Hanoi: talks end early');
    assert.equal(eventRowLabel(first.event, 'hanoi.briefing'), '2019-02-27  hanoi · Second summit, Hanoi: talks end early');
    const [long] = collectEvents([{ source: 'a', label: 'a.briefing', briefing: parse(briefing([], `- 2019: ${'word '.repeat(100)}`)) }]);
    assert.equal(eventRowLabel(long.event).length, '2019  '.length + 300);
    assert.match(eventRowLabel(long.event), /…$/);
  });
});

suite('what the views show: the same after an edit, or not', () => {
  const front = ['actors:', '  - name: Kim', '    role: Leader', '  - name: Putin', 'places: [Vladivostok]'];
  const body = ['Prose about Kim.', '', '- 2023-11-13: Kim leaves for Vladivostok #travel', '- 2023-11-14: Putin waits'];
  const text = briefing(front, ...body);
  const timelineOf = (source: string, options: { grouping?: 'none' | 'actor' } = {}) =>
    buildTimeline(collectEvents([{ source: 'file:///a.briefing', label: 'a.briefing', briefing: parse(source) }]), {
      order: 'chronological',
      grouping: options.grouping ?? 'none',
    });
  const edited = (from: string, to: string) => {
    assert.ok(text.includes(from), from);
    return text.replace(from, to);
  };

  test('prose typed outside any event, with no name, leaves the timeline and the Actors view as they were', () => {
    const typed = edited('Prose about Kim.', 'Prose about Kim, typed on.');
    assert.ok(sameTimeline(timelineOf(text), timelineOf(typed)));
    assert.ok(sameTimeline(timelineOf(text, { grouping: 'actor' }), timelineOf(typed, { grouping: 'actor' })));
    assert.ok(sameInActorsView(parse(text), parse(typed), all));
  });

  test('a line added above the events moves them, and changes no row: a row finds its line when clicked', () => {
    const moved = edited('Prose about Kim.', 'Prose about Kim.\n\nMore prose.\n');
    assert.ok(sameTimeline(timelineOf(text), timelineOf(moved)));
    assert.ok(sameTimeline(timelineOf(text, { grouping: 'actor' }), timelineOf(moved, { grouping: 'actor' })));
    assert.ok(sameInActorsView(parse(text), parse(moved), all));
    const [before] = timelineOf(text).events!;
    const event = eventById(parse(moved), before.source, before.id);
    assert.equal(event?.text, 'Kim leaves for Vladivostok #travel');
    assert.equal(event.range.start.line, before.event.range.start.line + 3, 'its line now, three lines down');
  });

  test('eventById tells repeated events apart, and finds no event that is gone', () => {
    const repeated = edited('- 2023-11-14: Putin waits', '- 2023-11-14: Putin waits\n- 2023-11-14: Putin waits');
    const items = timelineOf(repeated, {}).events!.filter((item) => item.event.text === 'Putin waits');
    assert.equal(items.length, 2);
    const lines = items.map((item) => eventById(parse(repeated), item.source, item.id)?.range.start.line);
    assert.deepEqual(
      lines,
      items.map((item) => item.event.range.start.line),
    );
    assert.notEqual(lines[0], lines[1]);
    assert.equal(eventById(parse(edited('Putin waits', 'Putin left')), items[0].source, items[0].id)?.text, 'Putin left', 'its text edited, the event of that date');
    assert.equal(eventById(parse(edited('2023-11-14', '2023-11-15')), items[0].source, items[0].id), undefined, 'its date changed');
    assert.equal(eventById(parse(repeated), 'file:///other.briefing', items[0].id), undefined, 'the id holds its file');
  });

  // Whether the Actors view shows an entity's events (expanded): all of them, or none.
  const all = () => true;
  const none = () => false;
  // Each edit, whether it changes the events under an entity (shown when it is expanded), and
  // whether the rows stay (the same events by id: then only the edited row is sent).
  const changes: [string, string, string, boolean, boolean][] = [
    ["an event's text", 'Kim leaves for', 'Kim leaves soon for', true, true],
    ["an event's text past its first 60 characters", 'Putin waits', `Putin waits${' and waits'.repeat(8)}.`, true, true],
    ["an event's date", '2023-11-14', '2023-11-15', true, false],
    ['an approximate date', '2023-11-14', '~2023-11-14', true, true],
    ["an event's tag", '#travel', '#trip', true, true],
    ['a new event without actors or places', '- 2023-11-14: Putin waits', '- 2023-11-14: Putin waits\n- 2023-11-15: talks', false, false],
    ['a date made invalid', '2023-11-14', '2023-02-30', true, false],
  ];
  for (const [what, from, to, underAnEntity, rowsStay] of changes) {
    test(`the timeline changes with ${what}`, () => {
      assert.ok(!sameTimeline(timelineOf(text), timelineOf(edited(from, to))));
      assert.equal(sameRows(timelineOf(text), timelineOf(edited(from, to))), rowsStay, 'the same rows');
      assert.equal(sameInActorsView(parse(text), parse(edited(from, to)), all), !underAnEntity, 'the entities expanded, their events shown');
      assert.ok(sameInActorsView(parse(text), parse(edited(from, to)), none), 'the entities collapsed: the same names, counts and definitions');
    });
  }

  test('an actor added to an event changes the Actors view, collapsed or not: a mention more', () => {
    const added = edited('Putin waits', 'Putin and Kim wait');
    assert.ok(!sameTimeline(timelineOf(text), timelineOf(added)));
    assert.ok(sameRows(timelineOf(text), timelineOf(added)), 'ungrouped, the same rows');
    assert.ok(!sameRows(timelineOf(text, { grouping: 'actor' }), timelineOf(added, { grouping: 'actor' })), 'grouped by actor, a row more under Kim');
    assert.ok(!sameInActorsView(parse(text), parse(added), none));
  });

  test("only an expanded entity's events count: an edit of Putin's event changes nothing while Putin is collapsed", () => {
    const edit = edited('Putin waits', 'Putin waits long');
    const putinExpanded = (entity: { name: string }) => entity.name === 'Putin';
    const kimExpanded = (entity: { name: string }) => entity.name === 'Kim';
    assert.ok(!sameInActorsView(parse(text), parse(edit), putinExpanded));
    assert.ok(sameInActorsView(parse(text), parse(edit), kimExpanded));
  });

  const entityChanges: [string, string, string][] = [
    ['a role', 'role: Leader', 'role: Chairman'],
    ['a new mention', 'Prose about Kim.', 'Prose about Kim and Putin.'],
    ['a new entity', 'places: [Vladivostok]', 'places: [Vladivostok, Moscow]'],
    ['a renamed entity', 'name: Putin', 'name: Vladimir Putin'],
    ['a name moved down a line in its entry (the line a click goes to)', '  - name: Kim\n    role: Leader', '  - role: Leader\n    name: Kim'],
  ];
  for (const [what, from, to] of entityChanges) {
    test(`the Actors view changes with ${what}`, () => {
      assert.ok(!sameInActorsView(parse(text), parse(edited(from, to)), none));
    });
  }

  test("the Actors view's rows that changed: one count, one card, one entity's events; none when the entities differ", () => {
    const names = (edit: string, expanded = none) => changedInActorsView(parse(text), parse(edit), expanded, 'definition')?.map((index) => parse(text).entities[index].name);
    assert.deepEqual(names(edited('Prose about Kim.', 'Prose about Kim and Putin.')), ['Putin'], 'a new mention of Putin');
    assert.deepEqual(names(edited('role: Leader', 'role: Chairman')), ['Kim']);
    assert.deepEqual(names(edited('Putin waits', 'Putin waits long')), [], 'Putin collapsed');
    assert.deepEqual(names(edited('Putin waits', 'Putin waits long'), all), ['Putin'], 'Putin expanded');
    assert.deepEqual(names(edited('Putin waits', 'Putin and Kim wait')), ['Kim'], "a mention of Kim in Putin's event; Kim gains an event");
    assert.equal(names(edited('places: [Vladivostok]', 'places: [Vladivostok, Moscow]')), undefined, 'a new entity: the view is sent whole');
    assert.equal(names(edited('name: Putin', 'name: Vladimir Putin')), undefined, 'a renamed entity');
  });

  test("the Actors view's orders: as defined, by name (case and accents aside, numbers as numbers), by mentions (ties as defined)", () => {
    const model = parse(briefing(['actors: [zoë, Émile, Adam, G20, G7]', 'places: [Berlin]'], 'Adam met G7 and G20 in Berlin. Adam and zoë. Émile.'));
    const names = (order: 'definition' | 'name' | 'mentions') => orderedEntities(model, order).map((entity) => entity.name);
    assert.deepEqual(names('definition'), ['zoë', 'Émile', 'Adam', 'G20', 'G7', 'Berlin']);
    assert.deepEqual(names('name'), ['Adam', 'Berlin', 'Émile', 'G7', 'G20', 'zoë']);
    assert.deepEqual(names('mentions'), ['Adam', 'zoë', 'Émile', 'G20', 'G7', 'Berlin']);
    assert.equal(orderedEntities(model, 'name'), orderedEntities(model, 'name'), 'sorted once per model');
  });

  test('by mentions, a count that changes the order sends the view whole; one that does not, its row', () => {
    const rows = (edit: string) => changedInActorsView(parse(text), parse(edit), none, 'mentions')?.map((index) => orderedEntities(parse(edit), 'mentions')[index].name);
    // Kim is mentioned twice, Putin once, Vladivostok once.
    assert.deepEqual(rows(edited('Prose about Kim.', 'Prose about Kim and Kim.')), ['Kim'], 'Kim first still');
    assert.equal(rows(edited('Prose about Kim.', 'Prose about Putin, Putin.')), undefined, 'Putin passes Kim');
  });

  test("mention counts from the table are the entities' mentions, registry entities included", () => {
    const registry = parseRegistry('actors:\n  - name: Sergei Lavrov\n    aliases: [Lavrov]\n', 'file:///w/entities.yaml');
    const model = parse(edited('Prose about Kim.', 'Prose about Kim, Lavrov and Sergei Lavrov.'), { registries: [registry] });
    assert.deepEqual(
      model.entities.map((entity) => [entity.name, mentionCount(model, entity)]),
      model.entities.map((entity) => [entity.name, entity.mentions.length]),
    );
    assert.deepEqual(
      model.entities.map((entity) => mentionCount(model, entity)),
      [2, 1, 2, 1],
      'Kim twice, Putin once, Lavrov by alias and by name, Vladivostok once',
    );
  });

  test('an entity with events, and one without', () => {
    const model = parse(text);
    const [kim, putin, vladivostok] = model.entities;
    assert.deepEqual([hasEvents(model, kim), hasEvents(model, putin), hasEvents(model, vladivostok)], [true, true, true]);
    const none = parse(edited('- 2023-11-14: Putin waits', ''));
    assert.equal(
      hasEvents(
        none,
        none.entities.find((entity) => entity.name === 'Putin')!,
      ),
      false,
    );
  });
});

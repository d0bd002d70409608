import * as assert from 'node:assert/strict';
import { eventsChanged } from '../../src/core/language/eventsChanged';
import { buildTimeline, collectEvents, sameShown, type TimelineEvent } from '../../src/core/language/timeline';
import { briefing, parse } from './util';

const SOURCE = 'file:///a.briefing';
const shown = (lines: readonly string[], order: 'chronological' | 'document') =>
  buildTimeline(collectEvents([{ source: SOURCE, label: 'a', briefing: parse(briefing(['actors: [Kim, Putin]'], ...lines)) }]), { order, grouping: 'none' }).shown;

/** What the timeline's panel computed before: every id looked up in a map of those sent. */
function byMap(before: readonly TimelineEvent[], now: readonly TimelineEvent[]) {
  const sent = new Map(before.map((event) => [event.id, event]));
  const ids = new Set(now.map((event) => event.id));
  return {
    changed: now.filter((event) => !sent.has(event.id) || !sameShown(event, sent.get(event.id)!)).map((event) => event.id),
    removed: [...sent.keys()].filter((id) => !ids.has(id)),
  };
}

/** A small random generator with a seed, so that a failure repeats. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

suite('what changed among the events shown', () => {
  test('as a lookup of every id: after random edits (added, removed, dates and texts changed, lines moved), in both orders', () => {
    const next = random(7);
    const eventLine = () =>
      `- 2023-${String(1 + Math.floor(next() * 3)).padStart(2, '0')}-${String(1 + Math.floor(next() * 4)).padStart(2, '0')}: ${next() < 0.5 ? 'Kim' : 'Putin'} meets ${Math.floor(next() * 5)}`;
    let changedSeen = 0;
    let removedSeen = 0;
    for (let round = 0; round < 200; round++) {
      const lines = Array.from({ length: 5 + Math.floor(next() * 20) }, eventLine);
      const edited = [...lines];
      for (let edits = Math.floor(next() * 4); edits > 0; edits--) {
        const at = Math.floor(next() * edited.length);
        const kind = next();
        if (kind < 0.25) edited.splice(at, 0, eventLine());
        else if (kind < 0.5) edited.splice(at, 1);
        else if (kind < 0.75) edited[at] = `${edited[at] ?? eventLine()} more`;
        else edited.splice(at, 0, 'A line of prose.');
      }
      for (const order of ['chronological', 'document'] as const) {
        const before = shown(lines, order);
        const now = shown(edited, order);
        const { changed, removed } = eventsChanged(before, now);
        const expected = byMap(before, now);
        assert.deepEqual(
          { changed: changed.map((event) => event.id), removed: [...removed].sort() },
          { changed: expected.changed, removed: [...expected.removed].sort() },
          `round ${round}, ${order}:\n${lines.join('\n')}\n---\n${edited.join('\n')}`,
        );
        changedSeen += changed.length;
        removedSeen += removed.length;
      }
    }
    assert.ok(changedSeen > 100 && removedSeen > 50, `the edits changed and removed events (${changedSeen}, ${removedSeen})`);
  });

  test('nothing sent before: every event is new; the same list: nothing changed', () => {
    const events = shown(['- 2023-11-13: Kim leaves', '- 2023-11-14: Putin waits'], 'chronological');
    assert.deepEqual(eventsChanged([], events), { changed: [...events], removed: [] });
    assert.deepEqual(eventsChanged(events, events), { changed: [], removed: [] });
    assert.deepEqual(eventsChanged(events, []), { changed: [], removed: events.map((event) => event.id) });
  });
});

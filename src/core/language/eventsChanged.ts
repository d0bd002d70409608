import { sameShown, type TimelineEvent } from './timeline';

/** Whether two events have the same id (`timelineId`), told without making the ids where it can. */
function sameId(a: TimelineEvent, b: TimelineEvent): boolean {
  if (a.occurrence === undefined || b.occurrence === undefined) return a.id === b.id;
  return a.occurrence === b.occurrence && a.source === b.source && a.event.start.text === b.event.start.text && (a.event.end?.text ?? '') === (b.event.end?.text ?? '');
}

/**
 * What a view that was sent `before` must be sent to show `now`: the events new or shown
 * differently, and the ids of those gone. The lists are compared in place from both ends first
 * (typing changes an event or two of a long list, and moves none), then by id in between; an
 * event's id is made only there. A map of every id, made at each pause in typing, made the
 * timeline's redraw of a long briefing wait.
 */
export function eventsChanged(before: readonly TimelineEvent[], now: readonly TimelineEvent[]): { changed: TimelineEvent[]; removed: string[] } {
  const shortest = Math.min(before.length, now.length);
  let head = 0;
  while (head < shortest && sameId(before[head], now[head])) head++;
  let tail = 0;
  while (tail < shortest - head && sameId(before[before.length - 1 - tail], now[now.length - 1 - tail])) tail++;
  const changed: TimelineEvent[] = [];
  const inPlace = (from: number, to: number, offset: number) => {
    for (let i = from; i < to; i++) if (!sameShown(now[i], before[i - offset])) changed.push(now[i]);
  };
  inPlace(0, head, 0);
  const beforeInBetween = new Map<string, TimelineEvent>();
  for (let i = head; i < before.length - tail; i++) beforeInBetween.set(before[i].id, before[i]);
  for (let i = head; i < now.length - tail; i++) {
    const event = now[i];
    const { id } = event;
    const old = beforeInBetween.get(id);
    if (!old || !sameShown(event, old)) changed.push(event);
    beforeInBetween.delete(id);
  }
  inPlace(now.length - tail, now.length, now.length - before.length);
  return { changed, removed: [...beforeInBetween.keys()] };
}

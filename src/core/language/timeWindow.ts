import type { EventDays } from './linkGraph';
import type { TimeWindow } from './timelineMessages';

/** The days a window meets, `YYYY-MM-DD`: the day it starts and the day after the one it ends. */
export type WindowDays = readonly [string, string];

/** How the chart and the map keep to the timeline's window: one choice for both, made in either. */
export interface WindowOptions {
  /** Only the events in the window count. */
  readonly applied: boolean;
  /** Actors and places with no dated event are shown too. */
  readonly undated: boolean;
}

/** The timeline's window as the other pictures get it: none while the timeline is closed. */
export interface SharedWindow extends WindowOptions {
  readonly window: TimeWindow | undefined;
}

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

export function windowDays(window: TimeWindow): WindowDays {
  return [isoDay(window.start), isoDay(Date.parse(isoDay(window.end)) + 86_400_000)];
}

/** The window as a title names it: `2023-11-01 to 2023-11-30`; `range` writes it as an event's date (`2023-11-01..2023-11-30`). */
export function windowText(window: TimeWindow, range = false): string {
  return `${isoDay(window.start)}${range ? '..' : ' to '}${isoDay(window.end)}`;
}

/** The days the pictures keep to: none when the window is not applied or the timeline is closed. */
export function appliedDays(shared: SharedWindow): WindowDays | undefined {
  return shared.applied && shared.window ? windowDays(shared.window) : undefined;
}

/** What a picture's title adds when it keeps to the window. */
export function windowTitle(shared: SharedWindow): string {
  return shared.applied && shared.window ? ` · ${windowText(shared.window)}${shared.undated ? ' and undated' : ''}` : '';
}

/** Which events meet the window's days (an event without a real date meets none). */
export function eventsMeeting(days: readonly EventDays[], window: WindowDays): boolean[] {
  return days.map((span) => span !== null && span[0] < window[1] && span[1] > window[0]);
}

/**
 * Whether an actor or place that takes part in `events` (places in `days`) is shown under the
 * window: one of them meets it; or, with `undated`, none of them has a real date (none at all,
 * too: an entity only related, or only mentioned).
 */
export function keptInWindow(events: readonly number[], meeting: readonly boolean[], days: readonly EventDays[], undated: boolean): boolean {
  return events.some((at) => meeting[at]) || (undated && events.every((at) => days[at] === null));
}

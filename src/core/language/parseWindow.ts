import { datePointAt, pointLength } from '../dates/dates';
import { dayAfter, firstDay } from './timelinePicture';
import type { TimeWindow } from './timelineMessages';

/**
 * A window written as an event's date is: `2023`, `2023-11`, `2023-11-13`, or a range
 * `2023-11-01..2023-12-15`; from its first day to the end of its last. Undefined for anything
 * else, an impossible date, or a range that ends before it starts.
 */
export function parseWindow(text: string): TimeWindow | undefined {
  const written = text.trim().replace(/\s*\.\.\s*/, '..');
  const start = datePointAt(written, 0);
  if (!start?.valid || start.approximate) return undefined;
  let at = pointLength(start);
  let end = start;
  if (written.startsWith('..', at)) {
    const last = datePointAt(written, at + 2);
    if (!last?.valid || last.approximate) return undefined;
    end = last;
    at += 2 + pointLength(last);
  }
  if (at !== written.length) return undefined;
  const from = Date.parse(firstDay(start));
  const to = Date.parse(dayAfter(end)) - 1;
  return to > from ? { start: from, end: to } : undefined;
}

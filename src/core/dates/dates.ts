import { COLON, DASH, DIGIT_0, SPACE, TAB, TILDE } from '../text/charCodes';
import type { DatePoint, DatePrecision } from '../model/types';

/** After a date: `:` (spaces allowed before it), or a dash ( - – — ) with spaces around it (or the line's end after it). */
const SEPARATOR_AT = /[ \t]*:[ \t]*|[ \t]+[-\u2013\u2014](?:[ \t]+|(?=[\r\n])|$)/y;

/** Where the text after the separator at `at` starts, or -1 when there is no separator at `at`. */
export function separatorEnd(text: string, at: number): number {
  SEPARATOR_AT.lastIndex = at;
  return SEPARATOR_AT.test(text) ? SEPARATOR_AT.lastIndex : -1;
}

/** Whether a separator (`:` or a spaced dash) follows a date that ends at `at`. */
export function isDateSeparatorAt(text: string, at: number): boolean {
  return separatorEnd(text, at) >= 0;
}

/** Whether the separator at `at` (there must be one) is a dash rather than a colon. */
export function isDashSeparatorAt(text: string, at: number): boolean {
  let next = at;
  while (text.charCodeAt(next) === SPACE || text.charCodeAt(next) === TAB) next++;
  return text.charCodeAt(next) !== COLON;
}

/**
 * Reads the date point `~?YYYY(-MM(-DD)?)?` at `at` (`-MM` and `-DD` are taken when two digits
 * follow the dash), or returns undefined when no four-digit year is there. The point ends
 * `pointLength(point)` past `at`. Reading the digits in place, rather than through a regular
 * expression's captures, keeps a long briefing's thousands of events from allocating a string
 * for each part.
 */
export function datePointAt(text: string, at: number): DatePoint | undefined {
  const approximate = text.charCodeAt(at) === TILDE;
  const from = approximate ? at + 1 : at;
  if (!isDigits(text, from, 4)) return undefined;
  const year = number(text, from, 4);
  let next = from + 4;
  let month: number | undefined;
  let day: number | undefined;
  if (text.charCodeAt(next) === DASH && isDigits(text, next + 1, 2)) {
    month = number(text, next + 1, 2);
    next += 3;
    if (text.charCodeAt(next) === DASH && isDigits(text, next + 1, 2)) {
      day = number(text, next + 1, 2);
      next += 3;
    }
  }
  // Points are values: one object a distinct date, shared by every event that has it.
  const key = ((year * 101 + (month ?? 100)) * 101 + (day ?? 100)) * 2 + (approximate ? 1 : 0);
  // Keys of nearby dates differ by small steps: a multiplicative hash spreads them over the table.
  const slot = Math.imul(key, 0x9e3779b1) >>> (32 - SHARED_POINTS_BITS);
  if (sharedKeys[slot] === key) return sharedPoints[slot]!;
  const point = datePoint(text.slice(from, next), year, month, day, approximate);
  sharedKeys[slot] = key;
  sharedPoints[slot] = point;
  return point;
}

/** A date point as written: `~` before it when approximate. */
export function pointText(point: DatePoint): string {
  return `${point.approximate ? '~' : ''}${point.text}`;
}

/** How many characters a point read by `datePointAt` spans. */
export function pointLength(point: DatePoint): number {
  return (point.approximate ? 1 : 0) + point.text.length;
}

/**
 * The date points read last, by value, in a table indexed by the point's key: a look-up is one
 * array read, the memory is bounded, and the dates of a few decades, day by day, mostly fit.
 * Two dates that share a place replace each other; they are then simply not shared.
 */
const SHARED_POINTS_BITS = 15;
const SHARED_POINTS = 1 << SHARED_POINTS_BITS;
const sharedKeys = new Int32Array(SHARED_POINTS).fill(-1);
const sharedPoints = new Array<DatePoint | undefined>(SHARED_POINTS).fill(undefined);

function isDigits(text: string, at: number, count: number): boolean {
  for (let i = at; i < at + count; i++) {
    const code = text.charCodeAt(i);
    if (code < DIGIT_0 || code > DIGIT_0 + 9) return false;
  }
  return true;
}

function number(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) value = value * 10 + (text.charCodeAt(i) - DIGIT_0);
  return value;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function makeDatePoint(tilde: string, yearText: string, monthText: string | undefined, dayText: string | undefined): DatePoint {
  const text = yearText + (monthText ? `-${monthText}` : '') + (dayText ? `-${dayText}` : '');
  return datePoint(text, Number(yearText), monthText === undefined ? undefined : Number(monthText), dayText === undefined ? undefined : Number(dayText), tilde === '~');
}

function datePoint(text: string, year: number, month: number | undefined, day: number | undefined, approximate: boolean): DatePoint {
  const precision: DatePrecision = day !== undefined ? 'day' : month !== undefined ? 'month' : 'year';
  let valid = true;
  if (month !== undefined && (month < 1 || month > 12)) valid = false;
  else if (month !== undefined && day !== undefined && (day < 1 || day > daysInMonth(year, month))) valid = false;
  return Object.freeze({ text, year, month, day, precision, approximate, valid });
}

/** A day number that orders dates: `earliest` picks the first day a year or month covers, else the last. */
export function dayNumber(point: DatePoint, earliest: boolean): number {
  const month = point.month ?? (earliest ? 1 : 12);
  const day = point.day ?? (earliest ? 1 : 31);
  return (point.year * 12 + (month - 1)) * 31 + (day - 1);
}

/** Whether a `YYYY-MM-DD` string is a real calendar date. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match !== null && makeDatePoint('', match[1], match[2], match[3]).valid;
}

import type { DatePoint, DatePrecision } from './types';

/** `~YYYY`, `~YYYY-MM`, `~YYYY-MM-DD`, optionally `A..B`, at the start of the string. */
export const DATE_EXPRESSION = /^(~?)(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:\.\.(~?)(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?)?/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function makeDatePoint(tilde: string, yearText: string, monthText: string | undefined, dayText: string | undefined): DatePoint {
  const year = Number(yearText);
  const month = monthText === undefined ? undefined : Number(monthText);
  const day = dayText === undefined ? undefined : Number(dayText);
  const precision: DatePrecision = day !== undefined ? 'day' : month !== undefined ? 'month' : 'year';
  let valid = true;
  if (month !== undefined && (month < 1 || month > 12)) valid = false;
  else if (month !== undefined && day !== undefined && (day < 1 || day > daysInMonth(year, month))) valid = false;
  const text = yearText + (monthText ? `-${monthText}` : '') + (dayText ? `-${dayText}` : '');
  return { text, year, month, day, precision, approximate: tilde === '~', valid };
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

import { DIGIT_0, DIGIT_9, LOWER_A, LOWER_Z, TILDE, UPPER_A, UPPER_Z } from '../text/charCodes';
import type { DiagnosticSink } from '../model/diagnosticSink';
import { datePointAt, dayNumber, daysInMonth, isDateSeparatorAt, pointLength, separatorEnd } from './dates';
import type { DatePoint } from '../model/types';

/*
 * Dates written in a form the format does not read (`2023/11/13`, `13.11.2023`, `Nov 13, 2023`,
 * `2023-11-13T10:00`, `2023-W46`, `2023-Q4`, `2023-11-13 to 2023-11-15`) at the start of a list
 * item, before a separator: the analyst meant an event, and the item is none. Without a word it
 * would simply be missing from the tree and the export, so such an item gets a Warning saying how
 * to write it, with a fix when the rewrite is certain. The contract's own forms are untouched.
 */

/** A date expression read loosely: where it ends, and the contract's form of it when that is certain. */
interface LooseExpression {
  readonly end: number;
  /** `2023-11-13`, `~2023-11`, `2023-10..2023-12`; undefined when unsure (see `advice`). */
  readonly rewrite: string | undefined;
  /** What to write when there is no certain rewrite. */
  readonly advice: string | undefined;
  /** A time of day written with the date: the fix keeps it at the start of the event's text. */
  readonly time: string | undefined;
}

/** One date read loosely. `span`: a week or a quarter, a range already, which cannot start one. */
interface LoosePoint {
  readonly end: number;
  readonly strict: string | undefined;
  readonly span: boolean;
  readonly advice?: string;
  readonly time?: string;
}

const GENERIC_ADVICE = 'write YYYY, YYYY-MM or YYYY-MM-DD, with ~ for approximate and A..B for a range';

const ISO_LIKE = /(~?)(\d{4})(?:([-/.])(\d{1,2})(?!\d)(?:\3(\d{1,2})(?!\d))?)?/y;
const DAY_MONTH_YEAR = /(~?)(\d{1,2})([-/.])(\d{1,2})\3(\d{4})(?!\d)/y;
const WEEK = /(~?)(\d{4})-?W(\d{2})(?:-?([1-7]))?(?![\p{L}\p{N}])/uy;
const QUARTER = /(~?)(?:(\d{4})[- ]?([QH])([1-4])|([QH])([1-4])[ \t]+(\d{4}))(?![\p{L}\p{N}])/uy;
const NAMED = /(~?)(?:(\d{1,2})(?:st|nd|rd|th)?[ \t]+)?(\p{L}{3,9})\.?(?:[ \t]+(\d{1,2})(?:st|nd|rd|th)?,?)?[ \t]+(\d{4})(?!\d)/uy;
/** A time of day after a date, with `T` or spaces before it: `10:00`, `10:00:30Z`, `09:15 +09:00`. */
const TIME = /(?:T|[ \t]+)(\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:[ \t]*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?)(?!\d)/y;
/** Between the two dates of a range written otherwise than `A..B`. */
const CONNECTOR = /[ \t]*\.\.[ \t]*|[ \t]*\/[ \t]*|[ \t]+(?:to|until|till|through|thru)[ \t]+|[ \t]*[-\u2013\u2014][ \t]*/iy;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const FULL_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Whether a list item's content could start with a loosely written date: a quick filter before the patterns. */
function mayStartDate(code: number): boolean {
  return code === TILDE || (code >= DIGIT_0 && code <= DIGIT_9) || (code >= UPPER_A && code <= UPPER_Z) || (code >= LOWER_A && code <= LOWER_Z);
}

/**
 * Reports a list item that is no event because its date is written in another form (`at`: the
 * item's content). Call it only for items that are not events.
 */
export function hintUnreadDate(text: string, at: number, sink: DiagnosticSink): void {
  if (!mayStartDate(text.charCodeAt(at))) return;
  const expression = readLooseExpression(text, at);
  if (!expression) return;
  const textStart = separatorEnd(text, expression.end);
  if (textStart < 0) return;
  const written = text.slice(at, expression.end);
  const { rewrite, time } = expression;
  // The contract's own form is never here (such an item is an event); a guard against a hint to write what is written.
  if (rewrite === written) return;
  const not = `'${written}' is not a date this extension reads, so this item is not an event`;
  if (rewrite === undefined) {
    sink.add(at, expression.end, 'warning', 'unread-date', `${not}: ${expression.advice ?? GENERIC_ADVICE}`);
    return;
  }
  const edits = [{ start: at, end: expression.end, newText: rewrite }];
  if (time !== undefined) edits.push({ start: textStart, end: textStart, newText: `${time} ` });
  const message = time === undefined ? `${not}: write ${rewrite}` : `${not}: write ${rewrite} and put the time in the event's text`;
  const title = time === undefined ? `Write the date as ${rewrite}` : `Write the date as ${rewrite} and move the time into the text`;
  sink.add(at, expression.end, 'warning', 'unread-date', message, { title, edits });
}

/**
 * A `date:` written in another form that names one day (`13.11.2023`, `Nov 13, 2023`), as
 * `YYYY-MM-DD`; undefined when it names no single day, is uncertain (`03/04/2023`) or holds more.
 */
export function calendarDateOf(written: string): string | undefined {
  const point = readLoosePoint(written, 0);
  return point && point.end === written.length && point.time === undefined && /^\d{4}-\d\d-\d\d$/.test(point.strict ?? '') ? point.strict : undefined;
}

/**
 * Reports an event whose text starts with a second date and a separator, as `2023-11-14 –
 * 2023-11-30: the window` reads: an event on the 14th whose text begins with the 30th. The
 * writer meant a range. `date`: the event's one date, valid, at `dateStart..dateEnd`;
 * `textStart`: where its text starts, after a dash.
 */
export function hintSplitRange(text: string, date: DatePoint, dateStart: number, dateEnd: number, textStart: number, sink: DiagnosticSink): void {
  const second = datePointAt(text, textStart);
  if (!second) return;
  const secondEnd = textStart + pointLength(second);
  // A second date that is no date, or would end the range before it starts, is the text's business.
  if (!isDateSeparatorAt(text, secondEnd) || !second.valid || dayNumber(second, false) < dayNumber(date, true)) return;
  const first = text.slice(dateStart, dateEnd);
  const written = text.slice(textStart, secondEnd);
  const range = `${first}..${written}`;
  sink.add(dateStart, secondEnd, 'warning', 'split-range', `This event is dated ${first} and its text starts with ${written}: for a range, write ${range}`, {
    title: `Make it the range ${range}`,
    edits: [{ start: dateEnd, end: textStart, newText: '..' }],
  });
}

function readLooseExpression(text: string, at: number): LooseExpression | undefined {
  const first = readLoosePoint(text, at);
  if (!first) return undefined;
  if (!first.span && first.time === undefined) {
    CONNECTOR.lastIndex = first.end;
    if (CONNECTOR.test(text)) {
      const second = readLoosePoint(text, CONNECTOR.lastIndex);
      if (second && !second.span && second.time === undefined && isDateSeparatorAt(text, second.end)) {
        const ordered = first.strict !== undefined && second.strict !== undefined && !endsBeforeStart(first.strict, second.strict);
        return { end: second.end, rewrite: ordered ? `${first.strict}..${second.strict}` : undefined, advice: first.advice ?? second.advice, time: undefined };
      }
    }
  }
  return { end: first.end, rewrite: first.strict, advice: first.advice, time: first.time };
}

/** Whether a range of two dates in the contract's form would end before it starts (an Error, so no fix). */
function endsBeforeStart(start: string, end: string): boolean {
  return dayNumber(datePointAt(end, 0)!, false) < dayNumber(datePointAt(start, 0)!, true);
}

function readLoosePoint(text: string, at: number): LoosePoint | undefined {
  return readWeek(text, at) ?? readQuarter(text, at) ?? readIsoLike(text, at) ?? readDayMonthYear(text, at) ?? readNamed(text, at);
}

function match(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function withTime(text: string, end: number, point: Omit<LoosePoint, 'end' | 'time'>): LoosePoint {
  const time = match(TIME, text, end);
  return time ? { ...point, end: TIME.lastIndex, time: time[1] } : { ...point, end };
}

function readIsoLike(text: string, at: number): LoosePoint | undefined {
  const found = match(ISO_LIKE, text, at);
  if (!found) return undefined;
  const [, tilde, year, , month, day] = found;
  return withTime(text, ISO_LIKE.lastIndex, { strict: strictDate(tilde, year, optionalNumber(month), optionalNumber(day)), span: false });
}

function readDayMonthYear(text: string, at: number): LoosePoint | undefined {
  const found = match(DAY_MONTH_YEAR, text, at);
  if (!found) return undefined;
  const [, tilde, a, , b, yearText] = found;
  const dayFirst = strictDate(tilde, yearText, Number(b), Number(a));
  const monthFirst = strictDate(tilde, yearText, Number(a), Number(b));
  const end = DAY_MONTH_YEAR.lastIndex;
  // Certain only when one reading is no date (13/11/2023) or both give the same day.
  if (dayFirst === monthFirst || monthFirst === undefined) return withTime(text, end, { strict: dayFirst, span: false });
  if (dayFirst === undefined) return withTime(text, end, { strict: monthFirst, span: false });
  return withTime(text, end, { strict: undefined, span: false, advice: `write it as YYYY-MM-DD: ${dayFirst} if the day comes first, ${monthFirst} if the month does` });
}

function readNamed(text: string, at: number): LoosePoint | undefined {
  const found = match(NAMED, text, at);
  if (!found) return undefined;
  const [, tilde, dayBefore, word, dayAfter, year] = found;
  const lower = word.toLowerCase();
  let month = FULL_MONTHS.indexOf(lower) + 1;
  if (month === 0 && (lower.length === 3 || lower === 'sept')) month = MONTHS.indexOf(lower.slice(0, 3)) + 1;
  if (month === 0 || (dayBefore !== undefined && dayAfter !== undefined)) return undefined;
  return withTime(text, NAMED.lastIndex, { strict: strictDate(tilde, year, month, optionalNumber(dayBefore ?? dayAfter)), span: false });
}

function readWeek(text: string, at: number): LoosePoint | undefined {
  const found = match(WEEK, text, at);
  if (!found) return undefined;
  const [, tilde, yearText, weekText, weekday] = found;
  const year = Number(yearText);
  const week = Number(weekText);
  const end = WEEK.lastIndex;
  if (week < 1 || week > isoWeeksIn(year)) return { end, strict: undefined, span: true, advice: `${yearText} has no week ${week}; ${GENERIC_ADVICE}` };
  const monday = isoWeekMonday(year, week);
  if (weekday !== undefined) return { end, strict: tilde + dayText(monday + Number(weekday) - 1), span: false };
  return { end, strict: `${tilde}${dayText(monday)}..${tilde}${dayText(monday + 6)}`, span: true };
}

function readQuarter(text: string, at: number): LoosePoint | undefined {
  const found = match(QUARTER, text, at);
  if (!found) return undefined;
  const [, tilde, yearFirst, kindFirst, numberFirst, kindAfter, numberAfter, yearAfter] = found;
  const year = yearFirst ?? yearAfter;
  const half = (kindFirst ?? kindAfter) === 'H';
  const index = Number(numberFirst ?? numberAfter);
  const end = QUARTER.lastIndex;
  if (half && index > 2) return undefined;
  const months = half ? 6 : 3;
  const from = (index - 1) * months + 1;
  return { end, strict: `${tilde}${year}-${two(from)}..${tilde}${year}-${two(from + months - 1)}`, span: true };
}

/**
 * `~YYYY`, `~YYYY-MM` or `~YYYY-MM-DD`, or undefined when there is no such month or day. The year
 * is its four digits as written (as a number, year 100 would lose the zero of 0100).
 */
function strictDate(tilde: string, year: string, month: number | undefined, day: number | undefined): string | undefined {
  if (month === undefined) return `${tilde}${year}`;
  if (month < 1 || month > 12) return undefined;
  if (day === undefined) return `${tilde}${year}-${two(month)}`;
  if (day < 1 || day > daysInMonth(+year, month)) return undefined;
  return `${tilde}${year}-${two(month)}-${two(day)}`;
}

function optionalNumber(digits: string | undefined): number | undefined {
  return digits === undefined ? undefined : Number(digits);
}

const DAY_MS = 86_400_000;

/** The day number (days since 1970-01-01) of the Monday of an ISO week: week 1 holds January 4th. */
function isoWeekMonday(year: number, week: number): number {
  // Not Date.UTC, which reads years 0 to 99 as 1900 to 1999.
  const january4 = new Date(0).setUTCFullYear(year, 0, 4) / DAY_MS;
  const weekday = (new Date(january4 * DAY_MS).getUTCDay() + 6) % 7; // Monday 0
  return january4 - weekday + (week - 1) * 7;
}

/** 53 when the ISO year has a week 53 (it starts on a Thursday, or is a leap year starting on a Wednesday), else 52. */
function isoWeeksIn(year: number): number {
  return isoWeekMonday(year + 1, 1) - isoWeekMonday(year, 1) === 53 * 7 ? 53 : 52;
}

function dayText(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

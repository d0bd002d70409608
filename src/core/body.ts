import { BACKTICK, COLON, CR, DASH, DIGIT_0, DIGIT_9, GREATER_THAN, HASH, LESS_THAN, LF, OPEN_PAREN, PLUS, SPACE, STAR, TAB, TILDE } from './charCodes';
import { indentWidth, isSpaceOrTab, isWordCharBefore } from './characters';
import type { LineIndex } from './lineIndex';

/** What the body scanner finds in one pass over the lines. */
export interface BodyStructure {
  /** Sorted, merged `[start, end)` offset pairs where no mention or tag may be found: code and URLs. */
  readonly excluded: number[];
  readonly headings: Heading[];
  readonly listItems: ListItem[];
  /** Per line: what kind of line it is, for continuation rules. */
  readonly kinds: Uint8Array;
  /** Offsets where a portion (a paragraph, a list item, a heading) starts with `(`: where portion marks are written. */
  readonly portionStarts: number[];
}

export interface Heading {
  readonly line: number;
  readonly level: number;
  readonly title: string;
}

export interface ListItem {
  readonly line: number;
  /** Width of the indentation before the marker. */
  readonly indent: number;
  readonly markerStart: number;
  /** Offset of the content after the marker and its spaces. */
  readonly contentStart: number;
}

export const enum LineKind {
  Text = 0,
  Blank = 1,
  Code = 2,
  Heading = 3,
  ListItem = 4,
  FrontMatter = 5,
}

const FENCE = /^[ \t]*(`{3,}|~{3,})(.*)$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
/** A list marker: `-`, `*`, `+`, or a number and `.` or `)`. */
export const LIST_MARKER = String.raw`(?:[-*+]|\d{1,9}[.)])`;
/** A list marker and the spaces after it, read where a line's indentation ends. */
const LIST_MARKER_AT = new RegExp(String.raw`${LIST_MARKER}(?:[ \t]+|(?=[\r\n])|$)`, 'y');
const CLOSING_HASHES = /(?:^|[ \t]+)#+$/;

export function scanBody(text: string, lines: LineIndex, bodyStartLine: number): BodyStructure {
  const excluded: number[] = [];
  const headings: Heading[] = [];
  const listItems: ListItem[] = [];
  const portionStarts: number[] = [];
  const kinds = new Uint8Array(lines.lineCount);
  kinds.fill(LineKind.FrontMatter, 0, bodyStartLine);

  let fenceChar = '';
  let fenceLength = 0;
  let blockStart = -1; // first offset of the current paragraph-like block, for code spans
  let blockEnd = -1;
  // Every backtick of the body, found once; blocks take theirs in order through a cursor.
  const backticks = new BacktickCursor(text, bodyStartLine < lines.lineCount ? lines.lineStart(bodyStartLine) : text.length);
  const closeBlock = () => {
    if (blockStart >= 0) findCodeSpans(text, blockStart, blockEnd, backticks, excluded);
    blockStart = -1;
  };

  for (let line = bodyStartLine; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    // Classify the line by its first character; only lines that may be structure are sliced.
    let first = start;
    while (first < end && isSpaceOrTab(text.charCodeAt(first))) first++;
    const firstCode = first < end ? text.charCodeAt(first) : -1;

    if (fenceChar) {
      kinds[line] = LineKind.Code;
      excluded.push(start, end);
      if (firstCode === fenceChar.charCodeAt(0)) {
        const trimmed = text.slice(first, end).trimEnd();
        if (trimmed.length >= fenceLength && /^(`+|~+)$/.test(trimmed)) fenceChar = '';
      }
      continue;
    }
    if (firstCode === BACKTICK || firstCode === TILDE) {
      const fence = FENCE.exec(text.slice(start, end));
      if (fence && !(fence[1][0] === '`' && fence[2].includes('`'))) {
        closeBlock();
        fenceChar = fence[1][0];
        fenceLength = fence[1].length;
        kinds[line] = LineKind.Code;
        excluded.push(start, end);
        continue;
      }
    }
    if (firstCode < 0) {
      closeBlock();
      kinds[line] = LineKind.Blank;
      continue;
    }
    if (firstCode === HASH) {
      const heading = HEADING.exec(text.slice(start, end));
      if (heading) {
        closeBlock();
        kinds[line] = LineKind.Heading;
        headings.push({ line, level: heading[1].length, title: (heading[2] ?? '').replace(CLOSING_HASHES, '').trim() });
        if (heading[2]?.charCodeAt(0) === OPEN_PAREN) portionStarts.push(start + heading[0].indexOf(heading[2]));
        findCodeSpans(text, start, end, backticks, excluded);
        continue;
      }
    }
    const contentStart = firstCode === DASH || firstCode === STAR || firstCode === PLUS || (firstCode >= DIGIT_0 && firstCode <= DIGIT_9)
      ? listContentStart(text, first)
      : -1;
    if (contentStart >= 0) {
      closeBlock();
      kinds[line] = LineKind.ListItem;
      listItems.push({
        line,
        indent: indentWidth(text, start, first),
        markerStart: first,
        contentStart,
      });
      if (text.charCodeAt(contentStart) === OPEN_PAREN) portionStarts.push(contentStart);
    } else {
      kinds[line] = LineKind.Text;
      // A paragraph's first line, or a quoted line (`> (S) …`: a block quote interrupts a paragraph).
      if (blockStart < 0 || firstCode === GREATER_THAN) {
        let at = first;
        while (at < end && (text.charCodeAt(at) === GREATER_THAN || isSpaceOrTab(text.charCodeAt(at)))) at++;
        if (text.charCodeAt(at) === OPEN_PAREN) portionStarts.push(at);
      }
    }
    if (blockStart < 0) blockStart = start;
    blockEnd = end;
  }
  findUrls(text, bodyStartLine < lines.lineCount ? lines.lineStart(bodyStartLine) : text.length, excluded);
  closeBlock();
  return { excluded: mergeIntervals(excluded), headings, listItems, kinds, portionStarts };
}

/** A list item's last line: it goes on over the lines of text indented past its marker. */
export function listItemLastLine(text: string, lines: LineIndex, body: BodyStructure, item: ListItem): number {
  let lastLine = item.line;
  for (let line = item.line + 1; line < lines.lineCount; line++) {
    if (body.kinds[line] !== LineKind.Text || indentWidth(text, lines.lineStart(line), lines.lineEnd(line)) <= item.indent) break;
    lastLine = line;
  }
  return lastLine;
}

/** Where a list item's content starts, when a list marker is at `at`; else -1. */
function listContentStart(text: string, at: number): number {
  LIST_MARKER_AT.lastIndex = at;
  return LIST_MARKER_AT.test(text) ? LIST_MARKER_AT.lastIndex : -1;
}

/** The offsets of the backticks of a text, read in order. */
class BacktickCursor {
  readonly #offsets: number[] = [];
  #next = 0;

  constructor(text: string, from: number) {
    for (let at = text.indexOf('`', from); at >= 0; at = text.indexOf('`', at + 1)) this.#offsets.push(at);
  }

  /** The first backtick at or after `start` and before `end`, or -1; skips those before `start`. */
  first(start: number, end: number): number {
    while (this.#next < this.#offsets.length && this.#offsets[this.#next] < start) this.#next++;
    const at = this.#offsets[this.#next];
    return at !== undefined && at < end ? at : -1;
  }
}

/** Marks inline code spans in a block: a run of backticks up to the next run of the same length. */
function findCodeSpans(text: string, start: number, end: number, backticks: BacktickCursor, excluded: number[]): void {
  const first = backticks.first(start, end);
  if (first < 0) return;
  const runStarts: number[] = [];
  const runLengths: number[] = [];
  for (let i = first; i < end; ) {
    let j = i;
    while (j < end && text.charCodeAt(j) === BACKTICK) j++;
    runStarts.push(i);
    runLengths.push(j - i);
    const next = backticks.first(j, end);
    i = next < 0 ? end : next;
  }
  // The closer of each run: the next run of the same length.
  const nextSame = new Int32Array(runStarts.length).fill(-1);
  const lastOfLength = new Map<number, number>();
  for (let k = runStarts.length - 1; k >= 0; k--) {
    nextSame[k] = lastOfLength.get(runLengths[k]) ?? -1;
    lastOfLength.set(runLengths[k], k);
  }
  for (let k = 0; k < runStarts.length; ) {
    const closer = nextSame[k];
    if (closer < 0) {
      k++;
      continue;
    }
    excluded.push(runStarts[k], runStarts[closer] + runLengths[closer]);
    k = closer + 1;
  }
}

const SCHEME_CHAR = /[A-Za-z0-9+.-]/;

/**
 * What starts a URL or a link destination; no two start with the same character. The `:` after
 * `mailto` is checked apart: V8 finds a seven-character pattern about four times slower.
 */
const URL_MARKERS = ['://', 'www.', 'mailto', ']('] as const;

/**
 * Marks URLs: `scheme://…`, `www.…`, `mailto:…`, and Markdown link destinations `](…)`, in one
 * pass over the body. A URL ends at whitespace or `<`/`>`; a destination at its `)` or line end.
 * Each marker is found with `indexOf`, which outruns a regular expression's alternation.
 */
function findUrls(text: string, from: number, excluded: number[]): void {
  const urlEnd = (at: number) => {
    let i = at;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code === SPACE || code === TAB || code === LF || code === CR || code === LESS_THAN || code === GREATER_THAN) break;
      i++;
    }
    return i;
  };
  const next = URL_MARKERS.map((marker) => text.indexOf(marker, from));
  let position = from;
  for (;;) {
    // The earliest marker at or after `position`.
    let which = -1;
    for (let k = 0; k < URL_MARKERS.length; k++) {
      if (next[k] >= 0 && next[k] < position) next[k] = text.indexOf(URL_MARKERS[k], position);
      if (next[k] >= 0 && (which < 0 || next[k] < next[which])) which = k;
    }
    if (which < 0) return;
    const at = next[which];
    const found = URL_MARKERS[which];
    position = at + found.length;
    // Each URL is skipped whole, so that no character is looked at twice.
    if (found === '://') {
      let schemeStart = at;
      while (schemeStart > from && SCHEME_CHAR.test(text[schemeStart - 1])) schemeStart--;
      if (schemeStart < at) {
        const end = urlEnd(at + 3);
        excluded.push(schemeStart, end);
        position = end;
      }
    } else if (found === '](') {
      let close = at + 2;
      while (close < text.length && text[close] !== ')' && text[close] !== '\n' && text[close] !== '\r') close++;
      excluded.push(at + 2, close);
      position = close;
    } else if (found === 'mailto' && text.charCodeAt(position) !== COLON) {
      continue;
    } else if (!isWordCharBefore(text, at)) {
      const end = urlEnd(position);
      excluded.push(at, end);
      position = end;
    }
  }
}

function mergeIntervals(intervals: number[]): number[] {
  const count = intervals.length / 2;
  if (count <= 1) return intervals;
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => intervals[2 * a] - intervals[2 * b]);
  const merged: number[] = [];
  for (const index of order) {
    const start = intervals[2 * index];
    const end = intervals[2 * index + 1];
    if (end <= start) continue;
    const last = merged.length - 1;
    if (last > 0 && start <= merged[last]) merged[last] = Math.max(merged[last], end);
    else merged.push(start, end);
  }
  return merged;
}

/** Whether an offset lies inside one of the sorted, merged excluded intervals. */
export function isExcluded(excluded: readonly number[], offset: number): boolean {
  let low = 0;
  let high = excluded.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (offset < excluded[2 * mid]) high = mid - 1;
    else if (offset >= excluded[2 * mid + 1]) low = mid + 1;
    else return true;
  }
  return false;
}

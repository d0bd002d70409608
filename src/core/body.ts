import { indentWidth, isWordCharBefore } from './characters';
import type { LineIndex } from './lineIndex';

/** What the body scanner finds in one pass over the lines. */
export interface BodyStructure {
  /** Sorted, merged `[start, end)` offset pairs where no mention or tag may be found: code and URLs. */
  readonly excluded: number[];
  readonly headings: Heading[];
  readonly listItems: ListItem[];
  /** Per line: what kind of line it is, for continuation rules. */
  readonly kinds: Uint8Array;
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
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const CLOSING_HASHES = /(?:^|[ \t]+)#+$/;
const BACKTICK = 96;

export function scanBody(text: string, lines: LineIndex, bodyStartLine: number): BodyStructure {
  const excluded: number[] = [];
  const headings: Heading[] = [];
  const listItems: ListItem[] = [];
  const kinds = new Uint8Array(lines.lineCount);
  kinds.fill(LineKind.FrontMatter, 0, bodyStartLine);

  let fenceChar = '';
  let fenceLength = 0;
  let blockStart = -1; // first offset of the current paragraph-like block, for code spans
  let blockEnd = -1;
  const closeBlock = () => {
    if (blockStart >= 0) findCodeSpans(text, blockStart, blockEnd, excluded);
    blockStart = -1;
  };

  for (let line = bodyStartLine; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    const content = text.slice(start, end);

    if (fenceChar) {
      kinds[line] = LineKind.Code;
      excluded.push(start, end);
      const trimmed = content.trim();
      if (trimmed.length >= fenceLength && trimmed[0] === fenceChar && /^(`+|~+)$/.test(trimmed)) fenceChar = '';
      continue;
    }
    const fence = FENCE.exec(content);
    if (fence && !(fence[1][0] === '`' && fence[2].includes('`'))) {
      closeBlock();
      fenceChar = fence[1][0];
      fenceLength = fence[1].length;
      kinds[line] = LineKind.Code;
      excluded.push(start, end);
      continue;
    }
    if (content.trim() === '') {
      closeBlock();
      kinds[line] = LineKind.Blank;
      continue;
    }
    findUrls(text, start, end, excluded);
    const heading = content.includes('#') ? HEADING.exec(content) : null;
    if (heading) {
      closeBlock();
      kinds[line] = LineKind.Heading;
      headings.push({ line, level: heading[1].length, title: (heading[2] ?? '').replace(CLOSING_HASHES, '').trim() });
      findCodeSpans(text, start, end, excluded);
      continue;
    }
    const item = LIST_ITEM.exec(content);
    if (item) {
      closeBlock();
      kinds[line] = LineKind.ListItem;
      listItems.push({
        line,
        indent: indentWidth(content, 0, item[1].length),
        markerStart: start + item[1].length,
        contentStart: start + item[0].length,
      });
    } else {
      kinds[line] = LineKind.Text;
    }
    if (blockStart < 0) blockStart = start;
    blockEnd = end;
  }
  closeBlock();
  return { excluded: mergeIntervals(excluded), headings, listItems, kinds };
}

/** Marks inline code spans in a block: a run of backticks up to the next run of the same length. */
function findCodeSpans(text: string, start: number, end: number, excluded: number[]): void {
  const first = text.indexOf('`', start);
  if (first < 0 || first >= end) return;
  const runStarts: number[] = [];
  const runLengths: number[] = [];
  for (let i = first; i < end; ) {
    if (text.charCodeAt(i) !== BACKTICK) {
      i++;
      continue;
    }
    let j = i;
    while (j < end && text.charCodeAt(j) === BACKTICK) j++;
    runStarts.push(i);
    runLengths.push(j - i);
    const next = text.indexOf('`', j);
    i = next < 0 || next >= end ? end : next;
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

/** Marks URLs on a line: `scheme://…`, `www.…`, `mailto:…`, and Markdown link destinations `](…)`. */
function findUrls(text: string, start: number, end: number, excluded: number[]): void {
  const line = text.slice(start, end);
  if (!line.includes(':') && !line.includes('www.') && !line.includes('](')) return;
  const urlEnd = (from: number) => {
    let i = from;
    while (i < end && !/[\s<>]/.test(text[i])) i++;
    return i;
  };
  for (let at = line.indexOf('://'); at >= 0; at = line.indexOf('://', at + 3)) {
    let schemeStart = start + at;
    while (schemeStart > start && SCHEME_CHAR.test(text[schemeStart - 1])) schemeStart--;
    if (schemeStart === start + at) continue;
    excluded.push(schemeStart, urlEnd(start + at + 3));
  }
  for (const prefix of ['www.', 'mailto:']) {
    for (let at = line.indexOf(prefix); at >= 0; at = line.indexOf(prefix, at + prefix.length)) {
      if (!isWordCharBefore(text, start + at)) excluded.push(start + at, urlEnd(start + at + prefix.length));
    }
  }
  for (let at = line.indexOf(']('); at >= 0; at = line.indexOf('](', at + 2)) {
    const close = line.indexOf(')', at + 2);
    excluded.push(start + at + 2, close < 0 ? end : start + close);
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

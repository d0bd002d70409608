import { CR, LESS_THAN, GREATER_THAN, LF, OPEN_PAREN, SLASH, SPACE, TAB } from '../text/charCodes';
import { isWordCharBefore } from '../text/wordCharacters';
import type { LineIndex } from '../text/lineIndex';
import { lastAtMost } from '../text/sortedSearch';
import { readBlocks, type Heading } from '../markdown/blocks';
import { findInlineSyntax } from '../markdown/inlines';
import type { InlineBlockTable, ListItemTable } from '../markdown/tables';

export type { Heading, InlineBlockTable, ListItemTable };

/**
 * What the body is, read as CommonMark 0.31.2 reads it (the reading of VS Code's Markdown
 * preview): where the prose is, and its headings, list items and paragraphs.
 */
export interface BodyStructure {
  /**
   * Sorted, merged `[start, end)` offset pairs where no mention, tag, citation, estimative term
   * or portion mark is read: code, raw HTML, autolinks, link destinations, titles and reference
   * labels, link reference definitions, and (our one exception to CommonMark) bare URLs.
   */
  readonly excluded: number[];
  readonly headings: Heading[];
  /** List items, each with its first block when that is a paragraph. */
  readonly listItems: ListItemTable;
  /** Paragraphs and headings' text, in order. */
  readonly inlineBlocks: InlineBlockTable;
  /** For each line of an inline block, where its content starts (after quote marks, list markers and indentation); else -1. */
  readonly lineContent: Int32Array;
  /** Offsets of the `[` of each link reference definition. */
  readonly definitionStarts: number[];
  /** Offsets where a portion (a paragraph, a list item's, a heading) starts with `(`: where portion marks are written. */
  readonly portionStarts: number[];
  /** Where each of those portions ends, parallel to `portionStarts`. */
  readonly portionEnds: number[];
}

/** A list marker: `-`, `*`, `+`, or a number and `.` or `)`. */
export const LIST_MARKER = String.raw`(?:[-*+]|\d{1,9}[.)])`;

/** What may make a paragraph's inline content other than prose: code spans, HTML and autolinks, links. */
const INLINE_SYNTAX = ['`', '<', '['] as const;

export function scanBody(text: string, lines: LineIndex, bodyStartLine: number): BodyStructure {
  const blocks = readBlocks(text, lines, bodyStartLine);
  // Three lists, each in order: the blocks', the inline syntax's, the bare URLs'.
  const inlineExcluded: number[] = [];
  const urls: number[] = [];
  const portionStarts: number[] = [];
  const portionEnds: number[] = [];
  // Where the next `` ` ``, `<` and `[` are, at or after the block being read: blocks come in
  // order, so the text is searched once for each (`indexOf` outruns a character class).
  const next = [-1, -1, -1];
  const hasSyntax = (start: number, end: number) => {
    for (let k = 0; k < next.length; k++) {
      if (next[k] !== -2 && next[k] < start) {
        const found = text.indexOf(INLINE_SYNTAX[k], start);
        next[k] = found < 0 ? -2 : found; // -2: none left, never search again
      }
      if (next[k] >= 0 && next[k] < end) return true;
    }
    return false;
  };
  const { inlineBlocks } = blocks;
  for (let block = 0; block < inlineBlocks.count; block++) {
    const start = inlineBlocks.start(block);
    if (text.charCodeAt(start) === OPEN_PAREN) {
      portionStarts.push(start);
      portionEnds.push(inlineBlocks.end(block));
    }
    if (hasSyntax(start, inlineBlocks.end(block))) findInlineSyntaxIn(text, inlineBlocks, block, blocks.lineContent, lines, blocks.references, inlineExcluded);
  }
  findUrls(text, bodyStartLine < lines.lineCount ? lines.lineStart(bodyStartLine) : text.length, urls);
  return {
    excluded: mergeIntervals([blocks.excluded, inlineExcluded, urls]),
    headings: blocks.headings,
    listItems: blocks.listItems,
    inlineBlocks: blocks.inlineBlocks,
    lineContent: blocks.lineContent,
    definitionStarts: blocks.definitionStarts,
    portionStarts,
    portionEnds,
  };
}

/**
 * The structure of a text whose body is an earlier text's body unchanged, `delta` characters and
 * `lineDelta` lines further on (after an edit in the front matter): the earlier one, moved,
 * rather than read again.
 */
export function movedBody(body: BodyStructure, delta: number, lineDelta: number, lineCount: number): BodyStructure {
  if (delta === 0 && lineDelta === 0) return body;
  const moved = (offsets: readonly number[]) => offsets.map((offset) => offset + delta);
  const lineContent = new Int32Array(lineCount).fill(-1);
  body.lineContent.forEach((start, line) => {
    if (start >= 0) lineContent[line + lineDelta] = start + delta;
  });
  return {
    excluded: moved(body.excluded),
    headings: body.headings.map((heading) => ({ line: heading.line + lineDelta, level: heading.level, title: heading.title })),
    listItems: body.listItems.moved(delta, lineDelta),
    inlineBlocks: body.inlineBlocks.moved(delta, lineDelta),
    lineContent,
    definitionStarts: moved(body.definitionStarts),
    portionStarts: moved(body.portionStarts),
    portionEnds: moved(body.portionEnds),
  };
}

/**
 * Reads an inline block's syntax on its content as the preview sees it: its lines without their
 * container marks and indentation, joined by line breaks. What is found is mapped back to the text.
 */
function findInlineSyntaxIn(
  text: string,
  blocks: InlineBlockTable,
  block: number,
  lineContent: Int32Array,
  lines: LineIndex,
  references: ReadonlySet<string> | undefined,
  excluded: number[],
): void {
  const firstLine = blocks.firstLine(block);
  const lastLine = blocks.lastLine(block);
  const end = blocks.end(block);
  if (firstLine === lastLine) {
    const start = blocks.start(block);
    findInlineSyntax(text.slice(start, end), references, excluded, start);
    return;
  }
  // Each line's piece: where it starts in the content, and in the text.
  const contentStarts: number[] = [];
  const textStarts: number[] = [];
  const pieces: string[] = [];
  let length = 0;
  for (let line = firstLine; line <= lastLine; line++) {
    const start = lineContent[line];
    const piece = text.slice(start, line === lastLine ? end : lines.lineEnd(line));
    contentStarts.push(length);
    textStarts.push(start);
    pieces.push(piece);
    length += piece.length + 1;
  }
  const found: number[] = [];
  findInlineSyntax(pieces.join('\n'), references, found);
  const toText = (offset: number) => {
    const piece = lastAtMost(contentStarts, offset);
    return textStarts[piece] + offset - contentStarts[piece];
  };
  for (let i = 0; i < found.length; i += 2) excluded.push(toText(found[i]), toText(found[i + 1] - 1) + 1);
}

const SCHEME_CHAR = /[A-Za-z0-9+.-]/;

/**
 * Where a bare URL may be: a colon (`scheme://`, `mailto:`), rare in prose, or `www.`. V8's
 * `indexOf` stops at each first character of its pattern: it found `mailto` at every `m`.
 */
const URL_MARKERS = [':', 'www.'] as const;
const MAILTO = 'mailto';

/**
 * Marks bare URLs, `scheme://…`, `www.…` and `mailto:…`, in one pass over the body: CommonMark
 * reads them as text, but a name inside one is part of an address, not a mention. A URL ends at
 * whitespace or `<`/`>`. Each marker is found with `indexOf`, which outruns a regular
 * expression's alternation.
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
    // Where `mailto` would start before this colon: not before the search began.
    const mailto = at - MAILTO.length;
    const mailtoSearched = mailto >= position;
    position = at + URL_MARKERS[which].length;
    // Each URL is skipped whole, so that no character is looked at twice.
    let start = -1;
    if (which === 1) {
      if (!isWordCharBefore(text, at)) start = at;
    } else if (mailtoSearched && text.startsWith(MAILTO, mailto) && !isWordCharBefore(text, mailto)) {
      start = mailto;
    } else if (text.charCodeAt(at + 1) === SLASH && text.charCodeAt(at + 2) === SLASH) {
      let schemeStart = at;
      while (schemeStart > from && SCHEME_CHAR.test(text[schemeStart - 1])) schemeStart--;
      if (schemeStart < at) start = schemeStart;
      position = at + 3;
    }
    if (start < 0) continue;
    const end = urlEnd(position);
    excluded.push(start, end);
    position = end;
  }
}

/** Merges lists of `[start, end)` pairs, each in order, into one list of disjoint pairs in order: in time linear in their length. */
function mergeIntervals(lists: readonly (readonly number[])[]): number[] {
  const merged: number[] = [];
  const next = lists.map(() => 0);
  for (;;) {
    // The list whose next pair starts first.
    let which = -1;
    for (let k = 0; k < lists.length; k++) {
      if (next[k] < lists[k].length && (which < 0 || lists[k][next[k]] < lists[which][next[which]])) which = k;
    }
    if (which < 0) return merged;
    const start = lists[which][next[which]];
    const end = lists[which][next[which] + 1];
    next[which] += 2;
    if (end <= start) continue;
    const last = merged.length - 1;
    if (last > 0 && start <= merged[last]) merged[last] = Math.max(merged[last], end);
    else merged.push(start, end);
  }
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

import { BYTE_ORDER_MARK, CR, DASH, HASH, LF, SPACE, TAB } from '../text/charCodes';
import { LineIndex } from '../text/lineIndex';

/**
 * Cuts a YAML mapping into the pieces that can be read on their own: each top-level key with its
 * value, and, for a block `actors:` or `places:` list, the key line and each item apart.
 *
 * Only where the text is written plainly: keys at column 0, list items at one indentation. The
 * cut is a guess checked afterwards (see yamlMapping.ts): a piece that does not read cleanly as
 * what it should be sends the whole text to the `yaml` package at once.
 */

/** A piece of the YAML text: its text and where it starts. */
export interface Piece {
  readonly text: string;
  readonly offset: number;
}

/** One top-level key: its own piece, and the items of its block list when they were cut apart. */
export interface TopLevelPieces {
  /** `keyAt`: where, in the piece's text, the line of its key starts (after the first piece's leading comments). */
  readonly head: Piece & { readonly keyAt: number };
  /** Set only for an `actors:` or `places:` key whose value is a block list: one piece per item. */
  readonly items: readonly Piece[] | undefined;
}

/** A key line whose value is a block list to cut into items: nothing after the colon but a comment. */
const LIST_KEY_LINE = /^(?:actors|places)[ \t]*:(?:[ \t]+(?:#.*)?)?$/;

/**
 * The top-level pieces of `text`, in order, covering it whole; undefined when the text is not
 * written plainly enough to cut (then it is read whole).
 */
export function cutTopLevel(text: string): TopLevelPieces[] | undefined {
  // A lone CR is a line break to YAML too; such rare texts are read whole rather than cut by
  // two different ideas of a line.
  if (text.length === 0 || text.charCodeAt(0) === BYTE_ORDER_MARK || /\r(?!\n)/.test(text)) return undefined;
  const lines = new LineIndex(text);
  const pieces: TopLevelPieces[] = [];
  let line = 0;
  // Lines before the first key may only be blank or comments: they join the first piece.
  while (line < lines.lineCount && !startsPiece(text, lines.lineStart(line))) {
    if (!isBlankOrComment(text, lines.lineStart(line))) return undefined;
    line++;
  }
  if (line === lines.lineCount) return undefined;
  while (line < lines.lineCount) {
    const first = pieces.length === 0 ? 0 : lines.lineStart(line);
    const keyLine = line;
    line++;
    const listItemIndent = LIST_KEY_LINE.test(lines.lineText(keyLine)) ? blockListIndent(text, lines, line) : undefined;
    const endsPiece = (start: number) => startsPiece(text, start) && !(listItemIndent === 0 && isListItem(text, start, 0));
    while (line < lines.lineCount && !endsPiece(lines.lineStart(line))) line++;
    const end = line < lines.lineCount ? lines.lineStart(line) : text.length;
    if (listItemIndent === undefined) {
      pieces.push({ head: { text: text.slice(first, end), offset: first, keyAt: lines.lineStart(keyLine) - first }, items: undefined });
      continue;
    }
    const items: Piece[] = [];
    let itemStart = -1;
    for (let at = keyLine + 1; at < line; at++) {
      const start = lines.lineStart(at);
      if (!isListItem(text, start, listItemIndent)) continue;
      if (itemStart >= 0) items.push({ text: text.slice(itemStart, start), offset: itemStart });
      itemStart = start;
    }
    items.push({ text: text.slice(itemStart, end), offset: itemStart });
    pieces.push({ head: { text: text.slice(first, items[0].offset), offset: first, keyAt: lines.lineStart(keyLine) - first }, items });
  }
  return pieces;
}

/**
 * The indentation of a block list that starts after a key line: its first line that is not blank
 * or a comment must be `- …` (at any indentation); undefined when it is not.
 */
function blockListIndent(text: string, lines: LineIndex, from: number): number | undefined {
  for (let line = from; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    if (isBlankOrComment(text, start)) continue;
    let at = start;
    while (text.charCodeAt(at) === SPACE) at++;
    return isListItem(text, start, at - start) ? at - start : undefined;
  }
  return undefined;
}

/** A line with exactly `indent` spaces, then `-` followed by a space or the line's end. */
function isListItem(text: string, start: number, indent: number): boolean {
  for (let at = start; at < start + indent; at++) if (text.charCodeAt(at) !== SPACE) return false;
  if (text.charCodeAt(start + indent) !== DASH) return false;
  const next = text.charCodeAt(start + indent + 1);
  return next === SPACE || next === LF || next === CR || Number.isNaN(next);
}

/** A line that is neither indented, blank nor a comment: a top-level key, or something the check will refuse. */
function startsPiece(text: string, start: number): boolean {
  const code = text.charCodeAt(start);
  return code !== SPACE && code !== TAB && !isBlankOrComment(text, start);
}

function isBlankOrComment(text: string, start: number): boolean {
  let at = start;
  for (;;) {
    const code = text.charCodeAt(at);
    if (code === SPACE || code === TAB) at++;
    else return Number.isNaN(code) || code === LF || code === CR || code === HASH;
  }
}

import {
  BACKSLASH,
  BACKTICK,
  CLOSE_BRACKET,
  CLOSE_PAREN,
  COLON,
  CR,
  DASH,
  DIGIT_0,
  DIGIT_9,
  DOT,
  EQUALS,
  GREATER_THAN,
  HASH,
  LESS_THAN,
  LF,
  OPEN_BRACKET,
  PLUS,
  SPACE,
  STAR,
  TAB,
  TILDE,
  UNDERSCORE,
} from '../text/charCodes';
import type { LineIndex } from '../text/lineIndex';
import { endsHtmlBlock, htmlBlockKind } from './htmlSyntax';
import { normalizeLabel, parseLinkDestination, parseLinkTitle } from './linkSyntax';
import { InlineBlockTable, ListItemTable } from './tables';

/**
 * The block structure of a briefing's body, read as CommonMark 0.31.2 reads it. The rules and
 * their order are markdown-it's (the parser of VS Code's Markdown preview, MIT licensed), so that
 * a container, a code block or a list item is where the preview has one; they are written here
 * over our own data, without tokens: what the core needs is where the prose is, and which list
 * items, headings and paragraphs there are.
 *
 * The reading is line by line with per-line indentation arrays that containers (block quotes,
 * list items) narrow while they read their lines, as markdown-it's does. Nesting deeper than
 * the preview's limit is not read, as the preview shows nothing there: those lines are not prose.
 */

export interface Heading {
  readonly line: number;
  readonly level: number;
  readonly title: string;
}

export interface BlockStructure {
  /** `[start, end)` offset pairs of blocks that are not prose: code, HTML, link reference definitions. */
  readonly excluded: number[];
  /** Paragraphs and headings' text: where inline content (prose, code spans, links…) is. */
  readonly inlineBlocks: InlineBlockTable;
  readonly headings: Heading[];
  /** List items, each with its first block when that is a paragraph. */
  readonly listItems: ListItemTable;
  /** The normalized labels of the link reference definitions; undefined when there are none (links by reference are then never read). */
  readonly references: ReadonlySet<string> | undefined;
  /** Offsets of each definition's `[`, in order. */
  readonly definitionStarts: number[];
  /** For each line of an inline block, the offset where its content starts (after container marks and indentation); else -1. */
  readonly lineContent: Int32Array;
}

/** How deep blocks may nest, counted as the preview counts (a block quote one, a list and its item two): deeper is not shown. */
export const MAX_NESTING = 100;

const MAX_LABEL_LENGTH = 999;

const isSpace = (code: number) => code === SPACE || code === TAB;
const isLineBreak = (code: number) => code === LF || code === CR;

/** What a container is reading, for the rule that behaves differently inside one (a list item interrupting a paragraph). */
const PARENT_OTHER = 0;
const PARENT_PARAGRAPH = 1;
/** Which rule read a block: the first block of a list item decides whether the item may be an event. */
const READ_OTHER = 0;
const READ_PARAGRAPH = 1;
const READ_DEFINITION = 2;

/**
 * The per-line arrays of the reading, kept from one reading to the next: they live only while
 * `readBlocks` runs (which never runs inside itself), and a long briefing read after each edit
 * would otherwise allocate and collect five arrays of its line count every time. A text of more
 * lines than `SCRATCH_MAX_LINES` gets arrays of its own, so that one huge file does not leave a
 * huge buffer behind.
 */
let scratch = new Int32Array(0);
const SCRATCH_MAX_LINES = 200_000;

/** Reads the blocks of `text` from `fromLine` on. */
export function readBlocks(src: string, lines: LineIndex, fromLine: number): BlockStructure {
  const count = lines.lineCount;
  const size = count + 1;
  let arrays = scratch;
  if (arrays.length < size * 5) {
    arrays = new Int32Array(size * 5);
    if (count <= SCRATCH_MAX_LINES) scratch = arrays;
  }
  // Per line (and one past the last): where its content starts for the container being read
  // (bMarks), where it ends, how many characters and columns of indentation follow (tShift,
  // sCount; -1 for a lazy line of a block quote), and the column bMarks is at (bsCount, for tabs).
  // Lines before `fromLine` are never read: what an earlier reading left there does not matter.
  const bMarks = arrays.subarray(0, size);
  const eMarks = arrays.subarray(size, size * 2);
  const tShift = arrays.subarray(size * 2, size * 3);
  const sCount = arrays.subarray(size * 3, size * 4);
  const bsCount = arrays.subarray(size * 4, size * 5);
  bsCount.fill(0, fromLine);
  const lineContent = new Int32Array(count).fill(-1);
  for (let line = fromLine; line < count; line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    let at = start;
    let columns = 0;
    for (; at < end; at++) {
      const code = src.charCodeAt(at);
      if (code === SPACE) columns++;
      else if (code === TAB) columns += 4 - (columns % 4);
      else break;
    }
    bMarks[line] = start;
    eMarks[line] = end;
    tShift[line] = at - start;
    sCount[line] = columns;
  }
  bMarks[count] = eMarks[count] = src.length;
  tShift[count] = sCount[count] = 0;

  let lineMax = count;
  let blkIndent = 0;
  /** The line after the block a rule read. */
  let after = 0;
  let listIndent = -1;
  let parentType = PARENT_OTHER;
  let level = 0;
  /** `[line, bMarks, tShift, sCount, bsCount]` of lines block quotes changed, to restore when each quote is read. */
  const undo: number[] = [];
  /** The paragraph read last, for the list item waiting for its first block. */
  let lastParagraph = -1;
  const excluded: number[] = [];
  const inlineBlocks = new InlineBlockTable();
  const headings: Heading[] = [];
  const listItems = new ListItemTable();
  const definitionStarts: number[] = [];
  let references: Set<string> | undefined;

  const contentStart = (line: number) => bMarks[line] + tShift[line];
  const isEmpty = (line: number) => bMarks[line] + tShift[line] >= eMarks[line];
  const skipSpaces = (at: number) => {
    while (at < src.length && isSpace(src.charCodeAt(at))) at++;
    return at;
  };
  /** Where a text ending at `end` ends without its trailing spaces and tabs, `start` at the most. */
  const trimEnd = (start: number, end: number) => {
    while (end > start && isSpace(src.charCodeAt(end - 1))) end--;
    return end;
  };
  const skipChars = (at: number, code: number) => {
    while (at < src.length && src.charCodeAt(at) === code) at++;
    return at;
  };
  /** Indented four or more past the container: code, never a block start. */
  const isCodeIndented = (line: number) => sCount[line] - blkIndent >= 4;
  /** The end of a line, its line break included (a definition's label and title may go on over it). */
  const lineEndWithBreak = (line: number) => Math.min(eMarks[line] + 1, src.length);

  /** Reads the blocks of `[startLine, endLine)` at the current indentation; the list item `item` (or -1) waits for its first block. */
  function tokenize(startLine: number, endLine: number, item: number): void {
    let line = startLine;
    while (line < endLine) {
      while (line < lineMax && isEmpty(line)) line++;
      after = line;
      if (line >= endLine || sCount[line] < blkIndent) break;
      if (level >= MAX_NESTING) {
        // The preview shows nothing past its nesting limit.
        excluded.push(bMarks[line], eMarks[endLine - 1]);
        after = endLine;
        break;
      }
      const read = block(line, endLine);
      if (item >= 0 && read !== READ_DEFINITION) {
        if (read === READ_PARAGRAPH) listItems.setParagraph(item, lastParagraph);
        item = -1;
      }
      line = after;
      if (line < endLine && isEmpty(line)) after = ++line;
    }
  }

  /** Reads the block that starts at `line`, with the first rule that takes it. */
  function block(line: number, endLine: number): number {
    if (isCodeIndented(line)) {
      code(line, endLine);
      return READ_OTHER;
    }
    const first = src.charCodeAt(contentStart(line));
    if (first === OPEN_BRACKET) {
      if (definition(line, false)) return READ_DEFINITION;
    } else if (startsBlock(first, line, endLine, false)) {
      return READ_OTHER;
    }
    return paragraphOrSetextHeading(line, endLine);
  }

  /**
   * The rules for a block that may interrupt a paragraph, by its first character: fence, block
   * quote, thematic break, list, HTML, ATX heading. `silent`: only tell whether one starts.
   * `all` false: only those that end a list rather than start its next item (fence, block
   * quote, thematic break).
   */
  function startsBlock(first: number, line: number, endLine: number, silent: boolean, all = true): boolean {
    switch (first) {
      case BACKTICK:
      case TILDE:
        return fence(line, endLine, silent);
      case GREATER_THAN:
        return blockquote(line, endLine, silent);
      case STAR:
      case DASH:
        return thematicBreak(line, silent) || (all && list(line, endLine, silent));
      case UNDERSCORE:
        return thematicBreak(line, silent);
      case LESS_THAN:
        return all && htmlBlock(line, endLine, silent);
      case HASH:
        return all && atxHeading(line, silent);
      default:
        return all && (first === PLUS || (first >= DIGIT_0 && first <= DIGIT_9)) && list(line, endLine, silent);
    }
  }

  /** Whether the line starts a block that ends a paragraph (or a definition, or a block quote's lazy lines). */
  const interruptsParagraph = (line: number, endLine: number) => startsBlock(src.charCodeAt(contentStart(line)), line, endLine, true);

  /** Whether the line ends a list (rather than starting its next item). */
  const interruptsList = (line: number, endLine: number) => startsBlock(src.charCodeAt(contentStart(line)), line, endLine, true, false);

  /** Indented code: four columns past the container's indentation, blank lines within. */
  function code(startLine: number, endLine: number): void {
    let nextLine = startLine + 1;
    let last = nextLine;
    while (nextLine < endLine) {
      if (isEmpty(nextLine)) nextLine++;
      else if (isCodeIndented(nextLine)) last = ++nextLine;
      else break;
    }
    after = last;
    excluded.push(contentStart(startLine), eMarks[last - 1]);
  }

  /** A fenced code block: three or more backticks or tildes, to a closing fence or its container's end. */
  function fence(startLine: number, endLine: number, silent: boolean): boolean {
    const start = contentStart(startLine);
    if (isCodeIndented(startLine) || start + 3 > eMarks[startLine]) return false;
    const marker = src.charCodeAt(start);
    if (marker !== TILDE && marker !== BACKTICK) return false;
    let at = skipChars(start, marker);
    const length = at - start;
    if (length < 3) return false;
    if (marker === BACKTICK) {
      const backtick = src.indexOf('`', at);
      if (backtick >= 0 && backtick < eMarks[startLine]) return false;
    }
    if (silent) return true;
    let nextLine = startLine;
    let closed = false;
    while (++nextLine < endLine) {
      const lineStart = contentStart(nextLine);
      if (lineStart < eMarks[nextLine] && sCount[nextLine] < blkIndent) break;
      if (src.charCodeAt(lineStart) !== marker || isCodeIndented(nextLine)) continue;
      at = skipChars(lineStart, marker);
      if (at - lineStart < length || skipSpaces(at) < eMarks[nextLine]) continue;
      closed = true;
      break;
    }
    after = nextLine + (closed ? 1 : 0);
    excluded.push(start, eMarks[after - 1]);
    return true;
  }

  /** A block quote: its lines lose their `>` while its content is read, and lazy lines join its paragraph. */
  function blockquote(startLine: number, endLine: number, silent: boolean): boolean {
    if (isCodeIndented(startLine) || src.charCodeAt(contentStart(startLine)) !== GREATER_THAN) return false;
    if (silent) return true;
    // The lines' values as they were, restored when the quote is read: only those that change
    // are kept, so that lazy lines under many levels of quotes cost no memory per level.
    const undoFrom = undo.length;
    const keep = (line: number) => undo.push(line, bMarks[line], tShift[line], sCount[line], bsCount[line]);
    const oldLineMax = lineMax;
    const oldParentType = parentType;
    parentType = PARENT_OTHER;
    let lastLineEmpty = false;
    let nextLine = startLine;
    for (; nextLine < endLine; nextLine++) {
      const isOutdented = sCount[nextLine] < blkIndent;
      let at = contentStart(nextLine);
      const max = eMarks[nextLine];
      if (at >= max) break; // a blank line ends the quote
      if (src.charCodeAt(at++) === GREATER_THAN && !isOutdented) {
        // This line is in the quote: its content starts after `>` and one optional space.
        let initial = sCount[nextLine] + 1;
        let spaceAfterMarker = true;
        let adjustTab = false;
        const next = src.charCodeAt(at);
        if (next === SPACE) {
          at++;
          initial++;
        } else if (next === TAB) {
          if ((bsCount[nextLine] + initial) % 4 === 3) {
            at++;
            initial++;
          } else {
            adjustTab = true;
          }
        } else {
          spaceAfterMarker = false;
        }
        let offset = initial;
        keep(nextLine);
        bMarks[nextLine] = at;
        for (; at < max; at++) {
          const code = src.charCodeAt(at);
          if (code === TAB) offset += 4 - ((offset + bsCount[nextLine] + (adjustTab ? 1 : 0)) % 4);
          else if (code === SPACE) offset++;
          else break;
        }
        lastLineEmpty = at >= max;
        bsCount[nextLine] = sCount[nextLine] + 1 + (spaceAfterMarker ? 1 : 0);
        sCount[nextLine] = offset - initial;
        tShift[nextLine] = at - bMarks[nextLine];
        continue;
      }
      // A line without `>`: after a blank quoted line, or where a block starts, the quote ends;
      // otherwise it is a lazy continuation of the quote's paragraph.
      if (lastLineEmpty) break;
      if (interruptsParagraph(nextLine, endLine)) {
        lineMax = nextLine;
        if (blkIndent !== 0) {
          keep(nextLine);
          sCount[nextLine] -= blkIndent;
        }
        break;
      }
      if (sCount[nextLine] !== -1) {
        keep(nextLine);
        sCount[nextLine] = -1;
      }
    }
    const oldIndent = blkIndent;
    blkIndent = 0;
    level++;
    tokenize(startLine, nextLine, -1);
    level--;
    lineMax = oldLineMax;
    parentType = oldParentType;
    for (let k = undoFrom; k < undo.length; k += 5) {
      const line = undo[k];
      bMarks[line] = undo[k + 1];
      tShift[line] = undo[k + 2];
      sCount[line] = undo[k + 3];
      bsCount[line] = undo[k + 4];
    }
    undo.length = undoFrom;
    blkIndent = oldIndent;
    return true;
  }

  /** A thematic break: three or more `*`, `-` or `_`, spaces between allowed. */
  function thematicBreak(line: number, silent: boolean): boolean {
    if (isCodeIndented(line)) return false;
    let at = contentStart(line);
    const max = eMarks[line];
    const marker = src.charCodeAt(at++);
    let count = 1;
    for (; at < max; at++) {
      const code = src.charCodeAt(at);
      if (code === marker) count++;
      else if (!isSpace(code)) return false;
    }
    if (count < 3) return false;
    if (!silent) after = line + 1;
    return true;
  }

  /** After a list marker (`-`, `*`, `+`, or one to nine digits and `.` or `)`) and its space: the offset, or -1. */
  function afterListMarker(line: number, ordered: boolean): number {
    const start = contentStart(line);
    const max = eMarks[line];
    let at = start;
    let code = src.charCodeAt(at++);
    if (ordered) {
      if (at >= max || code < DIGIT_0 || code > DIGIT_9) return -1;
      for (;;) {
        if (at >= max) return -1;
        code = src.charCodeAt(at++);
        if (code < DIGIT_0 || code > DIGIT_9) break;
        if (at - start >= 10) return -1;
      }
      if (code !== CLOSE_PAREN && code !== DOT) return -1;
    } else if (code !== STAR && code !== DASH && code !== PLUS) {
      return -1;
    }
    return at < max && !isSpace(src.charCodeAt(at)) ? -1 : at;
  }

  /** A list: its items, each read with the indentation of its content. */
  function list(startLine: number, endLine: number, silent: boolean): boolean {
    let nextLine = startLine;
    if (isCodeIndented(nextLine)) return false;
    // A marker indented four columns past its parent list's is not a new list, where it is also
    // less indented than the current item's content (it is then lazy text of that item).
    if (listIndent >= 0 && sCount[nextLine] - listIndent >= 4 && sCount[nextLine] < blkIndent) return false;
    const interrupts = silent && parentType === PARENT_PARAGRAPH && sCount[nextLine] >= blkIndent;
    const ordered = afterListMarker(nextLine, true) >= 0;
    let posAfterMarker = afterListMarker(nextLine, ordered);
    if (posAfterMarker < 0) return false;
    // Only a list that starts at 1, and not an empty item, may interrupt a paragraph.
    if (interrupts && ordered && Number(src.slice(contentStart(nextLine), posAfterMarker - 1)) !== 1) return false;
    if (interrupts && skipSpaces(posAfterMarker) >= eMarks[nextLine]) return false;
    if (silent) return true;

    const markerCode = src.charCodeAt(posAfterMarker - 1);
    const oldParentType = parentType;
    parentType = PARENT_OTHER;
    level++;
    while (nextLine < endLine) {
      let at = posAfterMarker;
      const max = eMarks[nextLine];
      const markerStart = contentStart(nextLine);
      const initial = sCount[nextLine] + posAfterMarker - markerStart;
      let offset = initial;
      for (; at < max; at++) {
        const code = src.charCodeAt(at);
        if (code === TAB) offset += 4 - ((offset + bsCount[nextLine]) % 4);
        else if (code === SPACE) offset++;
        else break;
      }
      // Five or more spaces after the marker: the content is indented code, one space in.
      let indentAfterMarker = at >= max ? 1 : offset - initial;
      if (indentAfterMarker > 4) indentAfterMarker = 1;

      const item = listItems.count;
      listItems.push(nextLine, markerStart, -1, 0);
      level++;
      const oldTShift = tShift[nextLine];
      const oldSCount = sCount[nextLine];
      const oldListIndent = listIndent;
      listIndent = blkIndent;
      blkIndent = initial + indentAfterMarker;
      tShift[nextLine] = at - bMarks[nextLine];
      sCount[nextLine] = offset;
      // An item that starts with a blank line and goes on with another is empty.
      if (at >= max && isEmpty(nextLine + 1)) after = Math.min(after + 2, endLine);
      else tokenize(nextLine, endLine, item);
      blkIndent = listIndent;
      listIndent = oldListIndent;
      tShift[nextLine] = oldTShift;
      sCount[nextLine] = oldSCount;
      level--;

      nextLine = after;
      if (nextLine >= endLine || sCount[nextLine] < blkIndent || isCodeIndented(nextLine) || interruptsList(nextLine, endLine)) break;
      posAfterMarker = afterListMarker(nextLine, ordered);
      // Another marker character starts another list.
      if (posAfterMarker < 0 || markerCode !== src.charCodeAt(posAfterMarker - 1)) break;
    }
    level--;
    after = nextLine;
    parentType = oldParentType;
    return true;
  }

  /**
   * Where the next line of a definition goes on, or -1 where the definition cannot: a blank line,
   * or a line that starts a block (unless indented four or more, or lazy in a block quote).
   */
  function nextDefinitionLine(nextLine: number): number {
    if (nextLine >= lineMax || isEmpty(nextLine)) return -1;
    if (sCount[nextLine] - blkIndent <= 3 && sCount[nextLine] >= 0) {
      const oldParentType = parentType;
      parentType = PARENT_OTHER;
      const interrupted = interruptsParagraph(nextLine, lineMax);
      parentType = oldParentType;
      if (interrupted) return -1;
    }
    return contentStart(nextLine);
  }

  /** A link reference definition, `[label]: destination "title"`, over one or more lines. */
  function definition(startLine: number, silent: boolean): boolean {
    const start = contentStart(startLine);
    let at = start;
    let nextLine = startLine + 1;
    let max = lineEndWithBreak(startLine);
    let rawLabel = '';
    let labelEnd = -1;
    let segmentStart = ++at;
    while (at < max) {
      if (rawLabel.length + at - segmentStart > MAX_LABEL_LENGTH * 2) return false;
      let code = src.charCodeAt(at);
      if (code === OPEN_BRACKET) return false;
      if (code === CLOSE_BRACKET) {
        labelEnd = at;
        break;
      }
      if (code === BACKSLASH) code = src.charCodeAt(++at);
      if (isLineBreak(code) && at < max) {
        const nextStart = nextDefinitionLine(nextLine);
        if (nextStart < 0) return false;
        rawLabel += src.slice(segmentStart, max);
        at = segmentStart = nextStart;
        max = lineEndWithBreak(nextLine++);
        continue;
      }
      at++;
    }
    if (labelEnd < 0 || src.charCodeAt(labelEnd + 1) !== COLON) return false;
    rawLabel += src.slice(segmentStart, labelEnd);
    if (rawLabel.length > MAX_LABEL_LENGTH && [...rawLabel].length > MAX_LABEL_LENGTH) return false;

    // Whitespace, one line break included, then the destination.
    const skipWhitespace = () => {
      while (at < max) {
        const code = src.charCodeAt(at);
        if (isLineBreak(code)) {
          const nextStart = nextDefinitionLine(nextLine);
          if (nextStart < 0) break;
          at = nextStart;
          max = lineEndWithBreak(nextLine++);
        } else if (isSpace(code)) {
          at++;
        } else {
          break;
        }
      }
    };
    at = labelEnd + 2;
    skipWhitespace();
    const destination = parseLinkDestination(src, at, max);
    if (destination.end < 0 || !destination.safe) return false;
    const destinationEnd = (at = destination.end);
    const destinationMax = max;
    const destinationNextLine = nextLine;
    const backToDestination = () => {
      at = destinationEnd;
      max = destinationMax;
      nextLine = destinationNextLine;
      while (at < max && isSpace(src.charCodeAt(at))) at++;
    };

    // An optional title, which may go on over several lines.
    skipWhitespace();
    const titleStart = at;
    let title = parseLinkTitle(src, at, max);
    while (title.open) {
      const nextStart = nextDefinitionLine(nextLine);
      if (nextStart < 0) break;
      at = nextStart;
      max = lineEndWithBreak(nextLine++);
      title = parseLinkTitle(src, at, max, title.marker);
    }
    if (titleStart !== destinationEnd && title.ok) {
      at = title.end;
      while (at < max && isSpace(src.charCodeAt(at))) at++;
      // Text after the title: the definition may still end at its destination (markdown-it
      // forgets an empty title, `""`, and so refuses the definition).
      if (at < max && !isLineBreak(src.charCodeAt(at)) && title.end - titleStart > 2) backToDestination();
    } else {
      backToDestination();
    }
    if (at < max && !isLineBreak(src.charCodeAt(at))) return false;
    const label = normalizeLabel(rawLabel);
    if (!label) return false;
    if (silent) return true;

    (references ??= new Set()).add(label);
    definitionStarts.push(start);
    excluded.push(start, eMarks[nextLine - 1]);
    after = nextLine;
    return true;
  }

  /** An HTML block of one of the seven kinds: to its end pattern, or to a blank line. */
  function htmlBlock(startLine: number, endLine: number, silent: boolean): boolean {
    const start = contentStart(startLine);
    if (isCodeIndented(startLine)) return false;
    let lineText = src.slice(start, eMarks[startLine]);
    const kind = htmlBlockKind(lineText);
    if (!kind) return false;
    if (silent) return kind.interruptsParagraph;
    let nextLine = startLine + 1;
    if (!endsHtmlBlock(kind, lineText)) {
      for (; nextLine < endLine; nextLine++) {
        if (sCount[nextLine] < blkIndent && (!kind.end || !isEmpty(nextLine))) break;
        lineText = src.slice(contentStart(nextLine), eMarks[nextLine]);
        if (endsHtmlBlock(kind, lineText)) {
          if (lineText.length !== 0) nextLine++;
          break;
        }
      }
    }
    after = nextLine;
    excluded.push(start, eMarks[nextLine - 1]);
    return true;
  }

  /** An ATX heading: one to six `#`, a space, the title, optional closing `#`s. */
  function atxHeading(line: number, silent: boolean): boolean {
    if (isCodeIndented(line)) return false;
    let at = contentStart(line);
    let max = eMarks[line];
    let headingLevel = 0;
    while (at < max && src.charCodeAt(at) === HASH && headingLevel <= 6) {
      headingLevel++;
      at++;
    }
    if (headingLevel > 6 || (at < max && !isSpace(src.charCodeAt(at)))) return false;
    if (silent) return true;
    // The closing sequence, when a space precedes it.
    max = trimEnd(at, max);
    let closing = max;
    while (closing > at && src.charCodeAt(closing - 1) === HASH) closing--;
    if (closing > at && isSpace(src.charCodeAt(closing - 1))) max = closing;
    at = skipSpaces(at);
    max = trimEnd(at, max);
    after = line + 1;
    headings.push({ line, level: headingLevel, title: src.slice(at, max) });
    addInlineBlock(line, line, at, max);
    return true;
  }

  /** A paragraph, or a setext heading when one of its lines is `===` or `---`. */
  function paragraphOrSetextHeading(startLine: number, endLine: number): number {
    const oldParentType = parentType;
    parentType = PARENT_PARAGRAPH;
    let headingLevel = 0;
    let nextLine = startLine + 1;
    for (; nextLine < endLine && !isEmpty(nextLine); nextLine++) {
      if (sCount[nextLine] - blkIndent > 3) continue;
      if (sCount[nextLine] >= blkIndent) {
        const marker = src.charCodeAt(contentStart(nextLine));
        if ((marker === DASH || marker === EQUALS) && skipSpaces(skipChars(contentStart(nextLine), marker)) >= eMarks[nextLine]) {
          headingLevel = marker === EQUALS ? 1 : 2;
          break;
        }
      }
      // A lazy line of a block quote goes on; a block start ends the paragraph.
      if (sCount[nextLine] >= 0 && interruptsParagraph(nextLine, endLine)) break;
    }
    parentType = oldParentType;
    const lastLine = nextLine - 1;
    const start = contentStart(startLine);
    const end = trimEnd(start, eMarks[lastLine]);
    const inline = addInlineBlock(startLine, lastLine, start, end);
    if (headingLevel > 0) {
      after = nextLine + 1;
      headings.push({ line: startLine, level: headingLevel, title: joinedLines(startLine, lastLine, end) });
      return READ_OTHER;
    }
    after = nextLine;
    lastParagraph = inline;
    return READ_PARAGRAPH;
  }

  /** Adds a paragraph's or a heading's text; returns its index. */
  function addInlineBlock(firstLine: number, lastLine: number, start: number, end: number): number {
    inlineBlocks.push(firstLine, lastLine, start, end);
    lineContent[firstLine] = start;
    for (let line = firstLine + 1; line <= lastLine; line++) lineContent[line] = contentStart(line);
    return inlineBlocks.count - 1;
  }

  /** A multi-line heading's lines, trimmed and joined by single spaces. */
  function joinedLines(firstLine: number, lastLine: number, end: number): string {
    const parts: string[] = [];
    for (let line = firstLine; line <= lastLine; line++) {
      const part = src.slice(lineContent[line], line === lastLine ? end : eMarks[line]).trim();
      if (part !== '') parts.push(part);
    }
    return parts.join(' ');
  }

  if (fromLine < count) tokenize(fromLine, count, -1);
  return { excluded, inlineBlocks, headings, listItems, references, definitionStarts, lineContent };
}

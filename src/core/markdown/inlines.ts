import {
  BACKSLASH,
  BACKTICK,
  CLOSE_BRACKET,
  CLOSE_PAREN,
  EXCLAMATION,
  GREATER_THAN,
  LESS_THAN,
  LF,
  OPEN_BRACKET,
  OPEN_PAREN,
  QUESTION,
  SLASH,
  SPACE,
  TAB,
} from '../text/charCodes';
import { MAX_NESTING } from './blocks';
import { isAutolink, TAG_AT } from './htmlSyntax';
import { normalizeLabel, parseLinkDestination, parseLinkTitle } from './linkSyntax';

/**
 * The inline content of a paragraph or heading, read as CommonMark 0.31.2 reads it, for where it
 * is not prose: code spans, autolinks, raw HTML (tags, comments, processing instructions,
 * declarations, CDATA), and the destinations, titles and reference labels of links and images.
 * Link text and image descriptions are prose, and are read on.
 *
 * Which `[` starts a link, and where its text ends, follows markdown-it (the parser of VS Code's
 * preview, MIT licensed): a label's end is found by stepping over whole tokens (a code span, an
 * autolink, a tag, an inner link), each step remembered by its position, and nesting deeper than
 * the preview's limit is not followed. Only the rules that change where prose is are here;
 * emphasis, entities and line breaks leave every character where it is.
 */

const isSpace = (code: number) => code === SPACE || code === TAB;
const isWhitespace = (code: number) => code === SPACE || code === TAB || code === LF;
const isLetter = (code: number) => {
  const lower = code | 32;
  return lower >= 97 && lower <= 122;
};
/** The characters where a rule that matters may apply, or where a link label may end. */
const isSpecial = (code: number) => code === BACKSLASH || code === BACKTICK || code === OPEN_BRACKET || code === CLOSE_BRACKET || code === EXCLAMATION || code === LESS_THAN;

/**
 * Adds to `excluded` the `[start, end)` pairs of `src` (offsets plus `base`) that are not prose,
 * in order.
 * `references`: the normalized labels of the document's definitions, undefined when it has none.
 * `depth`: how many image descriptions this one is inside (each is read apart, as the preview does).
 */
export function findInlineSyntax(src: string, references: ReadonlySet<string> | undefined, excluded: number[], base = 0, depth = 0): void {
  let pos = 0;
  let posMax = src.length;
  let level = 0;
  /** Where a token that starts at a position ends, plus one, once stepped over (0: not yet); made when first needed. */
  let cache: Int32Array | undefined;
  /** For each length of a run of backticks, where the last such run starts. */
  let lastRuns: Map<number, number> | undefined;
  /** Set once a comment, CDATA, processing instruction or declaration was found unclosed: none after it closes either. */
  let skipHtmlSpecial = false;

  const exclude = (start: number, end: number) => {
    if (end > start) excluded.push(base + start, base + end);
  };
  const skipWhitespace = (at: number) => {
    while (at < posMax && isWhitespace(src.charCodeAt(at))) at++;
    return at;
  };

  /** Reads from `pos` to `posMax`. */
  function tokenize(): void {
    const end = posMax;
    while (pos < end) {
      if (!(level < MAX_NESTING && rule(false))) pos++;
    }
  }

  /** Applies the rule for the character at `pos`; false when none takes it. */
  function rule(silent: boolean): boolean {
    switch (src.charCodeAt(pos)) {
      case BACKSLASH:
        return escape();
      case BACKTICK:
        return backticks(silent);
      case OPEN_BRACKET:
        return link(silent);
      case EXCLAMATION:
        return image(silent);
      case LESS_THAN:
        return autolink(silent) || htmlInline(silent);
      default:
        // Text: on to the next character where something may start or a label may end.
        do pos++;
        while (pos < posMax && !isSpecial(src.charCodeAt(pos)));
        return true;
    }
  }

  /** Steps over the token at `pos`, as a link label is read. */
  function skipToken(): void {
    const at = pos;
    cache ??= new Int32Array(src.length + 1);
    const cached = cache[at];
    if (cached !== 0) {
      pos = cached - 1;
      return;
    }
    let ok = false;
    if (level < MAX_NESTING) {
      level++;
      ok = rule(true);
      level--;
    } else {
      pos = posMax;
    }
    if (!ok) pos++;
    cache[at] = pos + 1;
  }

  /** `\` and the character after it (a line break and the next line's indentation; a space: the backslash alone). */
  function escape(): boolean {
    let at = pos + 1;
    if (at >= posMax) return false;
    const code = src.charCodeAt(at);
    if (code === LF) {
      at++;
      while (at < posMax && isSpace(src.charCodeAt(at))) at++;
      pos = at;
      return true;
    }
    if (code !== SPACE) {
      if (code >= 0xd800 && code <= 0xdbff && at + 1 < posMax) {
        const low = src.charCodeAt(at + 1);
        if (low >= 0xdc00 && low <= 0xdfff) at++;
      }
      at++;
    }
    pos = at;
    return true;
  }

  /** A code span: a run of backticks to the next run of the same length; else the run is text. */
  function backticks(silent: boolean): boolean {
    const start = pos;
    let at = start + 1;
    while (at < posMax && src.charCodeAt(at) === BACKTICK) at++;
    const openerLength = at - start;
    lastRuns ??= lastRunsOf(src);
    if ((lastRuns.get(openerLength) ?? -1) >= at) {
      let matchEnd = at;
      let matchStart: number;
      while ((matchStart = src.indexOf('`', matchEnd)) !== -1 && matchStart < posMax) {
        matchEnd = matchStart + 1;
        while (src.charCodeAt(matchEnd) === BACKTICK) matchEnd++;
        if (matchEnd > posMax) break;
        if (matchEnd - matchStart === openerLength) {
          if (!silent) exclude(start, matchEnd);
          pos = matchEnd;
          return true;
        }
      }
    }
    pos = at;
    return true;
  }

  /** Where the label whose `[` is at `start` ends (its `]`), or -1; `noLinks`: a link inside ends the search. */
  function parseLinkLabel(start: number, noLinks: boolean): number {
    const oldPos = pos;
    let labelEnd = -1;
    let depthOfBrackets = 1;
    pos = start + 1;
    while (pos < posMax) {
      const marker = src.charCodeAt(pos);
      if (marker === CLOSE_BRACKET && --depthOfBrackets === 0) {
        labelEnd = pos;
        break;
      }
      const before = pos;
      skipToken();
      if (marker === OPEN_BRACKET) {
        if (before === pos - 1) {
          depthOfBrackets++;
        } else if (noLinks) {
          break;
        }
      }
    }
    pos = oldPos;
    return labelEnd;
  }

  /**
   * A reference after a link's or an image's text: `[label]` at `from`, else (or when that label
   * does not close) the text itself as the label, `[text]`. Returns where it ends, or -1 when no
   * definition matches. `from` is just past the text's `]`, or, as markdown-it has it, past a
   * `(` that opened no link: `[text](x [label]` is then a link by `[label]`.
   */
  function reference(labelStart: number, labelEnd: number, from: number): number {
    let at = labelEnd + 1;
    let label: string | undefined;
    if (from < posMax && src.charCodeAt(from) === OPEN_BRACKET) {
      const end = parseLinkLabel(from, false);
      if (end >= 0) {
        label = src.slice(from + 1, end);
        at = end + 1;
      }
    }
    return references!.has(normalizeLabel(label || src.slice(labelStart, labelEnd))) ? at : -1;
  }

  /**
   * After a link's or an image's text, `(destination "title")` with its `(` at `open`: where
   * its `)` should be (it closes the link when there), or -1 when nothing follows the `(`. A
   * destination the preview refuses is stepped over in an image (which then has none) and left
   * unread in a link.
   */
  function destinationEnd(open: number, image: boolean): number {
    let at = skipWhitespace(open + 1);
    if (at >= posMax) return -1;
    const destination = parseLinkDestination(src, at, posMax);
    if (destination.end >= 0 && (destination.safe || image)) {
      if (destination.safe) at = destination.end;
      const start = at;
      at = skipWhitespace(at);
      const title = parseLinkTitle(src, at, posMax);
      if (at < posMax && start !== at && title.ok) at = skipWhitespace(title.end);
    }
    return at;
  }

  const closesAt = (at: number) => at < posMax && src.charCodeAt(at) === CLOSE_PAREN;

  /** A link: `[text](destination "title")`, `[text][label]`, `[text][]` or `[text]` with a definition. */
  function link(silent: boolean): boolean {
    const labelStart = pos + 1;
    const labelEnd = parseLinkLabel(pos, true);
    if (labelEnd < 0) return false;
    let at = labelEnd + 1;
    let referenceFrom = at;
    if (at < posMax && src.charCodeAt(at) === OPEN_PAREN) {
      const close = destinationEnd(at, false);
      if (close < 0) return false;
      at = close + 1;
      referenceFrom = closesAt(close) ? -1 : at;
    }
    if (referenceFrom >= 0) {
      if (!references) return false;
      at = reference(labelStart, labelEnd, referenceFrom);
      if (at < 0) return false;
    }
    if (!silent) {
      // The link text is prose, read as any other (first: what is found stays in order).
      const max = posMax;
      pos = labelStart;
      posMax = labelEnd;
      level++;
      tokenize();
      level--;
      posMax = max;
      exclude(labelEnd, at);
    }
    pos = at;
    return true;
  }

  /** An image: `![description](source "title")` or by reference, as a link is. */
  function image(silent: boolean): boolean {
    if (src.charCodeAt(pos + 1) !== OPEN_BRACKET) return false;
    const labelStart = pos + 2;
    const labelEnd = parseLinkLabel(pos + 1, false);
    if (labelEnd < 0) return false;
    let at = labelEnd + 1;
    if (at < posMax && src.charCodeAt(at) === OPEN_PAREN) {
      const close = destinationEnd(at, true);
      at = closesAt(close) ? close + 1 : -1;
    } else {
      if (!references) return false;
      at = reference(labelStart, labelEnd, at);
    }
    if (at < 0) return false;
    if (!silent) {
      // The description is prose, read apart as the preview reads it (past the preview's
      // nesting limit, it is left as prose without looking inside).
      if (depth < MAX_NESTING) findInlineSyntax(src.slice(labelStart, labelEnd), references, excluded, base + labelStart, depth + 1);
      exclude(labelEnd, at);
    }
    pos = at;
    return true;
  }

  /** `<scheme:…>` or `<user@host>`. */
  function autolink(silent: boolean): boolean {
    let at = pos;
    for (;;) {
      if (++at >= posMax) return false;
      const code = src.charCodeAt(at);
      if (code === LESS_THAN) return false;
      if (code === GREATER_THAN) break;
    }
    if (!isAutolink(src.slice(pos + 1, at))) return false;
    if (!silent) exclude(pos, at + 1);
    pos = at + 1;
    return true;
  }

  /** Raw HTML: an open or a closing tag, a comment, a processing instruction, a declaration, CDATA. */
  function htmlInline(silent: boolean): boolean {
    if (pos + 2 >= posMax) return false;
    const next = src.charCodeAt(pos + 1);
    let end = -1;
    if (next === EXCLAMATION || next === QUESTION) {
      end = specialEnd(pos);
    } else if (next === SLASH || isLetter(next)) {
      TAG_AT.lastIndex = pos;
      if (TAG_AT.test(src)) end = TAG_AT.lastIndex;
    }
    if (end < 0) return false;
    if (!silent) exclude(pos, end);
    pos = end;
    return true;
  }

  /** The end of a comment, CDATA, processing instruction or declaration at `at`, or -1. */
  function specialEnd(at: number): number {
    let terminator: string;
    if (src.startsWith('<!--', at)) {
      if (src.startsWith('>', at + 4)) return at + 5;
      if (src.startsWith('->', at + 4)) return at + 6;
      at += 4;
      terminator = '-->';
    } else if (src.startsWith('<![CDATA[', at)) {
      at += 9;
      terminator = ']]>';
    } else if (src.charCodeAt(at + 1) === QUESTION) {
      at += 2;
      terminator = '?>';
    } else if (isLetter(src.charCodeAt(at + 2))) {
      at += 3;
      terminator = '>';
    } else {
      return -1;
    }
    if (skipHtmlSpecial) return -1;
    const end = src.indexOf(terminator, at);
    if (end < 0) skipHtmlSpecial = true;
    return end < 0 ? -1 : end + terminator.length;
  }

  tokenize();
}

/** For each length of a run of backticks in `text`, where the last such run starts. */
function lastRunsOf(text: string): Map<number, number> {
  const runs = new Map<number, number>();
  for (let at = text.indexOf('`'); at >= 0; at = text.indexOf('`', at)) {
    const start = at;
    while (text.charCodeAt(++at) === BACKTICK);
    runs.set(at - start, start);
  }
  return runs;
}

/**
 * The parts of CommonMark's link syntax that the block and inline readers share: a link's
 * destination and title, and the normalized form of a reference label. They follow markdown-it
 * (the parser of VS Code's Markdown preview), so that what we read as a link is what the preview
 * shows as one.
 */

const LF = 10;
const SPACE = 32;
const BACKSLASH = 92;
const LESS_THAN = 60;
const GREATER_THAN = 62;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;

/** Parentheses a destination may nest, as markdown-it allows. */
const MAX_DESTINATION_PARENS = 32;

/** A destination's end, and whether a link may point there; `end` is -1 when there is none. */
export interface Destination {
  readonly end: number;
  /** False for `javascript:` and its kin, which the preview refuses as links (the text stays text). */
  readonly safe: boolean;
}

const NO_DESTINATION: Destination = { end: -1, safe: false };

/** The link destination at `start` (`<…>` or a run without spaces and with balanced parentheses). */
export function parseLinkDestination(text: string, start: number, max: number): Destination {
  let at = start;
  if (text.charCodeAt(at) === LESS_THAN) {
    at++;
    while (at < max) {
      const code = text.charCodeAt(at);
      if (code === LF || code === LESS_THAN) return NO_DESTINATION;
      if (code === GREATER_THAN) return { end: at + 1, safe: isSafeDestination(text.slice(start + 1, at)) };
      at += code === BACKSLASH && at + 1 < max ? 2 : 1;
    }
    return NO_DESTINATION;
  }
  let level = 0;
  while (at < max) {
    const code = text.charCodeAt(at);
    if (code === SPACE || code < 0x20 || code === 0x7f) break;
    if (code === BACKSLASH && at + 1 < max) {
      at += text.charCodeAt(at + 1) === SPACE ? 1 : 2;
      continue;
    }
    if (code === OPEN_PAREN) {
      level++;
      if (level > MAX_DESTINATION_PARENS) return NO_DESTINATION;
    }
    if (code === CLOSE_PAREN) {
      if (level === 0) break;
      level--;
    }
    at++;
  }
  if (at === start || level !== 0) return NO_DESTINATION;
  return { end: at, safe: isSafeDestination(text.slice(start, at)) };
}

/** A title's end; `open` when it runs past `max` (a definition's title may go on over its next line). */
export interface Title {
  readonly ok: boolean;
  readonly end: number;
  readonly open: boolean;
  /** The closing character the title waits for. */
  readonly marker: number;
}

const NO_TITLE: Title = { ok: false, end: -1, open: false, marker: 0 };

/** The link title at `start` (`"…"`, `'…'` or `(…)`), or the rest of one begun on an earlier line (`marker`). */
export function parseLinkTitle(text: string, start: number, max: number, marker?: number): Title {
  let at = start;
  if (marker === undefined) {
    if (at >= max) return NO_TITLE;
    const opener = text.charCodeAt(at);
    if (opener !== DOUBLE_QUOTE && opener !== SINGLE_QUOTE && opener !== OPEN_PAREN) return NO_TITLE;
    marker = opener === OPEN_PAREN ? CLOSE_PAREN : opener;
    at++;
  }
  while (at < max) {
    const code = text.charCodeAt(at);
    if (code === marker) return { ok: true, end: at + 1, open: false, marker };
    if (code === OPEN_PAREN && marker === CLOSE_PAREN) return NO_TITLE;
    if (code === BACKSLASH && at + 1 < max) at++;
    at++;
  }
  return { ok: false, end: at, open: true, marker };
}

/** A reference label as definitions and references are matched: trimmed, inner whitespace one space, case folded. */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase();
}

/** Schemes a link may not point to, as the preview refuses them (images of common types excepted). */
const UNSAFE_SCHEME = /^(?:vbscript|javascript|file|data):/;
const SAFE_IMAGE_DATA = /^data:image\/(?:gif|png|jpeg|webp);/;

/**
 * Whether the preview makes a link of this destination. Backslash escapes are read; character
 * references in a scheme (`&#106;avascript:`) are not decoded: the preview would refuse such a
 * link, where we read the text inside its brackets as link text either way.
 */
export function isSafeDestination(raw: string): boolean {
  const lower = raw
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .trim()
    .toLowerCase();
  return !UNSAFE_SCHEME.test(lower) || SAFE_IMAGE_DATA.test(lower);
}

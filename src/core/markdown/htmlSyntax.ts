/**
 * Raw HTML as CommonMark 0.31.2 reads it: the seven kinds of HTML block, inline tags, comments,
 * processing instructions, declarations and CDATA, and autolinks. The patterns are those of the
 * spec, as markdown-it (the parser of VS Code's preview) writes them.
 */

import { isSafeDestination } from './linkSyntax';

const ATTRIBUTE = String.raw`\s+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:\s*=\s*(?:[^"'=<>\x60\x00-\x20]+|'[^']*'|"[^"]*"))?`;
const OPEN_TAG = String.raw`<[A-Za-z][A-Za-z0-9\-]*(?:${ATTRIBUTE})*\s*\/?>`;
const CLOSE_TAG = String.raw`<\/[A-Za-z][A-Za-z0-9\-]*\s*>`;

/** An open or a closing tag at `lastIndex` (sticky). */
export const TAG_AT = new RegExp(`(?:${OPEN_TAG}|${CLOSE_TAG})`, 'y');

/** The tag names that start an HTML block of the sixth kind. */
const BLOCK_TAGS =
  'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset ' +
  'figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem ' +
  'nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul';

/** One kind of HTML block: how its first line starts, what line ends it, and whether it may interrupt a paragraph. */
interface HtmlBlockKind {
  readonly start: RegExp;
  /** Undefined for the kinds that end at a blank line. */
  readonly end: RegExp | undefined;
  readonly interruptsParagraph: boolean;
}

const HTML_BLOCK_KINDS: readonly HtmlBlockKind[] = [
  { start: /^<(?:script|pre|style|textarea)(?=\s|>|$)/i, end: /<\/(?:script|pre|style|textarea)>/i, interruptsParagraph: true },
  { start: /^<!--/, end: /-->/, interruptsParagraph: true },
  { start: /^<\?/, end: /\?>/, interruptsParagraph: true },
  { start: /^<![A-Za-z]/, end: />/, interruptsParagraph: true },
  { start: /^<!\[CDATA\[/, end: /\]\]>/, interruptsParagraph: true },
  { start: new RegExp(String.raw`^</?(?:${BLOCK_TAGS.replace(/ /g, '|')})(?=\s|/?>|$)`, 'i'), end: undefined, interruptsParagraph: true },
  { start: new RegExp(String.raw`^(?:${OPEN_TAG}|${CLOSE_TAG})\s*$`), end: undefined, interruptsParagraph: false },
];

/** The kind of HTML block a line starts (its text from the `<`), or undefined. */
export function htmlBlockKind(line: string): HtmlBlockKind | undefined {
  for (const kind of HTML_BLOCK_KINDS) if (kind.start.test(line)) return kind;
  return undefined;
}

/** Whether a line ends an HTML block of this kind (a blank line ends those without an end pattern). */
export function endsHtmlBlock(kind: HtmlBlockKind, line: string): boolean {
  return kind.end ? kind.end.test(line) : line.length === 0;
}

export type { HtmlBlockKind };

/** `<scheme:…>` and `<user@host>`, without their angle brackets. */
// The spec's autolink excludes control characters and spaces by their range.
// eslint-disable-next-line no-control-regex
const URI_AUTOLINK = /^[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\x00-\x20]*$/;
const EMAIL_AUTOLINK = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** Whether the text between an autolink's angle brackets makes one (the preview refuses `<javascript:…>`). */
export function isAutolink(inside: string): boolean {
  return URI_AUTOLINK.test(inside) ? isSafeDestination(inside) : EMAIL_AUTOLINK.test(inside);
}

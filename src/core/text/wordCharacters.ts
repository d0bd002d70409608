import { SPACE, TAB } from './charCodes';

/** Character classes used by the matcher and the body scanner. */

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
const asciiWord = new Uint8Array(128);
for (let code = 0; code < 128; code++) asciiWord[code] = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 0;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function isWordCodePoint(codePoint: number): boolean {
  if (codePoint < 128) return asciiWord[codePoint] === 1;
  return WORD_CHAR.test(String.fromCodePoint(codePoint));
}

/** Whether the character that starts at `offset` is a letter, digit, combining mark or `_` (Unicode-aware). */
export function isWordCharAt(text: string, offset: number): boolean {
  if (offset < 0 || offset >= text.length) return false;
  const code = text.charCodeAt(offset);
  if (code < 128) return asciiWord[code] === 1;
  if (isLowSurrogate(code) && offset > 0 && isHighSurrogate(text.charCodeAt(offset - 1))) {
    return isWordCodePoint(text.codePointAt(offset - 1)!);
  }
  return isWordCodePoint(text.codePointAt(offset)!);
}

/** Whether the character that ends just before `offset` is a word character. */
export function isWordCharBefore(text: string, offset: number): boolean {
  if (offset <= 0) return false;
  const code = text.charCodeAt(offset - 1);
  if (code < 128) return asciiWord[code] === 1;
  if (isLowSurrogate(code) && offset >= 2 && isHighSurrogate(text.charCodeAt(offset - 2))) {
    return isWordCodePoint(text.codePointAt(offset - 2)!);
  }
  return isWordCodePoint(code);
}

export function isSpaceOrTab(code: number): boolean {
  return code === SPACE || code === TAB;
}

/** The width of leading spaces and tabs, a tab advancing to the next multiple of four. */
export function indentWidth(text: string, start: number, end: number): number {
  let width = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === SPACE) width++;
    else if (code === TAB) width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** The line break that text added to a document should use: CRLF when the document has one, else LF. */
export function lineBreakOf(text: string): '\r\n' | '\n' {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

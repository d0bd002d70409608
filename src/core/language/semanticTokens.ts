import { mentionIndexOf } from '../model/model';
import type { Briefing, Entity, TextRange } from '../model/types';

/** The legend shared by the provider and package.json's `semanticTokenTypes`. */
export const TOKEN_TYPES = ['actor', 'place'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'person', 'state', 'organization', 'group'] as const;

const DECLARATION = 1 << TOKEN_MODIFIERS.indexOf('declaration');

function typeIndex(entity: Entity): number {
  return entity.kind === 'actor' ? 0 : 1;
}

function modifiersOf(entity: Entity): number {
  const index = entity.type ? (TOKEN_MODIFIERS as readonly string[]).indexOf(entity.type) : -1;
  return index > 0 ? 1 << index : 0;
}

/** Lines `[startLine, endLine]`, both included. */
export interface LineSpan {
  readonly startLine: number;
  readonly endLine: number;
}

interface RawToken {
  readonly range: TextRange;
  readonly type: number;
  readonly modifiers: number;
}

/** The `name:` values of the briefing's own entries, without their quotes. */
function declarations(briefing: Briefing): RawToken[] {
  const text = briefing.lines.text;
  const tokens: RawToken[] = [];
  for (const entity of briefing.entities) {
    if (entity.definition.source !== undefined) continue;
    let { startOffset, endOffset } = entity.definition.nameRange;
    const quote = text[startOffset];
    if ((quote === '"' || quote === "'") && text[endOffset - 1] === quote && endOffset - startOffset >= 2) {
      startOffset++;
      endOffset--;
    }
    const range = briefing.lines.range(startOffset, endOffset);
    if (range.start.line !== range.end.line || endOffset <= startOffset) continue;
    tokens.push({ range, type: typeIndex(entity), modifiers: modifiersOf(entity) | DECLARATION });
  }
  return tokens.sort((a, b) => a.range.startOffset - b.range.startOffset);
}

/**
 * Encodes the semantic tokens of a briefing as VS Code expects them: five integers per token
 * (delta line, delta start character, length, type index, modifier bits), in document order.
 * Declarations in the front matter come first, then the mentions in the body.
 */
export function encodeSemanticTokens(briefing: Briefing, lines?: LineSpan): Uint32Array {
  const inSpan = (range: TextRange) => !lines || (range.start.line >= lines.startLine && range.start.line <= lines.endLine);
  const declared = declarations(briefing).filter((token) => inSpan(token.range));
  // The mentions are read from the model's table: no Mention object is made for them.
  const mentions = mentionIndexOf(briefing);
  const { table } = mentions;
  const { lines: lineIndex } = briefing;
  let first = 0;
  let last = table.count;
  if (lines) {
    first = table.firstFrom(lineIndex.offsetAt({ line: lines.startLine, character: 0 }));
    last = table.firstFrom(lines.endLine + 1 < lineIndex.lineCount ? lineIndex.lineStart(lines.endLine + 1) : Infinity);
  }
  const data = new Uint32Array((declared.length + Math.max(0, last - first)) * 5);
  let index = 0;
  let previousLine = 0;
  let previousCharacter = 0;
  const push = (line: number, character: number, length: number, type: number, modifiers: number) => {
    data[index++] = line - previousLine;
    data[index++] = line === previousLine ? character - previousCharacter : character;
    data[index++] = length;
    data[index++] = type;
    data[index++] = modifiers;
    previousLine = line;
    previousCharacter = character;
  };
  for (const token of declared) {
    const { start, end } = token.range;
    push(start.line, start.character, end.character - start.character, token.type, token.modifiers);
  }
  // A mention never spans lines.
  for (let i = first; i < last; i++) {
    const line = table.line(i);
    const entity = mentions.entityOf(i);
    push(line, table.start(i) - lineIndex.lineStart(line), table.end(i) - table.start(i), typeIndex(entity), modifiersOf(entity));
  }
  return data;
}

export interface TokensEdit {
  readonly start: number;
  readonly deleteCount: number;
  readonly data: Uint32Array;
}

/** The single edit that turns `previous` into `next` (common prefix and suffix kept), or undefined if equal. */
export function semanticTokensEdit(previous: Uint32Array, next: Uint32Array): TokensEdit | undefined {
  const shorter = Math.min(previous.length, next.length);
  let prefix = 0;
  while (prefix < shorter && previous[prefix] === next[prefix]) prefix++;
  if (prefix === previous.length && prefix === next.length) return undefined;
  let suffix = 0;
  while (suffix < shorter - prefix && previous[previous.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
  return { start: prefix, deleteCount: previous.length - prefix - suffix, data: next.subarray(prefix, next.length - suffix) };
}

import { CR, LF } from './charCodes';
import { lastAtMost } from './sortedSearch';
import type { Position, TextRange } from './positions';

/**
 * Line starts of a text, counting `\n`, `\r\n` and a lone `\r` as one line break each,
 * as VS Code does, so that positions agree with the editor's.
 */
export class LineIndex {
  /** Offset of the first character of each line. */
  readonly #starts: Uint32Array;
  /** Offset just past the last character of each line, line break excluded. */
  readonly #ends: Uint32Array;

  constructor(readonly text: string) {
    const length = text.length;
    if (text.indexOf('\r') < 0) {
      // The common case, LF only: indexOf finds the breaks in one pass over the text (the starts
      // kept in an array that grows), and each line ends where the next starts, less its break.
      let starts = new Uint32Array(Math.max(16, length >>> 5));
      let lines = 1;
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
        if (lines === starts.length) {
          const grown = new Uint32Array(lines * 2);
          grown.set(starts);
          starts = grown;
        }
        starts[lines++] = at + 1;
      }
      this.#starts = starts.slice(0, lines);
      this.#ends = new Uint32Array(lines);
      for (let line = 1; line < lines; line++) this.#ends[line - 1] = starts[line] - 1;
      this.#ends[lines - 1] = length;
      return;
    }
    const starts = [0];
    const ends: number[] = [];
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code === LF) {
        ends.push(i);
        starts.push(i + 1);
      } else if (code === CR) {
        ends.push(i);
        if (i + 1 < length && text.charCodeAt(i + 1) === LF) i++;
        starts.push(i + 1);
      }
    }
    ends.push(length);
    this.#starts = Uint32Array.from(starts);
    this.#ends = Uint32Array.from(ends);
  }

  get lineCount(): number {
    return this.#starts.length;
  }

  lineStart(line: number): number {
    return this.#starts[line];
  }

  /** Offset of the end of the line's content, before its line break. */
  lineEnd(line: number): number {
    return this.#ends[line];
  }

  lineText(line: number): string {
    return this.text.slice(this.#starts[line], this.#ends[line]);
  }

  /** The line holding an offset; an offset inside a line break belongs to the line it ends. */
  lineAt(offset: number): number {
    return lastAtMost(this.#starts, offset);
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    // An offset between `\r` and `\n` (or on a line break) is clamped to the end of the line's content.
    const character = Math.min(clamped, this.#ends[line]) - this.#starts[line];
    return { line, character };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.#starts.length) return this.text.length;
    const start = this.#starts[position.line];
    return Math.min(start + Math.max(0, position.character), this.#ends[position.line]);
  }

  /**
   * The range of `[startOffset, endOffset)`. An offset inside a line break (between `\r` and
   * `\n`) moves to the end of its line. Positions are computed when read: a model holds many
   * thousands of ranges, and most are never looked at.
   */
  range(startOffset: number, endOffset: number): TextRange {
    return new LazyRange(this, this.#clamp(startOffset), this.#clamp(endOffset));
  }

  /** An offset inside the text and not inside a line break. */
  #clamp(offset: number): number {
    const text = this.text;
    if (offset <= 0) return 0;
    if (offset >= text.length) return text.length;
    if (text.charCodeAt(offset) === LF && text.charCodeAt(offset - 1) === CR) return offset - 1;
    return offset;
  }

  /** The range of a whole line's content. */
  lineRange(line: number): TextRange {
    return this.range(this.#starts[line], this.#ends[line]);
  }
}

/** A range whose positions are found when read. */
class LazyRange implements TextRange {
  readonly #lines: LineIndex;

  constructor(
    lines: LineIndex,
    readonly startOffset: number,
    readonly endOffset: number,
  ) {
    this.#lines = lines;
  }

  get start(): Position {
    return this.#lines.positionAt(this.startOffset);
  }

  get end(): Position {
    return this.#lines.positionAt(this.endOffset);
  }
}

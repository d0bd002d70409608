import type { Position, TextRange } from './positions';

/**
 * A range whose positions are known, kept without the document: one small object, where a
 * document's ranges hold its line index (and so its text) to find their positions when read.
 * What a summary of a file that is not open keeps.
 */
export class FixedRange implements TextRange {
  readonly #startLine: number;
  readonly #startCharacter: number;
  readonly #endLine: number;
  readonly #endCharacter: number;

  constructor(
    readonly startOffset: number,
    readonly endOffset: number,
    start: Position,
    end: Position,
  ) {
    this.#startLine = start.line;
    this.#startCharacter = start.character;
    this.#endLine = end.line;
    this.#endCharacter = end.character;
  }

  static of(range: TextRange): FixedRange {
    return new FixedRange(range.startOffset, range.endOffset, range.start, range.end);
  }

  get start(): Position {
    return { line: this.#startLine, character: this.#startCharacter };
  }

  get end(): Position {
    return { line: this.#endLine, character: this.#endCharacter };
  }
}

/**
 * A copy of a string that shares no memory with the text it was cut from: V8 may keep a cut
 * (`slice`) as a view of the whole text, and a summary that kept one would keep the file.
 */
export function ownCopy(text: string): string {
  return text.length < 13 ? text : `${text} `.slice(0, -1);
}

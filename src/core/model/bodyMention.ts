import type { LineIndex } from '../text/lineIndex';
import type { Entity, Mention, Position, TextRange } from './types';

/**
 * A mention found in the body, made from the model's mention table when a feature asks for it:
 * one object that is its own range, with its text and positions computed when read.
 */
export class BodyMention implements Mention, TextRange {
  readonly #lines: LineIndex;
  readonly #line: number;

  constructor(
    readonly entity: Entity,
    lines: LineIndex,
    line: number,
    readonly startOffset: number,
    readonly endOffset: number,
  ) {
    this.#lines = lines;
    this.#line = line;
  }

  get text(): string {
    return this.#lines.text.slice(this.startOffset, this.endOffset);
  }

  get range(): TextRange {
    return this;
  }

  get start(): Position {
    return { line: this.#line, character: this.startOffset - this.#lines.lineStart(this.#line) };
  }

  get end(): Position {
    return { line: this.#line, character: this.endOffset - this.#lines.lineStart(this.#line) };
  }
}

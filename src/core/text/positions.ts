/** A position in a document: 0-based line, 0-based character in UTF-16 code units (as VS Code counts). */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A range in a document, end exclusive. `start`/`end` offsets index the document's text. */
export interface TextRange {
  readonly start: Position;
  readonly end: Position;
  readonly startOffset: number;
  readonly endOffset: number;
}

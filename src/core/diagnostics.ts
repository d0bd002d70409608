import type { LineIndex } from './lineIndex';
import type { Diagnostic, DiagnosticCode, Severity } from './types';

/** A fix given as offsets; the sink turns them into ranges. */
export interface OffsetFix {
  readonly title: string;
  readonly edits: readonly { readonly start: number; readonly end: number; readonly newText: string }[];
}

/** Collects diagnostics for one document, turning offsets into ranges. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  readonly #lines: LineIndex;

  constructor(lines: LineIndex) {
    this.#lines = lines;
  }

  get text(): string {
    return this.#lines.text;
  }

  add(startOffset: number, endOffset: number, severity: Severity, code: DiagnosticCode, message: string, fix?: OffsetFix): void {
    // A range never ends on trailing spaces or line breaks (YAML node ranges often do).
    let end = Math.max(startOffset, endOffset);
    while (end > startOffset + 1 && /\s/.test(this.#lines.text[end - 1])) end--;
    const range = this.#lines.range(startOffset, end);
    const resolved = fix && { title: fix.title, edits: fix.edits.map((edit) => ({ range: this.#lines.range(edit.start, edit.end), newText: edit.newText })) };
    this.items.push(resolved ? { range, severity, code, message, fix: resolved } : { range, severity, code, message });
  }

  sorted(): Diagnostic[] {
    return this.items.sort((a, b) => a.range.startOffset - b.range.startOffset || a.range.endOffset - b.range.endOffset);
  }
}

import type { LineIndex } from '../text/lineIndex';
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
  /** `[start, end)` pairs where YAML is broken: the format's checks there are not reported. */
  readonly #quiet: number[] = [];

  constructor(lines: LineIndex) {
    this.#lines = lines;
  }

  get text(): string {
    return this.#lines.text;
  }

  /**
   * Leaves out, from now on, what the format's checks find in `[start, end)`: YAML broken there
   * (a mis-indented field) makes them report what follows from it ("no 'name'"), not a mistake.
   */
  quiet(start: number, end: number): void {
    this.#quiet.push(start, end);
  }

  add(startOffset: number, endOffset: number, severity: Severity, code: DiagnosticCode, message: string, fix?: OffsetFix): void {
    if (this.#quiet.length > 0 && !code.startsWith('yaml-') && this.#isQuiet(startOffset)) return;
    // A range never ends on trailing spaces or line breaks (YAML node ranges often do).
    let end = Math.max(startOffset, endOffset);
    while (end > startOffset + 1 && /\s/.test(this.#lines.text[end - 1])) end--;
    const range = this.#lines.range(startOffset, end);
    const resolved = fix && { title: fix.title, edits: fix.edits.map((edit) => ({ range: this.#lines.range(edit.start, edit.end), newText: edit.newText })) };
    this.items.push(resolved ? { range, severity, code, message, fix: resolved } : { range, severity, code, message });
  }

  /** How many quiet ranges there are so far. */
  get quietCount(): number {
    return this.#quiet.length / 2;
  }

  /** The quiet `[start, end)` pairs from the `from`-th on, flat: a cached read gives them to the next sink. */
  quietRanges(from = 0): number[] {
    return this.#quiet.slice(from * 2);
  }

  #isQuiet(offset: number): boolean {
    for (let k = 0; k < this.#quiet.length; k += 2) if (this.#quiet[k] <= offset && offset < this.#quiet[k + 1]) return true;
    return false;
  }

  sorted(): Diagnostic[] {
    return this.items.sort((a, b) => a.range.startOffset - b.range.startOffset || a.range.endOffset - b.range.endOffset);
  }
}

import type { LineIndex } from './lineIndex';
import type { Diagnostic, DiagnosticCode, Severity } from './types';

/** Collects diagnostics for one document, turning offsets into ranges. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  constructor(private readonly lines: LineIndex) {}

  add(startOffset: number, endOffset: number, severity: Severity, code: DiagnosticCode, message: string): void {
    this.items.push({ range: this.lines.range(startOffset, Math.max(startOffset, endOffset)), severity, code, message });
  }

  sorted(): Diagnostic[] {
    return this.items.sort((a, b) => a.range.startOffset - b.range.startOffset || a.range.endOffset - b.range.endOffset);
  }
}

import type { Diagnostic } from '../model/types';

/** One problem as `briefing check` prints it: `FILE:LINE:COLUMN: SEVERITY: MESSAGE`, from 1. */
export interface CheckLine {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning' | 'information';
  readonly message: string;
}

/** The line `briefing check` prints for a problem (hints are never printed). */
export function formatCheckLine(file: string, diagnostic: Diagnostic): string {
  const { line, character } = diagnostic.range.start;
  return `${file}:${line + 1}:${character + 1}: ${diagnostic.severity}: ${diagnostic.message}`;
}

// As the `$briefing` problem matcher of package.json reads it (the file's name may hold colons).
const CHECK_LINE = /^(.+?):(\d+):(\d+): (error|warning|info)(?:rmation)?: (.*)$/;

/** The problem a line of `briefing check` names, or undefined for any other line. */
export function parseCheckLine(text: string): CheckLine | undefined {
  const match = CHECK_LINE.exec(text);
  if (!match || match[2] === '0' || match[3] === '0') return undefined;
  const severity = match[4] === 'info' ? 'information' : (match[4] as CheckLine['severity']);
  return { file: match[1], line: Number(match[2]), column: Number(match[3]), severity, message: match[5] };
}

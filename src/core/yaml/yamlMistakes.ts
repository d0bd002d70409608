import { parseDocument, type YAMLError } from 'yaml';
import type { OffsetFix } from '../model/diagnosticSink';
import { lastAtMost } from '../text/sortedSearch';
import type { DiagnosticCode } from '../model/types';

/**
 * The mistakes people make writing YAML by hand (a field off its entry's column, a tab, a missing
 * space after a colon, an unquoted `: ` in a value, an unclosed quote or bracket, a list item at
 * the wrong level, a repeated key), found on the lines of the text and said in plain words, each
 * with its fix.
 *
 * A mistake is told only where the `yaml` package reports an error, and only when its fix makes
 * errors go away: the fix is applied to the entry around it and read again, and the package's
 * errors that are gone are the ones it explains (a mis-indented field gives up to four of them,
 * some on other lines). So valid YAML never gets one, and each plain message replaces the errors
 * its fix removes; the package's own words follow it.
 */

/** A mistake in a YAML text: offsets and fix edits are in that text. */
export interface YamlMistake {
  readonly start: number;
  readonly end: number;
  readonly severity: 'error' | 'warning';
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly fix: OffsetFix | undefined;
  /**
   * The text the mistake breaks (the entry around it): what the format's checks find wrong there
   * (an entry "without a name" whose `name:` YAML could not read) follows from it.
   */
  readonly broken?: readonly [number, number];
}

interface Line {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  /** Where the indentation ends. */
  readonly contentStart: number;
  /** The indentation's width, a tab counted as two columns. */
  readonly column: number;
  readonly hasTab: boolean;
  /** Blank, or a comment only. */
  readonly empty: boolean;
  /** `- …`: where what follows the dash starts (its own key's column), else -1. */
  readonly itemContent: number;
  /** The key of the line (`name` in `name: Kim` or `- name: Kim`), or undefined. */
  readonly key: string | undefined;
  /** Where the key's value starts, after `: ` (undefined when the line has no key or no value). */
  readonly valueStart: number | undefined;
}

const KEY = /^([\p{L}_][\p{L}\p{N}_ .'-]*?)[ \t]*:(?=[ \t]|$)/u;

function readLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let index = 0; start <= text.length; index++) {
    const lineBreak = text.indexOf('\n', start);
    const end = lineBreak < 0 ? text.length : text[lineBreak - 1] === '\r' ? lineBreak - 1 : lineBreak;
    let contentStart = start;
    let column = 0;
    let hasTab = false;
    for (; contentStart < end && (text[contentStart] === ' ' || text[contentStart] === '\t'); contentStart++) {
      hasTab ||= text[contentStart] === '\t';
      column += text[contentStart] === '\t' ? 2 : 1;
    }
    const empty = contentStart === end || text[contentStart] === '#';
    let keyAt = contentStart;
    let itemContent = -1;
    if (!empty && text[contentStart] === '-' && (contentStart + 1 === end || text[contentStart + 1] === ' ')) {
      for (keyAt = contentStart + 1; keyAt < end && text[keyAt] === ' '; keyAt++);
      itemContent = keyAt;
    }
    const keyMatch = empty ? null : KEY.exec(text.slice(keyAt, end));
    let valueStart: number | undefined;
    if (keyMatch) {
      let at = keyAt + keyMatch[0].length;
      while (at < end && (text[at] === ' ' || text[at] === '\t')) at++;
      valueStart = at < end && text[at] !== '#' ? at : undefined;
    }
    lines.push({ index, start, end, contentStart, column, hasTab, empty, itemContent, key: keyMatch?.[1], valueStart });
    if (lineBreak < 0) break;
    start = lineBreak + 1;
  }
  return lines;
}

/** A line's column when it is an item's: the column of what follows its dash. */
const itemKeyColumn = (line: Line) => line.column + (line.itemContent - line.contentStart);

/** The start of a value's trailing comment (` #`), or the line's end; quotes are skipped. */
function valueEnd(text: string, line: Line, from: number): number {
  let quote = '';
  for (let at = from; at < line.end; at++) {
    const char = text[at];
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = at === from || /[\s[{,]/.test(text[at - 1]) ? char : '';
    else if (char === '#' && /[ \t]/.test(text[at - 1])) return trimEnd(text, from, at);
  }
  return trimEnd(text, from, line.end);
}

function trimEnd(text: string, from: number, end: number): number {
  while (end > from && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end;
}

interface Frame {
  readonly column: number;
  readonly kind: 'map' | 'seq';
  /** For a mapping: its first key and whether it is an item's (an entry of a list). */
  readonly firstKey: string | undefined;
  readonly entry: boolean;
}

/** A mistake that may explain errors, on its line: its fix is tried to learn which. */
interface Candidate extends YamlMistake {
  readonly line: number;
}

const spaces = (count: number) => `${count} space${count === 1 ? '' : 's'}`;

/** The lines whose indentation does not fit the block they are in, with where it should be. */
function indentationCandidates(text: string, lines: readonly Line[]): Candidate[] {
  const found: Candidate[] = [];
  const frames: Frame[] = [];
  let pending: { column: number; entry: boolean } | undefined;
  let skipDeeperThan = -1;
  for (const line of lines) {
    if (line.empty) continue;
    // The lines of a block scalar (`summary: |`) are text.
    if (skipDeeperThan >= 0 && line.column > skipDeeperThan) continue;
    skipDeeperThan = -1;
    const isItem = line.itemContent >= 0;
    if (!isItem && line.key === undefined) {
      pending = undefined;
      continue; // a plain scalar's next line, or something this reading does not follow
    }
    const kind = isItem ? 'seq' : 'map';
    let column = line.column;
    const opensChild = pending && (column > pending.column || (isItem && column === pending.column));
    if (opensChild) {
      // The first line of a block sets its column; a tab there is still a mistake.
      if (line.hasTab) found.push(reindent(text, lines, line, column, undefined));
      frames.push({ column, kind, firstKey: line.key, entry: pending!.entry });
    } else {
      let at = frames.length - 1;
      while (at >= 0 && !(frames[at].column === column && frames[at].kind === kind)) at--;
      if (at < 0 || line.hasTab) {
        // No block of this kind at this column: the nearest one is where it belongs.
        let nearest = -1;
        for (let k = frames.length - 1; k >= 0; k--) {
          if (frames[k].kind === kind && (nearest < 0 || Math.abs(frames[k].column - column) < Math.abs(frames[nearest].column - column))) nearest = k;
        }
        if (nearest < 0 && frames.length === 0 && !isItem) {
          frames.push({ column: 0, kind: 'map', firstKey: line.key, entry: false });
          nearest = 0;
        }
        if (nearest >= 0 && (frames[nearest].column !== column || line.hasTab)) found.push(reindent(text, lines, line, frames[nearest].column, frames[nearest]));
        at = nearest;
        if (at >= 0) column = frames[at].column;
      }
      frames.length = Math.max(0, at + 1);
      if (at < 0) frames.push({ column, kind, firstKey: line.key, entry: false });
    }
    pending = undefined;
    if (isItem) {
      const keyColumn = column + (line.itemContent - line.contentStart);
      if (line.key !== undefined) frames.push({ column: keyColumn, kind: 'map', firstKey: line.key, entry: true });
      if (line.key === undefined && line.itemContent === line.end) pending = { column, entry: true };
      else if (line.key !== undefined && line.valueStart === undefined) pending = { column: keyColumn, entry: false };
    } else if (line.valueStart === undefined) pending = { column, entry: false };
    if (line.valueStart !== undefined && /^[|>]/.test(text[line.valueStart])) skipDeeperThan = column + (isItem ? line.itemContent - line.contentStart : 0);
  }
  return found;
}

/** The candidate that moves a line (and the block it opens) to `target`, the column of its block (`frame`, when known). */
function reindent(text: string, lines: readonly Line[], line: Line, target: number, frame: Frame | undefined): Candidate {
  const isItem = line.itemContent >= 0;
  // The block the line opens moves with it when its lines sit where the line's own would.
  const block: Line[] = [line];
  if (isItem || line.valueStart === undefined) {
    for (let next = line.index + 1; next < lines.length; next++) {
      const below = lines[next];
      if (below.empty) continue;
      if (below.column <= line.column || below.hasTab) break;
      if (isItem && block.length === 1 && below.column !== itemKeyColumn(line)) break;
      block.push(below);
    }
  }
  const delta = target - line.column;
  const edits = block.map((moved) => ({ start: moved.start, end: moved.contentStart, newText: ' '.repeat(moved === line ? target : moved.column + delta) }));
  let message: string;
  if (line.hasTab) message = `A tab indents this line; YAML indents with spaces only: indent it with ${spaces(target)}`;
  else if (isItem) {
    message = `This list item (\`${text.slice(line.contentStart, Math.min(line.end, line.contentStart + 40)).trim()}\`) is indented ${spaces(line.column)}; the list's other items are at ${target}: indent it to ${target}`;
  } else {
    const sibling = frame?.firstKey !== undefined && frame.firstKey !== line.key ? `\`${frame.firstKey}:\`` : 'the keys beside it';
    const where = frame?.entry ? `${sibling} of this entry is at ${target}` : target === 0 ? 'the top-level keys are at 0' : `${sibling} is at ${target}`;
    message = `\`${line.key}:\` is indented ${spaces(line.column)}; ${where}: indent it to ${target}`;
  }
  const title = line.hasTab ? `Indent with ${spaces(target)}` : block.length > 1 ? `Indent the block to ${target}` : `Indent the line to ${target}`;
  return {
    line: line.index,
    start: line.start,
    end: Math.max(line.contentStart + 1, trimEnd(text, line.start, line.end)),
    severity: 'error',
    code: line.hasTab ? 'yaml-tab' : 'yaml-indentation',
    message,
    fix: { title, edits },
  };
}

/** Mistakes within one line: a missing space after a colon, `: ` in a value, an unclosed quote or bracket. */
function lineCandidates(text: string, lines: readonly Line[]): Candidate[] {
  const found: Candidate[] = [];
  for (const line of lines) {
    if (line.empty) continue;
    const keyAt = line.itemContent >= 0 ? line.itemContent : line.contentStart;
    const glued = /^([\p{L}_][\p{L}\p{N}_-]*):([^\s/:\\#])/u.exec(text.slice(keyAt, line.end));
    if (glued && line.key === undefined) {
      const colon = keyAt + glued[1].length + 1;
      found.push({
        line: line.index,
        start: keyAt,
        end: trimEnd(text, keyAt, line.end),
        severity: 'error',
        code: 'yaml-missing-space',
        message: `Write a space after \`${glued[1]}:\`: YAML reads \`${text.slice(keyAt, Math.min(line.end, keyAt + 40)).trim()}\` as one word, not a key and its value`,
        fix: { title: `Add a space after '${glued[1]}:'`, edits: [{ start: colon, end: colon, newText: ' ' }] },
      });
      continue;
    }
    const from = line.valueStart ?? (line.itemContent >= 0 && line.key === undefined ? line.itemContent : undefined);
    if (from === undefined || from >= line.end) continue;
    const first = text[from];
    const owner = line.key !== undefined ? `the value of \`${line.key}:\`` : 'this item';
    if (first === '"' || first === "'") {
      if (!closesOnLine(text, from, line.end)) {
        const at = trimEnd(text, from, line.end);
        found.push({
          line: line.index,
          start: from,
          end: at,
          severity: 'error',
          code: 'yaml-unclosed-quote',
          message: `The quote (${first}) that opens ${owner} is not closed: close it at the end of the line`,
          fix: { title: `Close the quote: ${first}`, edits: [{ start: at, end: at, newText: first }] },
        });
      }
      continue;
    }
    if (first === '[' || first === '{') {
      const missing = unclosedBrackets(text, from, line.end);
      if (missing) {
        const at = valueEnd(text, line, from);
        found.push({
          line: line.index,
          start: from,
          end: at,
          severity: 'error',
          code: 'yaml-unclosed-bracket',
          message: `The ${first === '[' ? 'list' : 'mapping'} that opens ${owner} with \`${first}\` is not closed: add \`${missing}\` at the end of the line`,
          fix: { title: `Close it: ${missing}`, edits: [{ start: at, end: at, newText: missing }] },
        });
      }
      continue;
    }
    if (first === '|' || first === '>' || first === '&' || first === '*' || first === '!') continue;
    const end = valueEnd(text, line, from);
    const value = text.slice(from, end);
    if (/:(?:[ \t]|$)/.test(value) && line.key !== undefined) {
      found.push({
        line: line.index,
        start: from,
        end,
        severity: 'error',
        code: 'yaml-colon-in-value',
        message: `${capitalize(owner)} holds \`: \`, which YAML reads as the start of another key: put the value in quotes`,
        fix: { title: 'Put the value in quotes', edits: [{ start: from, end, newText: JSON.stringify(value) }] },
      });
    }
  }
  return found;
}

const capitalize = (text: string) => text[0].toUpperCase() + text.slice(1);

/** Whether a quoted scalar that opens at `from` closes before `end`. */
function closesOnLine(text: string, from: number, end: number): boolean {
  const quote = text[from];
  for (let at = from + 1; at < end; at++) {
    if (quote === '"' && text[at] === '\\') at++;
    else if (text[at] === quote) {
      if (quote === "'" && text[at + 1] === "'") at++;
      else return true;
    }
  }
  return false;
}

/** The closing brackets a flow collection opened at `from` lacks at `end` (quotes skipped), or ''. */
function unclosedBrackets(text: string, from: number, end: number): string {
  const open: string[] = [];
  let quote = '';
  for (let at = from; at < end; at++) {
    const char = text[at];
    if (quote) {
      if (quote === '"' && char === '\\') at++;
      else if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#' && /[ \t]/.test(text[at - 1])) break;
    else if (char === '[' || char === '{') open.push(char === '[' ? ']' : '}');
    else if ((char === ']' || char === '}') && open.pop() === undefined) return '';
  }
  return quote ? '' : open.reverse().join('');
}

/** A repeated key, from the package's error: where the first one is, and the fix when both say the same. */
function duplicateKey(text: string, lines: readonly Line[], error: YAMLError, lineOf: (offset: number) => number, lineNumber: (offset: number) => number): Candidate | undefined {
  const line = lines[lineOf(error.pos[0])];
  if (!line || line.key === undefined) return undefined;
  const keyColumn = line.itemContent >= 0 ? itemKeyColumn(line) : line.column;
  for (let above = line.index - 1; above >= 0; above--) {
    const other = lines[above];
    if (other.empty) continue;
    const otherColumn = other.itemContent >= 0 ? itemKeyColumn(other) : other.column;
    if (otherColumn < keyColumn && other.itemContent < 0) break;
    if (otherColumn === keyColumn && other.key === line.key) {
      const value = (at: Line) => (at.valueStart === undefined ? '' : text.slice(at.valueStart, valueEnd(text, at, at.valueStart)));
      const same = value(other) === value(line) && line.itemContent < 0;
      const next = lines[line.index + 1];
      const fix: OffsetFix | undefined = same
        ? { title: `Remove the repeated '${line.key}:' line`, edits: [{ start: line.start, end: next ? next.start : line.end, newText: '' }] }
        : undefined;
      const scope = line.itemContent >= 0 || otherColumn > 0 ? 'this entry' : 'the front matter';
      const said = value(other) ? `, which says \`${value(other).slice(0, 40)}\`` : '';
      return {
        line: line.index,
        start: line.contentStart,
        end: trimEnd(text, line.start, line.end),
        severity: 'error',
        code: 'yaml-duplicate-key',
        message: `\`${line.key}:\` is given twice in ${scope}; the first is on line ${lineNumber(other.start)}${said}: keep one`,
        fix,
      };
    }
    if (otherColumn < keyColumn) break;
  }
  return undefined;
}

/**
 * Explains the package's errors in a YAML text where a mistake of the list above accounts for them
 * (`lineNumber`: the 1-based line of the document an offset of the text is on, for messages).
 * Returns the mistakes told (offsets in the text; each message ends with the package's words) and
 * the errors left as the package gave them.
 */
export function explainYamlErrors(text: string, errors: readonly YAMLError[], lineNumber: (offset: number) => number): { mistakes: YamlMistake[]; unexplained: YAMLError[] } {
  if (errors.length === 0) return { mistakes: [], unexplained: [] };
  const lines = readLines(text);
  const lineStarts = lines.map((line) => line.start);
  const lineOf = (offset: number) => lastAtMost(lineStarts, offset);
  let remaining = [...errors];
  const mistakes: YamlMistake[] = [];
  const explainedBy = (candidate: Candidate, explained: readonly YAMLError[]) => {
    const words = [...new Set(explained.map((error) => error.message.split('\n', 1)[0].trim()))].join('; ');
    const [first, last] = entryAround(lines, candidate);
    const broken = [lines[first].start, last < lines.length ? lines[last].start : text.length] as const;
    mistakes.push({
      start: candidate.start,
      end: candidate.end,
      severity: candidate.severity,
      code: candidate.code,
      message: `${candidate.message} (YAML: ${words})`,
      fix: candidate.fix,
      broken,
    });
    remaining = remaining.filter((error) => !explained.includes(error));
  };
  for (const error of errors) {
    if (error.code !== 'DUPLICATE_KEY') continue;
    const candidate = duplicateKey(text, lines, error, lineOf, lineNumber);
    if (candidate) explainedBy(candidate, [error]);
  }
  // A mistake shows as errors on its line, a line or two above it, or anywhere below it.
  const errorLines = remaining.map((error) => lineOf(error.pos[0]));
  const candidates = [...indentationCandidates(text, lines), ...lineCandidates(text, lines)]
    .filter((candidate) => errorLines.some((line) => line >= candidate.line - 3 && line < candidate.line + REACH))
    .sort((a, b) => a.line - b.line);
  let verified = 0;
  for (const candidate of candidates) {
    if (remaining.length === 0 || verified === MAX_VERIFIED) break;
    verified++;
    const explained = errorsRemovedBy(text, lines, candidate, remaining, lineOf);
    if (explained.length > 0) explainedBy(candidate, explained);
  }
  return { mistakes, unexplained: remaining };
}

/** At most this many fixes are tried on one text: each costs a read of the entry around it. */
const MAX_VERIFIED = 8;

/**
 * The lines a mistake can break: from the top-level key or list item it is in on, as far as YAML
 * may read otherwise because of it (a tab or an unclosed bracket can end a list, and the entries
 * below then read as something else): at most `REACH` lines.
 */
function entryAround(lines: readonly Line[], candidate: Candidate): [number, number] {
  const isBoundary = (at: Line) => !at.empty && (at.column === 0 || (at.itemContent >= 0 && at.column <= 2));
  let first = candidate.line;
  while (first > 0 && !isBoundary(lines[first])) first--;
  return [first, Math.min(lines.length, candidate.line + REACH)];
}

const REACH = 200;

/** The errors of `errors` that the candidate's fix removes, read on the entry around it. */
function errorsRemovedBy(text: string, lines: readonly Line[], candidate: Candidate, errors: readonly YAMLError[], lineOf: (offset: number) => number): YAMLError[] {
  const [first, last] = entryAround(lines, candidate);
  const from = lines[first].start;
  const to = last < lines.length ? lines[last].start : text.length;
  if (!candidate.fix) return [];
  const edits = [...candidate.fix.edits].sort((a, b) => b.start - a.start);
  if (edits.some((edit) => edit.start < from || edit.end > to)) return [];
  let fixed = text.slice(from, to);
  for (const edit of edits) fixed = fixed.slice(0, edit.start - from) + edit.newText + fixed.slice(edit.end - from);
  const entry = text.slice(from, to);
  const before = parseDocument(entry, { prettyErrors: false, uniqueKeys: true }).errors;
  const after = parseDocument(fixed, { prettyErrors: false, uniqueKeys: true }).errors;
  if (after.length >= before.length) return [];
  // The entry read alone may word its errors otherwise than the whole text does: the errors
  // explained are the whole text's on the entry's lines when the fix leaves the entry clean, else
  // those on the lines it cleared (the fixes keep every line where it is).
  const fixedStarts = readLines(fixed).map((line) => line.start);
  const left = new Set(after.map((error) => lastAtMost(fixedStarts, error.pos[0])));
  const cleared = new Set(before.map((error) => lineOf(from + error.pos[0]) - first));
  return errors.filter((error) => {
    const line = lineOf(error.pos[0]);
    return line >= first && line < last && (after.length === 0 || (cleared.has(line - first) && !left.has(line - first)));
  });
}

/**
 * ` #` inside a plain value starts a YAML comment, which drops the rest of the value without an
 * error (`summary: Leader #1 target` reads `Leader`). A `#` followed by a word (`#1`, `#summit`)
 * is most likely meant as text: a Warning with the fix of quoting the value. A `# ` with a space
 * after it reads as the comment it most likely is, and gets nothing.
 */
export function commentsInValues(text: string): YamlMistake[] {
  if (!/[ \t]#[^\s#]/.test(text)) return [];
  const found: YamlMistake[] = [];
  let blockScalarAbove = -1;
  for (const line of readLines(text)) {
    if (line.empty) continue;
    // The lines of a block scalar (`summary: |`) are text, `#` and all.
    if (blockScalarAbove >= 0 && line.column > blockScalarAbove) continue;
    blockScalarAbove = -1;
    if (line.valueStart === undefined) continue;
    const from = line.valueStart;
    if (text[from] === '|' || text[from] === '>') blockScalarAbove = line.column;
    if (/["'[{|>&*!]/.test(text[from])) continue;
    const lineText = text.slice(from, line.end);
    const hash = /[ \t]#[^\s#]/.exec(lineText);
    if (!hash) continue;
    const comment = from + hash.index + 1;
    const whole = trimEnd(text, from, line.end);
    const value = text.slice(from, whole);
    found.push({
      start: comment,
      end: whole,
      severity: 'warning',
      code: 'yaml-comment-in-value',
      message: `YAML reads \`${text.slice(comment, Math.min(whole, comment + 30))}\` on as a comment, not as part of the value of \`${line.key}:\`: put the value in quotes to keep it`,
      fix: { title: 'Put the value in quotes', edits: [{ start: from, end: whole, newText: JSON.stringify(value) }] },
    });
  }
  return found;
}

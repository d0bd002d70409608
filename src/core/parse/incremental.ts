import type { BodyStructure } from '../body/body';
import type { LineIndex } from '../text/lineIndex';
import { findAllLayered, type MatchReport, type TermMatcher } from '../match/matcher';
import type { EntityDraft, Diagnostic } from '../model/types';
import type { EntityTerms } from '../match/terms';
import type { Registry } from './registry';
import type { TermChange } from '../match/termEdits';

/** A briefing's own entities, their terms, and the warnings about terms they repeat. */
export interface OwnTerms {
  readonly drafts: readonly EntityDraft[];
  readonly terms: EntityTerms;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The matches of a parse, kept so that the next version of the same document re-matches only the
 * lines an edit touched. Matches never span lines and depend only on their line and on where
 * the text is not prose (code, HTML, link syntax, URLs); so when those places are the same
 * outside the edited lines, every match outside them is still right (shifted by the edit's
 * length after it). An edit that opens a fence or a comment, or adds a link definition, changes
 * those places far from it, and the text is matched whole.
 */
export interface MatchRecord {
  readonly text: string;
  /** What the matches were found with: a record is reused only with the same terms and registries. */
  readonly own: OwnTerms;
  readonly registries: readonly Registry[];
  /** Where that text's body starts, and what it is (where there is no prose, its blocks). */
  readonly bodyStart: number;
  readonly bodyStartLine: number;
  readonly body: BodyStructure;
  /** `[value, layer, start, end]` for each match reported, in order. */
  readonly matches: Int32Array;
}

/** Below this size a document is matched whole every time: it is fast, and records cost memory. */
export const RECORD_MIN_LENGTH = 64 * 1024;

/** A search of a document's body for mentions: the text, where its body starts, and what to match and report. */
export interface BodySearch {
  readonly text: string;
  readonly lines: LineIndex;
  /** Where the body starts: nothing before it is matched. */
  readonly from: number;
  /** The excluded intervals (where there is no prose) of the text. */
  readonly excluded: readonly number[];
  readonly matchers: readonly TermMatcher[];
  readonly report: MatchReport;
}

/** Matches `[start, end)` of the search's text afresh. */
function matchAgain(search: BodySearch, start: number, end: number): void {
  findAllLayered(search.matchers, search.text, start, end, search.excluded, search.report);
}

/**
 * Reports the matches of the search's text in `[from, text.length)`: those of the previous version
 * outside the lines that changed, and those found again in them. Returns false, reporting nothing,
 * when the previous record cannot be reused (then match the whole text).
 */
export function reportWithRecord(previous: MatchRecord, search: BodySearch, termChange?: TermChange): boolean {
  const { text, lines, from, report } = search;
  const old = previous.text;
  // An edit may be in the front matter (the terms being the same): then the whole body is after it.
  const prefix = commonPrefixLength(old, text);
  const suffix = commonSuffixLength(old, text, prefix);
  const delta = text.length - old.length;
  // The whole lines holding the change, in the new text; after them, offsets are the old ones plus delta.
  const dirtyStart = lines.lineStart(lines.lineAt(prefix));
  const dirtyEnd = Math.max(text.length - suffix, lines.lineEnd(lines.lineAt(text.length - suffix)));
  if (!sameOutside(previous.body.excluded, search.excluded, dirtyStart, dirtyEnd, delta)) return false;
  if (termChange) {
    // The front matter's terms changed: the body did not, and only its lines holding a changed term are matched again.
    if (dirtyEnd > from) return false;
    reportWithChangedTerms(previous.matches, search, termChange, delta);
    return true;
  }

  const matches = previous.matches;
  let k = 0;
  for (; k < matches.length && matches[k + 3] <= dirtyStart; k += 4) report(matches[k], matches[k + 1], matches[k + 2], matches[k + 3]);
  matchAgain(search, Math.max(from, dirtyStart), dirtyEnd);
  const oldDirtyEnd = dirtyEnd - delta;
  for (; k < matches.length && matches[k + 2] < oldDirtyEnd; k += 4);
  for (; k < matches.length; k += 4) report(matches[k], matches[k + 1], matches[k + 2] + delta, matches[k + 3] + delta);
  return true;
}

/**
 * Reports the matches of a body that did not change (its offsets moved by `delta`) when the terms
 * did: those of the previous version (own entities renumbered), except on the lines where a
 * changed term occurs, which are matched again.
 */
function reportWithChangedTerms(matches: Int32Array, search: BodySearch, termChange: TermChange, delta: number): void {
  const { text, lines, report } = search;
  const dirtyLines: number[] = [];
  termChange.changed.findAll(text, search.from, text.length, search.excluded, (_value, _layer, start) => {
    const line = lines.lineAt(start);
    if (dirtyLines[dirtyLines.length - 1] !== line) dirtyLines.push(line);
  });
  const reportOld = (k: number) => {
    const layer = matches[k + 1];
    const value = layer === 0 ? termChange.remap(matches[k]) : matches[k];
    if (value >= 0) report(value, layer, matches[k + 2] + delta, matches[k + 3] + delta);
  };
  let k = 0;
  for (const line of dirtyLines) {
    const lineStart = lines.lineStart(line);
    const lineEnd = lines.lineEnd(line);
    for (; k < matches.length && matches[k + 3] + delta <= lineStart; k += 4) reportOld(k);
    for (; k < matches.length && matches[k + 2] + delta < lineEnd; k += 4);
    matchAgain(search, lineStart, lineEnd);
  }
  for (; k < matches.length; k += 4) reportOld(k);
}

/**
 * Whether the excluded intervals are the same outside `[dirtyStart, dirtyEnd)` (those after it
 * shifted by `delta`), and none crosses its edges: then what is no prose did not change outside it.
 */
function sameOutside(old: readonly number[], current: readonly number[], dirtyStart: number, dirtyEnd: number, delta: number): boolean {
  const oldDirtyEnd = dirtyEnd - delta;
  const split = (intervals: readonly number[], end: number) => {
    const before: number[] = [];
    const after: number[] = [];
    for (let i = 0; i < intervals.length; i += 2) {
      const start = intervals[i];
      const stop = intervals[i + 1];
      if (stop <= dirtyStart) before.push(start, stop);
      else if (start >= end) after.push(start, stop);
      else if (start < dirtyStart || stop > end) return undefined; // crosses an edge
    }
    return { before, after };
  };
  const was = split(old, oldDirtyEnd);
  const now = split(current, dirtyEnd);
  if (!was || !now || was.before.length !== now.before.length || was.after.length !== now.after.length) return false;
  for (let i = 0; i < now.before.length; i++) if (was.before[i] !== now.before[i]) return false;
  for (let i = 0; i < now.after.length; i++) if (was.after[i] + delta !== now.after[i]) return false;
  return true;
}

const CHUNK = 4096;

/** The length of the longest common prefix of two texts, compared a chunk at a time. */
function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let at = 0;
  while (at + CHUNK <= max && a.slice(at, at + CHUNK) === b.slice(at, at + CHUNK)) at += CHUNK;
  while (at < max && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** The length of the longest common suffix of two texts that does not overlap their first `prefix` characters. */
function commonSuffixLength(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let length = 0;
  while (length + CHUNK <= max && a.slice(a.length - length - CHUNK, a.length - length) === b.slice(b.length - length - CHUNK, b.length - length)) length += CHUNK;
  while (length < max && a.charCodeAt(a.length - length - 1) === b.charCodeAt(b.length - length - 1)) length++;
  return length;
}

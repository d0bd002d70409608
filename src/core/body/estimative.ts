import { CR, DOT, EXCLAMATION, LF, QUESTION, SPACE, TAB } from '../text/charCodes';
import { isExcluded, LIST_MARKER, type BodyStructure } from './body';
import { isWordCharAt, isWordCharBefore } from '../text/wordCharacters';
import type { DiagnosticSink, OffsetFix } from '../model/diagnosticSink';
import { escapeMarkdown } from '../text/escape';
import type { LineIndex } from '../text/lineIndex';
import type { BriefingModel } from '../model/model';
import type { Briefing } from '../model/types';

/**
 * ICD 203's expressions of likelihood: seven degrees, each written with a term of either set
 * (an analytic product keeps to one set).
 */
export const LIKELIHOOD_SCALE: readonly { readonly range: string; readonly terms: readonly [string, string] }[] = [
  { range: '01–05 %', terms: ['almost no chance', 'remote'] },
  { range: '05–20 %', terms: ['very unlikely', 'highly improbable'] },
  { range: '20–45 %', terms: ['unlikely', 'improbable (improbably)'] },
  { range: '45–55 %', terms: ['roughly even chance', 'roughly even odds'] },
  { range: '55–80 %', terms: ['likely', 'probable (probably)'] },
  { range: '80–95 %', terms: ['very likely', 'highly probable'] },
  { range: '95–99 %', terms: ['almost certain(ly)', 'nearly certain'] },
];

/**
 * The terms where the grammar colours them (any case; `remote` only as "remote chance",
 * since a remote port city is no estimate), with any spaces between words.
 */
const LIKELIHOOD_TERM =
  /\b(?:almost\s+no\s+chance|very\s+unlikely|highly\s+improbable|unlikely|improbabl[ey]|roughly\s+even\s+(?:chance|odds)|very\s+likely|highly\s+probable|likely|probabl[ey]|almost\s+certain(?:ly)?|nearly\s+certain(?:ly)?|remote\s+(?:chance|possibility|likelihood))\b/gi;

export interface LikelihoodTerm {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Its row of `LIKELIHOOD_SCALE`. */
  readonly degree: number;
}

/** The row of the scale a term (as `LIKELIHOOD_TERM` reads it) belongs to. */
function degreeOf(term: string): number {
  const [first, second = ''] = term.toLowerCase().split(/\s+/);
  const negative = (word: string) => word.startsWith('un') || word.startsWith('im');
  if (first === 'almost') return second === 'no' ? 0 : 6;
  if (first === 'remote') return 0;
  if (first === 'nearly') return 6;
  if (first === 'roughly') return 3;
  if (first === 'very' || first === 'highly') return negative(second) ? 1 : 5;
  return negative(first) ? 2 : 4;
}

/** The likelihood terms in `[start, end)` of a text. */
function likelihoodTerms(text: string, start: number, end: number): LikelihoodTerm[] {
  const terms: LikelihoodTerm[] = [];
  for (const match of text.slice(start, end).matchAll(LIKELIHOOD_TERM)) {
    terms.push({ start: start + match.index, end: start + match.index + match[0].length, text: match[0], degree: degreeOf(match[0]) });
  }
  return terms;
}

/** The likelihood term under `offset` in a briefing's prose (not in code, as the grammar reads it), read on its line. */
export function likelihoodTermAt(briefing: Briefing, offset: number): LikelihoodTerm | undefined {
  // Its field, not `instanceof`: a model may come from another bundle's copy of the parser (mentionIndexOf).
  const { excluded } = briefing as Partial<BriefingModel>;
  if (offset < briefing.bodyStartOffset || (excluded && isExcluded(excluded, offset))) return undefined;
  const { lines } = briefing;
  const line = lines.lineAt(offset);
  return likelihoodTerms(lines.text, lines.lineStart(line), lines.lineEnd(line)).find((term) => term.start <= offset && offset < term.end);
}

/** The hover card of a likelihood term: the scale, its row in bold, and ICD 203's two rules for it. */
export function likelihoodHoverMarkdown(term: LikelihoodTerm): string {
  const rows = LIKELIHOOD_SCALE.map(({ range, terms }, degree) => {
    const cells = [range, ...terms];
    return `| ${(degree === term.degree ? cells.map((cell) => `**${cell}**`) : cells).join(' | ')} |`;
  });
  return [
    `**${escapeMarkdown(term.text, 40)}** · likelihood ${LIKELIHOOD_SCALE[term.degree].range} (ICD 203)`,
    '',
    '| probability | term | or |',
    '| ---: | --- | --- |',
    ...rows,
    '',
    'Keep to one column of terms; state a confidence level in a sentence of its own.',
  ].join('\n');
}

const CONFIDENCE_LEVEL = /(low|moderate|medium|high)\s+$/i;

/** Whether the character at `at` ends a sentence: `.`, `!` or `?` before a space or the text's end. */
function endsSentence(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code !== DOT && code !== EXCLAMATION && code !== QUESTION) return false;
  const next = text.charCodeAt(at + 1);
  return Number.isNaN(next) || next === SPACE || next === TAB || next === LF || next === CR;
}

/**
 * The sentence around `[start, end)`: within its paragraph, list item or heading, from the
 * last sentence end before it to the first after it (that end included).
 */
function sentenceAround(text: string, lines: LineIndex, body: BodyStructure, start: number, end: number): [number, number] {
  const blocks = body.inlineBlocks;
  const block = blocks.indexAt(start);
  const blockStart = block >= 0 ? blocks.start(block) : lines.lineStart(lines.lineAt(start));
  const blockEnd = block >= 0 ? Math.max(blocks.end(block), end) : lines.lineEnd(lines.lineAt(end));
  let sentenceStart = start;
  while (sentenceStart > blockStart && !endsSentence(text, sentenceStart - 1)) sentenceStart--;
  let sentenceEnd = end;
  while (sentenceEnd < blockEnd && !endsSentence(text, sentenceEnd)) sentenceEnd++;
  return [sentenceStart, Math.min(sentenceEnd + 1, blockEnd)];
}

/** The word, in any case: V8 finds it about twice as fast as `indexOf` finds one spelling. */
const CONFIDENCE = /confidence/gi;

/**
 * ICD 203: a confidence level ("moderate confidence") and an expression of likelihood
 * ("likely") must not be combined in one sentence. A body without the word costs one search.
 */
export function checkConfidenceWithLikelihood(text: string, lines: LineIndex, body: BodyStructure, from: number, sink: DiagnosticSink): void {
  CONFIDENCE.lastIndex = from;
  for (let match = CONFIDENCE.exec(text); match; match = CONFIDENCE.exec(text)) {
    const at = match.index;
    const end = at + match[0].length;
    // Not "confidences" nor "confidence-building".
    if (isWordCharAt(text, end) || text[end] === '-' || isExcluded(body.excluded, at)) continue;
    const level = CONFIDENCE_LEVEL.exec(text.slice(Math.max(from, at - 12), at));
    const start = at - (level?.[0].length ?? 0);
    if (!level || isWordCharBefore(text, start)) continue;
    const [sentenceStart, sentenceEnd] = sentenceAround(text, lines, body, start, end);
    const term = likelihoodTerms(text, sentenceStart, sentenceEnd).find((found) => !isExcluded(body.excluded, found.start));
    if (!term) continue;
    const written = text.slice(start, end);
    sink.add(
      start,
      end,
      'warning',
      'confidence-with-likelihood',
      `ICD 203: a confidence level ('${written}') and a likelihood ('${term.text}') must not share a sentence: state the confidence in a sentence of its own`,
      ownSentenceFix(text, start, end, sentenceEnd, level[1].toLowerCase()),
    );
  }
}

/**
 * For a level written in parentheses after the text it qualifies, `likely … (moderate
 * confidence) [S1].`: moves it into a sentence after its own, `likely … [S1]. We have moderate
 * confidence in this judgment.` A level that starts its line is left to the writer: cutting it
 * could turn what follows (`- [S1] …`) into something else.
 */
function ownSentenceFix(text: string, start: number, end: number, sentenceEnd: number, level: string): OffsetFix | undefined {
  if (text[start - 1] !== '(' || text[end] !== ')' || !endsSentence(text, sentenceEnd - 1)) return undefined;
  let cutStart = start - 1;
  while (text[cutStart - 1] === ' ' || text[cutStart - 1] === '\t') cutStart--;
  if (LINE_START.test(text.slice(text.lastIndexOf('\n', cutStart) + 1, cutStart))) return undefined;
  return {
    title: `Move '${level} confidence' to a sentence of its own`,
    edits: [
      { start: cutStart, end: end + 1, newText: '' },
      { start: sentenceEnd, end: sentenceEnd, newText: ` We have ${level} confidence in this judgment.` },
    ],
  };
}

/** What may come before a line's content: indentation, quote marks, a list marker. */
const LINE_START = new RegExp(String.raw`^[ \t>]*(?:${LIST_MARKER}[ \t]*)?$`);

import { lineBreakOf } from '../text/wordCharacters';
import type { DiagnosticSink } from '../model/diagnosticSink';
import type { Briefing, Diagnostic } from '../model/types';
import { yamlScalar } from './yamlSource';

/**
 * Classification markings, US style: the briefing's overall classification (`classification:`)
 * must be at least the highest portion mark, and carry NOFORN when a portion does. An
 * under-marked briefing is the one marking error that leaks, so it is an Error.
 *
 * Only the US levels are compared (UNCLASSIFIED < CONFIDENTIAL < SECRET < TOP SECRET; CUI and
 * FOUO are unclassified). Other schemes (OFFICIAL, NATO, RESTRICTED) are not checked.
 */
const LEVEL_NAMES = ['UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'] as const;

const BANNER_LEVELS: Readonly<Record<string, number>> = { UNCLASSIFIED: 0, CUI: 0, CONFIDENTIAL: 1, SECRET: 2, 'TOP SECRET': 3 };
const PORTION_LEVELS: Readonly<Record<string, number>> = { U: 0, CUI: 0, C: 1, S: 2, TS: 3 };

/**
 * A portion mark where a portion starts: `(S)`, `(TS//SI//NF)`, `(S//REL TO USA, FVEY)`, then a
 * space or the line's end. Upper case only, as marks are written; `(A)`, `(B)`, `(C)` in the
 * middle of a sentence are never read, since only a portion's first characters are.
 */
const PORTION_MARK = /\((U|C|S|TS|CUI)((?:\/\/[A-Z0-9][A-Z0-9 ,/-]*)?)\)(?=[ \t]|\r|\n|$)/y;

/** A classification read from its marking: the level, and the control markings after `//`. */
export interface Marking {
  readonly level: number;
  readonly controls: readonly string[];
}

/** Reads an overall classification (`SECRET//NOFORN`); undefined for other schemes and free text. */
export function readBanner(value: string): Marking | undefined {
  const [first, ...rest] = value.trim().toUpperCase().split('//');
  const level = BANNER_LEVELS[first.replace(/[ \t]+/g, ' ')];
  return level === undefined ? undefined : { level, controls: controlsOf(rest) };
}

function controlsOf(segments: readonly string[]): string[] {
  return segments
    .flatMap((segment) => segment.split('/'))
    .map((control) => control.trim())
    .filter((control) => control !== '');
}

const isNoforn = (controls: readonly string[]) => controls.some((control) => control === 'NOFORN' || control === 'NF');

export interface PortionMark extends Marking {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The portion mark at `at`, if one is written there. */
export function portionMarkAt(text: string, at: number): PortionMark | undefined {
  PORTION_MARK.lastIndex = at;
  const match = PORTION_MARK.exec(text);
  if (!match) return undefined;
  const controls = controlsOf(match[2].split('//'));
  return { level: PORTION_LEVELS[match[1]], controls, start: at, end: at + match[0].length, text: match[0] };
}

/** The front matter's `classification:` and where things go, for the checks and their fixes. */
export interface ClassificationSite {
  readonly value: string | undefined;
  /** The value's offsets, when the key is written. */
  readonly valueSpan: readonly [number, number] | undefined;
  /** Where a `classification:` line goes when there is none: the start of the closing `---` line, or 0 with no front matter. */
  readonly insertAt: number;
  readonly hasFrontMatter: boolean;
}

/** The portion marks written at `candidates` (offsets where a portion starts with `(`). */
export function portionMarksAt(text: string, candidates: readonly number[]): PortionMark[] {
  const marks: PortionMark[] = [];
  for (const at of candidates) {
    const mark = portionMarkAt(text, at);
    if (mark) marks.push(mark);
  }
  return marks;
}

/**
 * Checks a briefing's portion marks against its classification.
 */
export function checkMarkings(text: string, marks: readonly PortionMark[], site: ClassificationSite, sink: DiagnosticSink): void {
  if (marks.length === 0) return;
  const highest = Math.max(...marks.map((mark) => mark.level));
  const needsNoforn = marks.some((mark) => isNoforn(mark.controls));

  if (site.value === undefined || site.value === '') {
    const line = `classification: ${LEVEL_NAMES[highest]}${needsNoforn ? '//NOFORN' : ''}`;
    const eol = lineBreakOf(text);
    const newText = site.hasFrontMatter ? `${line}${eol}` : `---${eol}${line}${eol}---${eol}`;
    // A `classification:` key without text gets no fix: a second key would be a YAML error.
    sink.add(
      marks[0].start,
      marks[0].end,
      'warning',
      'classification-missing',
      `This briefing has portion marks but no 'classification:' text; its highest portion is ${LEVEL_NAMES[highest]}${needsNoforn ? ', NOFORN' : ''}`,
      site.valueSpan ? undefined : { title: `Add '${line}' to the front matter`, edits: [{ start: site.insertAt, end: site.insertAt, newText }] },
    );
    return;
  }
  const banner = readBanner(site.value);
  if (!banner) return;
  const rewrite = (title: string, value: string) => site.valueSpan && { title, edits: [{ start: site.valueSpan[0], end: site.valueSpan[1], newText: yamlScalar(value) }] };
  const raisedTo = `${LEVEL_NAMES[highest]}${needsNoforn ? '//NOFORN' : ''}`;
  // Offered only without control markings: which of them still apply at a new level is the writer's call.
  const raise = banner.controls.length === 0 ? rewrite(`Raise the classification to ${raisedTo}`, raisedTo) : undefined;
  const bannerNoforn = isNoforn(banner.controls);
  // NOFORN replaces a REL TO release: that is the writer's call too.
  const addNoforn = banner.controls.some((control) => control.startsWith('REL')) ? undefined : rewrite(`Add //NOFORN to the classification`, `${site.value}//NOFORN`);
  for (const mark of marks) {
    if (mark.level > banner.level) {
      sink.add(
        mark.start,
        mark.end,
        'error',
        'portion-above-classification',
        `${mark.text} marks this portion ${LEVEL_NAMES[mark.level]}, above the briefing's classification '${site.value}': raise 'classification:' or correct the mark`,
        raise,
      );
    }
    if (!bannerNoforn && isNoforn(mark.controls)) {
      sink.add(
        mark.start,
        mark.end,
        'warning',
        'portion-noforn',
        `${mark.text} is NOFORN, but the briefing's classification '${site.value}' is not: add //NOFORN to it or correct the mark`,
        addNoforn,
      );
    }
  }
}

/** The codes of the marking problems that would make a product's banner under-mark its content. */
const UNDER_MARKING = new Set(['portion-above-classification', 'portion-noforn', 'classification-missing']);

/**
 * The banner a product of the briefing carries: its `classification:`, and the marking problems
 * that stop it from being published (a portion above it, a NOFORN portion under a banner
 * without NOFORN, portions marked without a classification), with the banner that would cover
 * every portion: the highest of the banner's and the portions' levels, the banner's controls
 * and NOFORN where a portion has it (in place of a REL TO release).
 */
export function productBanner(briefing: Briefing): { readonly banner: string | undefined; readonly problems: readonly Diagnostic[]; readonly covering: string | undefined } {
  const banner = briefing.frontMatter?.classification?.trim() || undefined;
  const problems = briefing.diagnostics.filter((diagnostic) => UNDER_MARKING.has(diagnostic.code));
  if (problems.length === 0) return { banner, problems, covering: banner };
  const marks = briefing.portions.map((portion) => portionMarkAt(portion.mark, 0)).filter((mark) => mark !== undefined);
  const read = banner === undefined ? undefined : readBanner(banner);
  const level = Math.max(read?.level ?? 0, ...marks.map((mark) => mark.level));
  let controls = [...(read?.controls ?? [])];
  // NOFORN, the stricter, replaces a REL TO release.
  if (!isNoforn(controls) && marks.some((mark) => isNoforn(mark.controls))) controls = [...controls.filter((control) => !control.startsWith('REL')), 'NOFORN'];
  return { banner, problems, covering: [LEVEL_NAMES[level], ...controls].join('//') };
}

/** What the editor shows of a briefing's classification: the marking, and whether its portions agree. */
export interface ClassificationStatus {
  /** The `classification:` as written, or 'No classification'. */
  readonly text: string;
  readonly detail: string;
  readonly severity: 'error' | 'warning' | 'information';
  /** The 0-based line of the first marking problem, to go to. */
  readonly problemLine: number | undefined;
}

/** The classification status of a parsed briefing, from its marking diagnostics. */
export function classificationStatus(briefing: Briefing): ClassificationStatus {
  const value = briefing.frontMatter?.classification;
  const text = value ? value : 'No classification';
  const problem =
    briefing.diagnostics.find((d) => d.code === 'portion-above-classification') ??
    briefing.diagnostics.find((d) => d.code === 'portion-noforn' || d.code === 'classification-missing');
  if (!problem) return { text, detail: 'classification', severity: 'information', problemLine: undefined };
  const detail =
    problem.code === 'portion-above-classification' ? 'a portion is marked above it' : problem.code === 'portion-noforn' ? 'a portion is NOFORN' : 'portions are marked';
  return { text, detail, severity: problem.code === 'portion-above-classification' ? 'error' : 'warning', problemLine: problem.range.start.line };
}

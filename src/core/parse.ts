import { scanBody } from './body';
import { BodyMention } from './bodyMention';
import { DiagnosticSink } from './diagnostics';
import type { EntityDraft } from './entities';
import { readEvents } from './events';
import { clearFrontMatterCache, readFrontMatter } from './frontMatter';
import { LineIndex } from './lineIndex';
import type { Registry } from './registry';
import { buildSections } from './sections';
import { buildMatcher } from './terms';
import { findAllLayered, type MatchReport, type TermMatcher } from './matcher';
import { MatchRecorder, RECORD_MIN_LENGTH, reportWithRecord, type MatchRecord } from './incremental';
import type { Briefing, Diagnostic, DiagnosticCode, Entity, Mention } from './types';

export interface ParseOptions {
  /** Workspace registries, in precedence order; the briefing's own entries override theirs by name. */
  readonly registries?: readonly Registry[];
  /**
   * Keep, with the model, what the parse of the document's next version can reuse (set by the
   * document store for documents being edited; a long document then costs some memory more).
   */
  readonly incremental?: boolean;
  /**
   * The model of an earlier version of the same document, parsed with `incremental`: a long
   * document then re-matches only the lines that changed. The result is the same either way.
   */
  readonly previous?: Briefing;
}

/**
 * Forgets the cached front matters, and with them the terms built from them (for benchmarks of
 * a cold parse).
 */
export function clearParseCaches(): void {
  clearFrontMatterCache();
}

/**
 * Turns a briefing's text into its model. Total: for any input it returns a model and never
 * throws; every problem is a diagnostic.
 */
export function parseBriefing(text: string, options: ParseOptions = {}): Briefing {
  const lines = new LineIndex(text);
  try {
    if (text.includes('\u0000')) {
      return emptyModel(lines, 'binary-content', 'This file looks binary (it contains NUL characters), so it is not read as a briefing');
    }
    return parse(text, lines, options);
  } catch (error) {
    // A bug must not take the editor down: report it in the document instead.
    return emptyModel(lines, 'internal-error', `Internal error while reading this briefing: ${String(error)}`);
  }
}

function parse(text: string, lines: LineIndex, options: ParseOptions): Briefing {
  const sink = new DiagnosticSink(lines);
  const front = readFrontMatter(text, lines, sink);

  const own = ownTerms(front.entities, lines);
  sink.items.push(...own.diagnostics);
  const shared = registryTerms(options.registries ?? EMPTY);
  // The registries' entities that the briefing does not override by name.
  const ownNames = new Set(front.entities.map((draft) => draft.name));
  const kept = shared.drafts.map((draft) => !ownNames.has(draft.name));
  const ownEntities = front.entities.map(toEntity);
  // A registry entity joins the model when the briefing mentions it: a workspace registry may hold
  // thousands, and a thousand briefings must not each carry a copy of them all.
  const registryEntities: (Entity | undefined)[] = new Array(shared.drafts.length);
  const mentionedRegistry: number[] = [];

  const body = scanBody(text, lines, front.bodyStartLine);
  const mentions: Mention[] = [];
  let line = front.bodyStartLine;
  const onMatch: MatchReport = (value, layer, start, end) => {
    // A term of a registry entity the briefing overrides is no mention. (A registry term equal to
    // one of the briefing's own loses to it by the layers' tie rule: the first definition wins.)
    if (layer === 1 && !kept[value]) return;
    let entity = layer === 0 ? ownEntities[value] : registryEntities[value];
    if (!entity) {
      entity = toEntity(shared.drafts[value]);
      registryEntities[value] = entity;
      mentionedRegistry.push(value);
    }
    // Matches come in order and never span lines: the line only moves forward.
    while (line + 1 < lines.lineCount && lines.lineStart(line + 1) <= start) line++;
    const mention = new BodyMention(entity, lines, line, start, end);
    mentions.push(mention);
    entity.mentions.push(mention);
  };
  const matchers = [own.matcher, shared.matcher];
  const registries = options.registries ?? EMPTY;
  const recorder = options.incremental && text.length >= RECORD_MIN_LENGTH ? new MatchRecorder() : undefined;
  const report: MatchReport = recorder
    ? (value, layer, start, end) => {
        recorder.add(value, layer, start, end);
        onMatch(value, layer, start, end);
      }
    : onMatch;
  const previous = options.previous && matchRecords.get(options.previous);
  const reused = previous !== undefined && previous.front === front && previous.registries === registries
    && reportWithRecord(previous, text, lines, front.bodyStart, body.excluded, matchers, report);
  if (!reused) findAllLayered(matchers, text, front.bodyStart, text.length, body.excluded, report);

  // The model lists actors before places, each with the briefing's own before the registries'
  // (in registry order).
  const fromRegistries = mentionedRegistry.sort((a, b) => a - b).map((index) => registryEntities[index]!);
  const entities = [...ownEntities, ...fromRegistries].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'actor' ? -1 : 1));
  // An array grown by `push` keeps room for more: a workspace's tens of thousands of mention lists
  // are kept at their exact size.
  for (const entity of entities) if (entity.mentions.length > 0) (entity as { mentions: Mention[] }).mentions = entity.mentions.slice();
  const sections = buildSections(body.headings, lines);
  const events = readEvents({ text, lines, body, mentions, sink, headingLines: body.headings.map((heading) => heading.line) });
  const model: Briefing = {
    frontMatter: front.frontMatter,
    entities,
    mentions,
    events,
    sections,
    diagnostics: sink.sorted(),
    bodyStartOffset: front.bodyStart,
    lines,
  };
  if (recorder) matchRecords.set(model, { text, front, registries, excluded: body.excluded, matches: recorder.done() });
  return model;
}

/** The matches of each long model, for the parse of its document's next version. */
const matchRecords = new WeakMap<Briefing, MatchRecord>();

const EMPTY: readonly Registry[] = [];

/**
 * A briefing's own terms, kept for the same front matter (the front-matter cache hands back the
 * same drafts): an edit in the body of a briefing with a thousand actors does not rebuild the trie.
 * The warnings about repeated names concern the front matter, whose ranges do not depend on the body.
 */
const ownCache = new WeakMap<readonly EntityDraft[], { matcher: TermMatcher; diagnostics: readonly Diagnostic[] }>();

function ownTerms(own: readonly EntityDraft[], lines: LineIndex): { matcher: TermMatcher; diagnostics: readonly Diagnostic[] } {
  let cached = ownCache.get(own);
  if (!cached) {
    const sink = new DiagnosticSink(lines);
    cached = { matcher: buildMatcher(own, sink, undefined), diagnostics: sink.items };
    ownCache.set(own, cached);
  }
  return cached;
}

/** The registries' entities (the first of a name wins) and their matcher, built once per set of registries. */
const registryCache = new WeakMap<readonly Registry[], { drafts: readonly EntityDraft[]; matcher: TermMatcher }>();

function registryTerms(registries: readonly Registry[]): { drafts: readonly EntityDraft[]; matcher: TermMatcher } {
  let cached = registryCache.get(registries);
  if (!cached) {
    const names = new Set<string>();
    const drafts: EntityDraft[] = [];
    for (const registry of registries) {
      for (const draft of registry.entities) {
        if (names.has(draft.name)) continue;
        names.add(draft.name);
        drafts.push(draft);
      }
    }
    cached = { drafts, matcher: buildMatcher(drafts, undefined, undefined) };
    registryCache.set(registries, cached);
  }
  return cached;
}

function toEntity(draft: EntityDraft): Entity {
  return {
    id: draft.id,
    name: draft.name,
    kind: draft.kind,
    type: draft.type,
    aliases: draft.aliases,
    role: draft.role,
    affiliation: draft.affiliation,
    country: draft.country,
    summary: draft.summary,
    links: draft.links,
    definition: draft.definition,
    mentions: [],
  };
}

function emptyModel(lines: LineIndex, code: DiagnosticCode, message: string): Briefing {
  const sink = new DiagnosticSink(lines);
  // The first character, whole (a surrogate pair is one character).
  const first = lines.text.codePointAt(0);
  sink.add(0, Math.min(lines.lineEnd(0), first !== undefined && first > 0xffff ? 2 : 1), 'error', code, message);
  return {
    frontMatter: undefined, entities: [], mentions: [], events: [], sections: [],
    diagnostics: sink.sorted(), bodyStartOffset: 0, lines,
  };
}

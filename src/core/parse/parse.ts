import { movedBody, scanBody } from '../body/body';
import { DiagnosticSink } from '../model/diagnosticSink';
import { readEvents } from '../body/events';
import { clearFrontMatterCache, readFrontMatter } from '../yaml/frontMatter';
import { LineIndex } from '../text/lineIndex';
import { registryMatchers, type Registry } from './registry';
import { checkMarkings, portionMarksAt } from '../yaml/markings';
import { buildSections } from '../body/sections';
import { checkConfidenceWithLikelihood } from '../body/estimative';
import { readSources } from '../body/sources';
import { buildTerms, reportRepeatedTerms } from '../match/terms';
import { termChange, termsAfterEdit } from '../match/termEdits';
import { findAllLayered, type MatchReport, type TermMatcher } from '../match/matcher';
import { BriefingModel, ModelEntity } from '../model/model';
import { MentionIndex, MentionTable } from '../model/mentionTable';
import { Int32Quads } from '../text/int32Quads';
import { RECORD_MIN_LENGTH, reportWithRecord, type BodySearch, type MatchRecord, type OwnTerms } from './incremental';
import type { Briefing, DiagnosticCode, Entity, EntityDraft, Relation } from '../model/types';
import { checkRelations, resolved, termLookup, type TermLookup } from './relations';
import { checkCountries } from './countries';
import type { CountryNames } from '../geo/countries';
import type { Document } from 'yaml';

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
  /** The countries a place's `country:` may name; unchecked without them. */
  readonly countries?: CountryNames;
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
  // A document being edited keeps its front matter's parsed pieces: an edit in a long list of
  // actors then reads again only the entry it touched.
  const { front, pieces } = readFrontMatter(text, lines, sink, {
    previousPieces: options.previous && frontMatterPieces.get(options.previous),
    keepPieces: options.incremental,
  });

  const previous = options.previous && matchRecords.get(options.previous);
  const own = ownTerms(front.entities, lines, previous?.own);
  sink.items.push(...own.diagnostics);
  const shared = registryTerms(options.registries ?? EMPTY);
  // The registries' entities that the briefing overrides by name: their terms are no mentions.
  let overridden: Set<number> | undefined;
  for (const draft of front.entities) {
    const value = shared.valueOfName.get(draft.name);
    if (value !== undefined) (overridden ??= new Set()).add(value);
  }
  // Each mention names its entity by a slot: the briefing's own entities first, then the registry
  // entities it mentions, in the order of their first mention. A registry entity joins the model
  // only when the briefing mentions it: a workspace registry may hold thousands, and a thousand
  // briefings must not each carry a copy of them all.
  const slotDrafts: EntityDraft[] = front.entities.slice();
  // The slot of each registry entity mentioned: a map, since a registry may hold tens of thousands
  // and a briefing mention a few dozen (a table of the registry's size, made and filled for each
  // file of a workspace, took longer than the file's matching).
  const registrySlots = new Map<number, number>();
  const mentionedRegistry: number[] = [];

  // After an edit in the front matter of a long document, its body is what it was: moved, not read again.
  const body =
    previous && previous.text.slice(previous.bodyStart) === text.slice(front.bodyStart)
      ? movedBody(previous.body, front.bodyStart - previous.bodyStart, front.bodyStartLine - previous.bodyStartLine, lines.lineCount)
      : scanBody(text, lines, front.bodyStartLine);
  const table = new MentionTable(Math.max(64, text.length >> 6));
  let line = front.bodyStartLine;
  const onMatch: MatchReport = (value, layer, start, end) => {
    let slot = value;
    if (layer === 1) {
      // A term of a registry entity the briefing overrides is no mention. (A registry term equal to
      // one of the briefing's own loses to it by the layers' tie rule: the first definition wins.)
      if (overridden?.has(value)) return;
      slot = registrySlots.get(value) ?? -1;
      if (slot < 0) {
        slot = slotDrafts.push(shared.drafts[value]) - 1;
        registrySlots.set(value, slot);
        mentionedRegistry.push(value);
      }
    }
    // Matches come in order and never span lines: the line only moves forward.
    while (line + 1 < lines.lineCount && lines.lineStart(line + 1) <= start) line++;
    table.add(slot, line, start, end);
  };
  const matchers = [own.terms.matcher, shared.matcher];
  const registries = options.registries ?? EMPTY;
  // The matches as reported (`value, layer, start, end`), for the parse of the next version.
  const recorder = options.incremental && text.length >= RECORD_MIN_LENGTH ? new Int32Quads(1024) : undefined;
  const report: MatchReport = recorder
    ? (value, layer, start, end) => {
        recorder.push(value, layer, start, end);
        onMatch(value, layer, start, end);
      }
    : onMatch;
  // The previous matches serve with the same terms, or, when a few entities changed, outside the
  // lines where their terms (old or new) occur.
  const change = previous && previous.own.terms !== own.terms ? termChange(previous.own.drafts, own.drafts) : undefined;
  const search: BodySearch = { text, lines, from: front.bodyStart, excluded: body.excluded, matchers, report };
  const reused =
    previous !== undefined && previous.registries === registries && (previous.own.terms === own.terms || change !== undefined) && reportWithRecord(previous, search, change);
  if (!reused) findAllLayered(matchers, text, front.bodyStart, text.length, body.excluded, report);

  // Relations name their targets by name or alias: each resolved to the entity's canonical name. A
  // registry entity that a relation of the model's entities names joins the model, as a mention would make it.
  let relationsOfSlot: Map<number, Relation[]> | undefined;
  const targetOf = (to: string): string | undefined => {
    const own = ownTermLookup(front.entities).get(to);
    if (own !== undefined) return front.entities[own].name;
    const value = (shared.lookup ??= termLookup(shared.drafts)).get(to);
    if (value === undefined) return undefined;
    if (!overridden?.has(value) && !registrySlots.has(value)) {
      registrySlots.set(value, slotDrafts.push(shared.drafts[value]) - 1);
      mentionedRegistry.push(value);
    }
    return shared.drafts[value].name;
  };
  // Only the entities the briefing has so far: those that join here bring no more.
  const slotsWithRelations = slotDrafts.length;
  for (let slot = 0; slot < slotsWithRelations; slot++) {
    const { relations } = slotDrafts[slot];
    if (relations.length > 0)
      (relationsOfSlot ??= new Map()).set(
        slot,
        relations.map((relation) => resolved(relation, targetOf(relation.to))),
      );
  }

  const slotEntities: Entity[] = new Array(slotDrafts.length);
  table.trim();
  const mentions = new MentionIndex(table, slotEntities, lines);
  for (let slot = 0; slot < slotDrafts.length; slot++) slotEntities[slot] = new ModelEntity(slotDrafts[slot], mentions, slot, relationsOfSlot?.get(slot));
  // The model lists actors before places, each with the briefing's own before the registries'
  // (in registry order).
  const fromRegistries = mentionedRegistry.sort((a, b) => a - b).map((value) => slotEntities[registrySlots.get(value)!]);
  const entities = [...slotEntities.slice(0, front.entities.length), ...fromRegistries].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'actor' ? -1 : 1));
  const sections = buildSections(body.headings, lines);
  const events = readEvents({ text, lines, body, mentions, sink, headingLines: body.headings.map((heading) => heading.line) });
  const marks = portionMarksAt(text, body.portionStarts);
  if (marks.length > 0 && !sink.items.some((item) => item.code === 'front-matter-unclosed')) {
    checkMarkings(
      text,
      marks,
      {
        value: front.frontMatter?.classification,
        valueSpan: front.classificationSpan,
        hasFrontMatter: front.frontMatter !== undefined,
        insertAt: front.frontMatter ? lines.lineStart(front.bodyStartLine - 1) : 0,
      },
      sink,
    );
  }
  const portionEnd = new Map(marks.length > 0 ? body.portionStarts.map((start, index) => [start, body.portionEnds[index]]) : []);
  const portions = marks.map((mark) => ({ mark: mark.text, range: lines.range(mark.start, portionEnd.get(mark.start) ?? mark.end) }));
  const { sources, citations } = readSources(text, lines, body, front.bodyStart, sink);
  if (relationsOfSlot) {
    const ownLookup = ownTermLookup(front.entities);
    const known = {
      *[Symbol.iterator]() {
        yield* ownLookup.keys();
        if (shared.lookup) yield* shared.lookup.keys();
      },
    };
    front.entities.forEach((draft, slot) => {
      const relations = relationsOfSlot.get(slot);
      if (relations) checkRelations(draft, relations, sink, known, sources);
    });
  }
  if (options.countries) checkCountries(front.entities, options.countries, sink);
  checkConfidenceWithLikelihood(text, lines, body, front.bodyStart, sink);
  const model = new BriefingModel(front.frontMatter, entities, mentions, events, sections, sources, citations, portions, sink.sorted(), front.bodyStart, lines, body.excluded);
  if (recorder) matchRecords.set(model, { text, own, registries, bodyStart: front.bodyStart, bodyStartLine: front.bodyStartLine, body, matches: recorder.trim() });
  if (pieces) frontMatterPieces.set(model, pieces);
  return model;
}

/** The parsed pieces of each edited model's front matter, for the parse of its document's next version. */
const frontMatterPieces = new WeakMap<Briefing, ReadonlyMap<string, Document.Parsed>>();

/** The matches of each long model, for the parse of its document's next version. */
const matchRecords = new WeakMap<Briefing, MatchRecord>();

const EMPTY: readonly Registry[] = [];

/**
 * A briefing's own terms, kept for the same front matter (the front-matter cache hands back the
 * same drafts): an edit in the body of a briefing with a thousand actors does not rebuild the trie.
 * The warnings about repeated names concern the front matter, whose ranges do not depend on the body.
 */
const ownCache = new WeakMap<readonly EntityDraft[], OwnTerms>();

/**
 * `previous`: the terms of the document's previous version. When an edit of the front matter left
 * every name and alias as it was, their matcher serves again (and with it the previous matches);
 * when it changed a few, their matcher is patched rather than built again.
 */
function ownTerms(own: readonly EntityDraft[], lines: LineIndex, previous: OwnTerms | undefined): OwnTerms {
  let cached = ownCache.get(own);
  if (!cached) {
    const sink = new DiagnosticSink(lines);
    const terms = previous ? termsAfterEdit(previous.drafts, previous.terms, own) : buildTerms(own);
    reportRepeatedTerms(own, terms, sink, undefined);
    cached = { drafts: own, terms, diagnostics: sink.items };
    ownCache.set(own, cached);
  }
  return cached;
}

/** Each name and alias of a briefing's own entities, kept for the same front matter (as its terms are). */
const ownLookupCache = new WeakMap<readonly EntityDraft[], TermLookup>();

function ownTermLookup(own: readonly EntityDraft[]): TermLookup {
  let lookup = ownLookupCache.get(own);
  if (!lookup) ownLookupCache.set(own, (lookup = termLookup(own)));
  return lookup;
}

interface RegistryTerms {
  readonly drafts: readonly EntityDraft[];
  /** Each name and alias, to its draft's index: made when a relation first needs it. */
  lookup?: TermLookup;
  /** Each draft's index in `drafts` (its value in the matcher), by name. */
  readonly valueOfName: ReadonlyMap<string, number>;
  readonly matcher: TermMatcher;
}

/** The registries' entities (the first of a name wins) and their matcher, built once per set of registries. */
const registryCache = new WeakMap<readonly Registry[], RegistryTerms>();

function registryTerms(registries: readonly Registry[]): RegistryTerms {
  let cached = registryCache.get(registries);
  if (!cached) {
    const valueOfName = new Map<string, number>();
    const drafts: EntityDraft[] = [];
    for (const registry of registries) {
      for (const draft of registry.entities) {
        if (valueOfName.has(draft.name)) continue;
        valueOfName.set(draft.name, drafts.push(draft) - 1);
      }
    }
    // One registry whose names are all its own: the matcher its read built holds the same terms.
    const built = registries.length === 1 && drafts.length === registries[0].entities.length ? registryMatchers.get(registries[0].entities) : undefined;
    cached = { drafts, valueOfName, matcher: built ?? buildTerms(drafts).matcher };
    registryCache.set(registries, cached);
  }
  return cached;
}

function emptyModel(lines: LineIndex, code: DiagnosticCode, message: string): Briefing {
  const sink = new DiagnosticSink(lines);
  // The first character, whole (a surrogate pair is one character).
  const first = lines.text.codePointAt(0);
  sink.add(0, Math.min(lines.lineEnd(0), first !== undefined && first > 0xffff ? 2 : 1), 'error', code, message);
  return new BriefingModel(undefined, [], new MentionIndex(new MentionTable(0), [], lines), [], [], [], [], [], sink.sorted(), 0, lines);
}

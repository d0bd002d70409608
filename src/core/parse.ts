import { scanBody } from './body';
import { DiagnosticSink } from './diagnostics';
import type { EntityDraft } from './entities';
import { readEvents } from './events';
import { readFrontMatter } from './frontMatter';
import { LineIndex } from './lineIndex';
import type { Registry } from './registry';
import { buildSections } from './sections';
import { buildMatcher } from './terms';
import type { Briefing, DiagnosticCode, Entity, Mention } from './types';

export interface ParseOptions {
  /** Workspace registries, in precedence order; the briefing's own entries override theirs by name. */
  readonly registries?: readonly Registry[];
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

  const ownNames = new Set(front.entities.map((draft) => draft.name));
  const drafts: EntityDraft[] = [...front.entities];
  const registryNames = new Set<string>();
  for (const registry of options.registries ?? []) {
    for (const draft of registry.entities) {
      if (ownNames.has(draft.name) || registryNames.has(draft.name)) continue;
      registryNames.add(draft.name);
      drafts.push(draft);
    }
  }
  // Terms are registered in definition order (the first definition wins); the model lists
  // actors before places, each with the briefing's own before the registries'.
  const matcher = buildMatcher(drafts, sink, undefined);
  const entityOfDraft: Entity[] = drafts.map(toEntity);
  const entities = [...entityOfDraft].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'actor' ? -1 : 1));

  const body = scanBody(text, lines, front.bodyStartLine);
  const mentions: Mention[] = [];
  matcher.findAll(text, front.bodyStart, text.length, body.excluded, (match) => {
    const entity = entityOfDraft[match.value];
    const mention: Mention = { entity, text: text.slice(match.start, match.end), range: lines.range(match.start, match.end) };
    mentions.push(mention);
    entity.mentions.push(mention);
  });

  const sections = buildSections(body.headings, lines);
  const events = readEvents({ text, lines, body, mentions, sink, headingLines: body.headings.map((heading) => heading.line) });
  return {
    frontMatter: front.frontMatter,
    entities,
    mentions,
    events,
    sections,
    diagnostics: sink.sorted(),
    bodyStartOffset: front.bodyStart,
    lines,
  };
}

function toEntity(draft: EntityDraft): Entity {
  return {
    id: `${draft.kind}:${draft.name}`,
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
  sink.add(0, Math.min(lines.lineEnd(0), 1), 'error', code, message);
  return {
    frontMatter: undefined, entities: [], mentions: [], events: [], sections: [],
    diagnostics: sink.sorted(), bodyStartOffset: 0, lines,
  };
}

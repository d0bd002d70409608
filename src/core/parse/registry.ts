import { DiagnosticSink } from '../model/diagnosticSink';
import { entityListSteps } from '../yaml/entities';
import type { EntityDraft } from '../model/types';
import { LineIndex } from '../text/lineIndex';
import { termSteps } from '../match/terms';
import { finish, type Steps } from '../text/steps';
import type { TermMatcher } from '../match/matcher';
import { checkRelations, resolved, termLookup } from './relations';
import type { Diagnostic } from '../model/types';
import { readYamlMapping, scopedSpan, type PieceReuse } from '../yaml/yamlMapping';
import { scalarText, scalarValue, type YamlScope } from '../yaml/yamlSource';

/** A workspace registry (`entities.yaml`, `*.entities.yaml`): actors and places shared by every briefing. */
export interface Registry {
  /** The registry's URI or path. */
  readonly source: string;
  readonly entities: readonly EntityDraft[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Whether a file name is a workspace registry's. */
export function isRegistryFileName(fileName: string): boolean {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  return base === 'entities.yaml' || base.endsWith('.entities.yaml');
}

/**
 * A registry file that could not be read (permissions, a broken link, a folder by that name): it
 * contributes no entities, and says so where the user looks for problems rather than silently.
 */
export function unreadableRegistry(source: string, reason: string): Registry {
  const sink = new DiagnosticSink(new LineIndex(''));
  sink.add(0, 0, 'warning', 'registry-unreadable', `This registry could not be read (${reason}): its actors and places are not used until it can be`);
  return { source, entities: [], diagnostics: sink.sorted() };
}

/**
 * The matcher of each registry's entities (their indices its values), built for its diagnostics:
 * the briefings' parse takes it rather than building the same again (a long task of its own for
 * a large registry).
 */
export const registryMatchers = new WeakMap<readonly EntityDraft[], TermMatcher>();

/** Reads a registry. Never throws: problems are diagnostics, and the entities that could be read are kept. */
export function parseRegistry(text: string, source: string, reuse: PieceReuse = {}): Registry {
  return finish(registrySteps(text, source, reuse));
}

/**
 * `parseRegistry`, a step each entry read and each entity's terms: a registry of thousands of
 * entries is read without holding up an editor that gives its event loop a turn between steps
 * (its YAML parsed beforehand, a piece a step: `parsePiecesStepwise`).
 */
export function* registrySteps(text: string, source: string, reuse: PieceReuse = {}): Steps<Registry> {
  const lines = new LineIndex(text);
  const sink = new DiagnosticSink(lines);
  const entities: EntityDraft[] = [];
  try {
    const scope: YamlScope = { sink, lines, base: 0, source };
    const mapping = readYamlMapping(text, scope, reuse);
    if (mapping.pairs) {
      for (const pair of mapping.pairs) {
        const key = scalarText(pair.key.node);
        const keySpan = scopedSpan(pair.key, 0);
        if (key === 'actors') entities.push(...(yield* entityListSteps(pair, keySpan, 'actor')));
        else if (key === 'places') entities.push(...(yield* entityListSteps(pair, keySpan, 'place')));
        else sink.add(keySpan[0], keySpan[1], 'information', 'unknown-key', `Unknown key '${key ?? ''}' in a registry: only 'actors' and 'places' are read`);
      }
    } else if (scalarValue(mapping.contents.node) !== null && !mapping.hasErrors) {
      sink.add(0, lines.lineEnd(0), 'error', 'front-matter-not-mapping', `A registry must be a YAML mapping with 'actors:' and 'places:' lists`);
    }
    registryMatchers.set(entities, (yield* termSteps(entities, sink, source)).matcher);
    // A registry's relations may name entities that briefings define: only one to itself is
    // known to be wrong here (each briefing resolves the rest).
    let lookup: ReturnType<typeof termLookup> | undefined;
    for (const draft of entities) {
      if (draft.relations.length === 0) continue;
      lookup ??= termLookup(entities);
      const relations = draft.relations.map((relation) => {
        const index = lookup!.get(relation.to);
        return resolved(relation, index === undefined ? undefined : entities[index].name);
      });
      checkRelations(draft, relations, sink, undefined, undefined);
    }
  } catch (error) {
    sink.add(0, 0, 'error', 'yaml-error', `The registry could not be read: ${String(error)}`);
  }
  return { source, entities, diagnostics: sink.sorted() };
}

import type { DiagnosticSink } from '../model/diagnosticSink';
import type { EntityDraft, Relation, Source } from '../model/types';
import { closestWord } from '../text/closestWord';
import { yamlScalar } from '../yaml/yamlSource';

/** The entity a name or an alias stands for: its index among the drafts looked in. */
export type TermLookup = ReadonlyMap<string, number>;

/** Each name and alias of the drafts, to the first draft that has it. */
export function termLookup(drafts: readonly EntityDraft[]): Map<string, number> {
  const lookup = new Map<string, number>();
  drafts.forEach((draft, index) => {
    if (!lookup.has(draft.name)) lookup.set(draft.name, index);
    for (const alias of draft.aliases) if (!lookup.has(alias)) lookup.set(alias, index);
  });
  return lookup;
}

/** A relation with the canonical name of the entity its `to` names, or itself when that is already set. */
export function resolved(relation: Relation, target: string | undefined): Relation {
  return relation.target === target ? relation : { ...relation, target };
}

/**
 * Warns about an entry's relations written in this document: a `to` that names no known entity
 * (with the closest name, and the fix to it) when `known` is given, one that names the entry
 * itself, and a `source` not listed in `sources` when they are given.
 */
export function checkRelations(
  owner: EntityDraft,
  relations: readonly Relation[],
  sink: DiagnosticSink,
  known: Iterable<string> | undefined,
  sources: readonly Source[] | undefined,
): void {
  for (const relation of relations) {
    const { toRange } = relation;
    if (relation.target === owner.name) {
      sink.add(toRange.startOffset, toRange.endOffset, 'warning', 'relation-to-itself', `A relation of ${owner.name} to itself`);
    } else if (relation.target === undefined && known) {
      // The closest of the names and aliases, however far: a name mistyped is often more than two letters off.
      const closest = closestWord(relation.to, known, Math.max(3, Math.ceil(relation.to.length / 2)));
      sink.add(
        toRange.startOffset,
        toRange.endOffset,
        'warning',
        'unknown-relation-target',
        `No actor or place is named '${relation.to}'${closest ? `; did you mean '${closest}'?` : ': add its entry, or name one of the briefing or its registries'}`,
        closest ? { title: `Change to '${closest}'`, edits: [{ start: toRange.startOffset, end: toRange.endOffset, newText: yamlScalar(closest) }] } : undefined,
      );
    }
    const label = relation.source;
    if (label !== undefined && sources && relation.sourceRange && !sources.some((source) => source.id === label)) {
      sink.add(relation.sourceRange.startOffset, relation.sourceRange.endOffset, 'warning', 'unknown-source', `${label} is not listed: add a line '- [${label}] …' under Sources`);
    }
  }
}

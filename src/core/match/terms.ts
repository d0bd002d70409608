import type { DiagnosticSink, OffsetFix } from '../model/diagnosticSink';
import type { EntityDraft } from '../model/types';
import { finish, type Steps } from '../text/steps';
import { normalizeTerm, TermMatcher } from './matcher';

/** A matcher of entities' names and aliases, and which of their terms repeated an earlier one. */
export interface EntityTerms {
  readonly matcher: TermMatcher;
  /** `[entity index, term index]` (0 the name, then the aliases) of each term already registered when its turn came. */
  readonly repeats: readonly (readonly [number, number])[];
}

/** Registers every entity's name and aliases in a matcher, in order: the first definition of a term wins. */
export function buildTerms(entities: readonly EntityDraft[]): EntityTerms {
  return finish(termSteps(entities));
}

/** `buildTerms`, a step each entity; with a sink, a repeated term gets a Warning at its later definition. */
export function* termSteps(entities: readonly EntityDraft[], sink?: DiagnosticSink, ownSource?: string): Steps<EntityTerms> {
  const matcher = new TermMatcher();
  const repeats: [number, number][] = [];
  for (let index = 0; index < entities.length; index++) {
    const entity = entities[index];
    if (!matcher.add(entity.name, index)) repeats.push([index, 0]);
    entity.aliases.forEach((alias, aliasIndex) => {
      if (!matcher.add(alias, index)) repeats.push([index, aliasIndex + 1]);
    });
    yield;
  }
  const terms = { matcher, repeats };
  if (sink) reportRepeatedTerms(entities, terms, sink, ownSource);
  return terms;
}

/** A Warning at each repeated term of `entities` (whose terms `terms` holds) defined in `ownSource`. */
export function reportRepeatedTerms(entities: readonly EntityDraft[], terms: EntityTerms, sink: DiagnosticSink, ownSource: string | undefined): void {
  for (const [index, termIndex] of terms.repeats) {
    const entity = entities[index];
    if (entity.definition.source !== ownSource) continue;
    const term = termIndex === 0 ? entity.name : entity.aliases[termIndex - 1];
    const [start, end] = termIndex === 0 ? entity.nameSpan : entity.aliasSpans[termIndex - 1];
    const owner = entities[terms.matcher.lookup(normalizeTerm(term))];
    const where = owner.definition.source === ownSource ? `line ${owner.definition.nameRange.start.line + 1}` : owner.definition.source;
    const removal = termIndex > 0 ? aliasRemoval(sink.text, start, end, term) : undefined;
    if (owner === entity) {
      sink.add(start, end, 'warning', 'duplicate-alias', `'${term}' is listed twice for ${entity.name}`, removal);
    } else if (termIndex === 0) {
      sink.add(start, end, 'warning', 'duplicate-entity', `'${term}' is already a name or alias of ${owner.name} (${where}); the first definition wins`);
    } else {
      sink.add(start, end, 'warning', 'duplicate-alias', `Alias '${term}' is already used by ${owner.name} (${where}); the first definition wins`, removal);
    }
  }
}

/**
 * The edit that removes one alias from its list: with its comma in a flow list (`[A, B]`), or
 * its whole line in a block list (`- B`). Undefined when the alias is the list's only content.
 */
export function aliasRemoval(text: string, start: number, end: number, term: string): OffsetFix | undefined {
  const title = `Remove the duplicate alias '${term}'`;
  let before = start;
  while (before > 0 && (text[before - 1] === ' ' || text[before - 1] === '\t')) before--;
  let after = end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
  if (text[before - 1] === ',') return { title, edits: [{ start: before - 1, end, newText: '' }] };
  if (text[after] === ',') {
    let next = after + 1;
    while (next < text.length && (text[next] === ' ' || text[next] === '\t')) next++;
    return { title, edits: [{ start, end: next, newText: '' }] };
  }
  if (text[before - 1] === '-') {
    // A block list item: remove its whole line, line break included.
    let lineStart = before - 1;
    while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
    let lineEnd = after;
    if (text[lineEnd] === '\r') lineEnd++;
    if (text[lineEnd] === '\n') lineEnd++;
    if (/^[ \t]*-$/.test(text.slice(lineStart, before))) return { title, edits: [{ start: lineStart, end: lineEnd, newText: '' }] };
  }
  return undefined;
}

import type { DiagnosticSink, OffsetFix } from './diagnostics';
import type { EntityDraft } from './entities';
import { normalizeTerm, TermMatcher } from './matcher';

/** A matcher of entities' names and aliases, and which of their terms repeated an earlier one. */
export interface EntityTerms {
  readonly matcher: TermMatcher;
  /** `[entity index, term index]` (0 the name, then the aliases) of each term already registered when its turn came. */
  readonly repeats: readonly (readonly [number, number])[];
}

/**
 * Registers every entity's name and aliases in a matcher, in order: the first definition
 * of a term wins. When a sink is given, a repeated term gets a Warning at its later definition.
 */
export function buildMatcher(entities: readonly EntityDraft[], sink: DiagnosticSink | undefined, ownSource: string | undefined): TermMatcher {
  const terms = buildTerms(entities);
  if (sink) reportRepeatedTerms(entities, terms, sink, ownSource);
  return terms.matcher;
}

export function buildTerms(entities: readonly EntityDraft[]): EntityTerms {
  const matcher = new TermMatcher();
  const repeats: [number, number][] = [];
  entities.forEach((entity, index) => {
    if (!matcher.add(entity.name, index)) repeats.push([index, 0]);
    entity.aliases.forEach((alias, aliasIndex) => {
      if (!matcher.add(alias, index)) repeats.push([index, aliasIndex + 1]);
    });
  });
  return { matcher, repeats };
}

/**
 * Whether two lists of entities have the same names and aliases in the same order: then one's
 * matcher is the other's, and so are its matches (an edit of a summary or a role, say).
 */
export function sameTerms(a: readonly EntityDraft[], b: readonly EntityDraft[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameEntityTerms(a[i], b[i])) return false;
  return true;
}

function sameEntityTerms(x: EntityDraft, y: EntityDraft): boolean {
  if (x.name !== y.name || x.aliases.length !== y.aliases.length) return false;
  for (let k = 0; k < x.aliases.length; k++) if (x.aliases[k] !== y.aliases[k]) return false;
  return true;
}

/** How a list of entities' terms changed when a few entities were edited, added or removed in one place. */
export interface TermChange {
  /**
   * The terms of the entities that changed, before and after. Every other term kept its entity, so
   * only where one of these occurs can the matches differ.
   */
  readonly changed: TermMatcher;
  /** An entity's index in the new list, from its index in the old one; -1 for one removed or replaced. */
  remap(index: number): number;
}

/** Past this many changed entities (a paste, a sort) the whole text is simply matched again. */
const MAX_CHANGED_ENTITIES = 64;

/**
 * The change from `before` to `after`: the entities between their common first and last ones.
 * Undefined when the terms are the same, or when too many entities changed to be worth it.
 */
export function termChange(before: readonly EntityDraft[], after: readonly EntityDraft[]): TermChange | undefined {
  const shorter = Math.min(before.length, after.length);
  let head = 0;
  while (head < shorter && sameEntityTerms(before[head], after[head])) head++;
  let tail = 0;
  while (tail < shorter - head && sameEntityTerms(before[before.length - 1 - tail], after[after.length - 1 - tail])) tail++;
  const oldChangedEnd = before.length - tail;
  const newChangedEnd = after.length - tail;
  if (head === oldChangedEnd && head === newChangedEnd) return undefined;
  if (oldChangedEnd - head + newChangedEnd - head > MAX_CHANGED_ENTITIES) return undefined;
  const changed = new TermMatcher();
  const shift = after.length - before.length;
  if (shift === 0) {
    // Entities edited in place keep their indices: a term changes owner only if some entity gained
    // or lost it, so the changed terms are those (renaming a person leaves the lines that use only
    // an alias alone).
    for (let index = head; index < oldChangedEnd; index++) {
      const was = termSet(before[index]);
      const is = termSet(after[index]);
      for (const term of was) if (!is.has(term)) changed.add(term, 0);
      for (const term of is) if (!was.has(term)) changed.add(term, 0);
    }
    return { changed, remap: (index) => index };
  }
  for (const entity of [...before.slice(head, oldChangedEnd), ...after.slice(head, newChangedEnd)]) {
    for (const term of termSet(entity)) changed.add(term, 0);
  }
  return { changed, remap: (index) => (index < head ? index : index >= oldChangedEnd ? index + shift : -1) };
}

/** An entity's name and aliases as the matcher knows them. */
function termSet(entity: EntityDraft): Set<string> {
  return new Set([entity.name, ...entity.aliases].map(normalizeTerm));
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

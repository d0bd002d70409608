import type { EntityDraft } from '../model/types';
import { normalizeTerm, TermMatcher } from './matcher';
import { buildTerms, type EntityTerms } from './terms';

/*
 * What an edit of a front matter did to its entities' terms, so that the next parse reuses what
 * it can: the matcher (patched rather than rebuilt when a few entities were edited in place or at
 * the end of the list) and the body's matches (outside the lines where a changed term occurs).
 */

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
  const span = changedSpan(before, after);
  if (!span) return undefined;
  const { head, oldEnd } = span;
  const changed = new TermMatcher();
  for (const term of changedTerms(before, after, span)) changed.add(term, 0);
  const shift = after.length - before.length;
  // Entities edited in place keep their indices.
  if (shift === 0) return { changed, remap: (index) => index };
  return { changed, remap: (index) => (index < head ? index : index >= oldEnd ? index + shift : -1) };
}

/**
 * The terms of `after`, from those of `before` (`previous`): the same when no name or alias
 * changed; when a few entities were edited in place, or added, removed or replaced at the end of
 * the list (every other entity keeping its index), the previous matcher with the changed terms'
 * paths copied (see TermMatcher.withTerms); else built anew.
 */
export function termsAfterEdit(before: readonly EntityDraft[], previous: EntityTerms, after: readonly EntityDraft[]): EntityTerms {
  if (sameTerms(before, after)) return previous;
  const span = changedSpan(before, after);
  if (!span || (span.oldEnd !== span.newEnd && span.newEnd !== after.length)) return buildTerms(after);
  const { head, oldEnd, newEnd } = span;
  const unchanged = (index: number) => index < head || index >= oldEnd;
  const touched = changedTerms(before, after, span);
  // Who holds each touched term now, the first (lowest index) winning: the changed entities, and
  // the unchanged ones that held it before, first (the old matcher's value) or again (a repeat).
  const owner = new Map<string, number>();
  const holders = new Set<number>();
  const hold = (term: string, index: number) => owner.set(term, Math.min(owner.get(term) ?? index, index));
  for (let index = head; index < newEnd; index++) for (const term of termList(after[index])) if (touched.has(term)) hold(term, index);
  for (const term of touched) {
    const first = previous.matcher.lookup(term);
    if (first >= 0 && unchanged(first)) {
      hold(term, first);
      holders.add(first);
    }
  }
  for (const [index, termIndex] of previous.repeats) {
    if (!unchanged(index)) continue;
    const term = termList(after[index])[termIndex];
    if (!touched.has(term)) continue;
    hold(term, index);
    holders.add(index);
  }
  const matcher = previous.matcher.withTerms(new Map([...touched].map((term) => [term, owner.get(term) ?? -1])));
  // Which terms repeat an earlier one: found again for the changed entities and the holders of a
  // touched term, kept for every other entity (its terms kept their owners).
  const recheck = new Set<number>(holders);
  for (let index = head; index < newEnd; index++) recheck.add(index);
  const repeats: [number, number][] = previous.repeats.filter(([index]) => unchanged(index) && !recheck.has(index)).map(([index, termIndex]) => [index, termIndex]);
  for (const index of recheck) {
    const seen = new Set<string>();
    termList(after[index]).forEach((term, termIndex) => {
      if (matcher.lookup(term) !== index || seen.has(term)) repeats.push([index, termIndex]);
      seen.add(term);
    });
  }
  repeats.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { matcher, repeats };
}

/** `[head, oldEnd)` of the old list became `[head, newEnd)` of the new one; the rest is the same. */
interface ChangedSpan {
  readonly head: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/** The entities between the first and the last ones whose terms differ; undefined when none or too many. */
function changedSpan(before: readonly EntityDraft[], after: readonly EntityDraft[]): ChangedSpan | undefined {
  const shorter = Math.min(before.length, after.length);
  let head = 0;
  while (head < shorter && sameEntityTerms(before[head], after[head])) head++;
  let tail = 0;
  while (tail < shorter - head && sameEntityTerms(before[before.length - 1 - tail], after[after.length - 1 - tail])) tail++;
  const oldEnd = before.length - tail;
  const newEnd = after.length - tail;
  if (head === oldEnd && head === newEnd) return undefined;
  if (oldEnd - head + newEnd - head > MAX_CHANGED_ENTITIES) return undefined;
  return { head, oldEnd, newEnd };
}

/**
 * The terms whose owner may differ between the two lists: for entities edited in place (indices
 * kept), those some entity gained or lost, so that renaming a person leaves the lines that use
 * only an alias alone; else every term of the changed entities, before and after.
 */
function changedTerms(before: readonly EntityDraft[], after: readonly EntityDraft[], { head, oldEnd, newEnd }: ChangedSpan): Set<string> {
  if (oldEnd === newEnd) return gainedOrLost(before, after, head, oldEnd);
  return new Set([...before.slice(head, oldEnd), ...after.slice(head, newEnd)].flatMap(termList));
}

/** The terms that an entity in `[head, end)` has in one list and not in the other (lists of one length). */
function gainedOrLost(before: readonly EntityDraft[], after: readonly EntityDraft[], head: number, end: number): Set<string> {
  const terms = new Set<string>();
  for (let index = head; index < end; index++) {
    const was = termSet(before[index]);
    const is = termSet(after[index]);
    for (const term of was) if (!is.has(term)) terms.add(term);
    for (const term of is) if (!was.has(term)) terms.add(term);
  }
  return terms;
}

/** An entity's name and aliases as the matcher knows them, in order (0 the name). */
function termList(entity: EntityDraft): string[] {
  return [entity.name, ...entity.aliases].map(normalizeTerm);
}

function termSet(entity: EntityDraft): Set<string> {
  return new Set(termList(entity));
}

import { eventsOf, hasEvents, mentionCount } from './lookup';
import { sameEvents } from './timeline';
import { compareNames } from '../text/nameOrder';
import type { Briefing, Entity } from '../model/types';

/*
 * The rows of the Actors view: the orders it sorts a briefing's entities in, and which rows an
 * edit changed, so that the view sends VS Code only those.
 */

/** How the Actors view orders a briefing's actors and places. */
export type ActorOrder = 'definition' | 'name' | 'mentions';
export const ACTOR_ORDERS: readonly ActorOrder[] = ['definition', 'name', 'mentions'];

const ordered = new WeakMap<Briefing, Map<ActorOrder, readonly Entity[]>>();

/**
 * A model's entities in an order of the Actors view: as defined (the front matter's actors, its
 * places, then the registries' entities it mentions), by name (ignoring case and accents, "G7"
 * before "G20"), or by mentions, most first, ties as defined. Sorted once per model and order.
 */
export function orderedEntities(briefing: Briefing, order: ActorOrder): readonly Entity[] {
  if (order === 'definition') return briefing.entities;
  let byOrder = ordered.get(briefing);
  if (!byOrder) ordered.set(briefing, (byOrder = new Map()));
  let entities = byOrder.get(order);
  if (!entities) {
    if (order === 'name') {
      entities = [...briefing.entities].sort((a, b) => compareNames(a.name, b.name));
    } else {
      entities = [...briefing.entities].sort((a, b) => mentionCount(briefing, b) - mentionCount(briefing, a));
    }
    byOrder.set(order, entities);
  }
  return entities;
}

/** Whether the Actors view shows an entity the same in two models: its card, mention count, events and definition. */
function sameEntityShown(a: Briefing, x: Entity, b: Briefing, y: Entity): boolean {
  return (
    x.id === y.id &&
    x.type === y.type &&
    x.role === y.role &&
    x.affiliation === y.affiliation &&
    x.country === y.country &&
    x.coordinates?.join() === y.coordinates?.join() &&
    x.summary === y.summary &&
    x.definition.source === y.definition.source &&
    x.definition.nameRange.start.line === y.definition.nameRange.start.line &&
    mentionCount(a, x) === mentionCount(b, y) &&
    hasEvents(a, x) === hasEvents(b, y)
  );
}

/**
 * Whether two models of a briefing show the same in the Actors view: the same entities, counts
 * and definitions, and the same events under the entities whose events are shown (`expanded`).
 * Then the view is not sent its items again.
 */
export function sameInActorsView(a: Briefing, b: Briefing, expanded: (entity: Entity) => boolean, order: ActorOrder = 'definition'): boolean {
  return changedInActorsView(a, b, expanded, order)?.length === 0;
}

/**
 * The Actors view's rows that changed from one model to the next, by index in the view's
 * `order`: an entity's card, count or definition, or its events if they are shown (`expanded`).
 * Undefined when the rows themselves differ (an entity added, removed, renamed or moved, or
 * reordered by a count): then the view is sent whole. A new mention changes one count: the view
 * sends that row, not a long briefing's 1,250.
 */
export function changedInActorsView(a: Briefing, b: Briefing, expanded: (entity: Entity) => boolean, order: ActorOrder): number[] | undefined {
  const [x, y] = [orderedEntities(a, order), orderedEntities(b, order)];
  if (x.length !== y.length || x.some((entity, index) => entity.id !== y[index].id)) return undefined;
  const changed: number[] = [];
  x.forEach((entity, index) => {
    const other = y[index];
    if (!sameEntityShown(a, entity, b, other) || (expanded(entity) && !sameEvents(eventsOf(a, entity), eventsOf(b, other)))) changed.push(index);
  });
  return changed;
}

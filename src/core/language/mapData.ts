import type { Country } from '../geo/countries';
import { isoCountries } from '../geo/isoCountries';
import type { Coordinates, Entity } from '../model/types';
import type { SummaryEntity } from './summary';
import type { GraphSource, LinkGraph } from './linkGraph';

/** A country the map shades: the places in it and the states it is, with their mentions. */
export interface MapRegion {
  /** ISO 3166 numeric: the id of its shape in Natural Earth's world (`world-atlas`). */
  readonly numeric: string;
  /** As the briefing writes it (`Russia`), where ISO's name is `Russian Federation`. */
  readonly name: string;
  /** How often the briefings mention the entities that shade it. */
  readonly mentions: number;
  /** Those entities' ids (`place:Ukraine`, `actor:Russia`). */
  readonly entities: readonly string[];
  /** The events they take part in: places in the graph's `events`. */
  readonly events: readonly number[];
  /** Whether one of them takes part in no dated event: the map shows it under the timeline's window with "Undated". */
  readonly undated: boolean;
}

/** A place the map draws as a point. */
export interface MapPoint {
  readonly id: string;
  readonly name: string;
  readonly coordinates: Coordinates;
  readonly mentions: number;
  /** Its country's numeric code, when its `country:` names one. */
  readonly country: string | undefined;
  readonly events: readonly number[];
}

export interface MapData {
  readonly regions: readonly MapRegion[];
  readonly points: readonly MapPoint[];
  /** The places the map cannot put anywhere: no coordinates, and no country it knows. */
  readonly unlocated: readonly string[];
}

/**
 * Where the map puts the chart's actors and places (the nodes of `graph`, which the Events view's
 * filter has already chosen): a place with `coordinates` is a point; a place, or a `state` actor,
 * shades its country: the one its `country:` names, else the one its name or an alias is. Other
 * actors are not drawn. An entity in several briefings is read from the first that has it.
 */
export function mapData(graph: LinkGraph, sources: readonly GraphSource[]): MapData {
  const entityOf = new Map<string, Entity | SummaryEntity>();
  for (const { briefing } of sources) for (const entity of briefing.entities) if (!entityOf.has(entity.id)) entityOf.set(entity.id, entity);
  const regions = new Map<string, { numeric: string; name: string; mentions: number; entities: string[]; events: Set<number>; undated: boolean }>();
  const points: MapPoint[] = [];
  const unlocated: string[] = [];
  for (const node of graph.nodes) {
    const entity = entityOf.get(node.id);
    if (!entity) continue;
    const shaded = countryOfEntity(entity);
    const country = shaded?.country;
    if (entity.kind === 'place' && entity.coordinates) {
      points.push({ id: node.id, name: node.name, coordinates: entity.coordinates, mentions: node.mentions, country: country?.numeric, events: node.events });
    } else if (entity.kind === 'place' && !country) unlocated.push(node.name);
    if (!shaded || !country) continue;
    let region = regions.get(country.numeric);
    if (!region) regions.set(country.numeric, (region = { numeric: country.numeric, name: shaded.written, mentions: 0, entities: [], events: new Set(), undated: false }));
    region.mentions += node.mentions;
    region.undated ||= node.events.every((event) => graph.events[event].days === null);
    region.entities.push(node.id);
    for (const event of node.events) region.events.add(event);
  }
  return {
    regions: [...regions.values()].map((region) => ({ ...region, events: [...region.events].sort((a, b) => a - b) })),
    points,
    unlocated,
  };
}

/** The country an entity shades, and the words that name it: a place's or a state's `country:`, else its name or an alias. */
export function countryOfEntity(entity: Pick<Entity, 'kind' | 'type' | 'country' | 'name' | 'aliases'>): { readonly country: Country; readonly written: string } | undefined {
  if (entity.kind === 'actor' && entity.type !== 'state') return undefined;
  for (const written of entity.country !== undefined ? [entity.country] : [entity.name, ...entity.aliases]) {
    const country = isoCountries().countryOf(written);
    // A code (`UA`) is named as ISO names it.
    if (country) return { country, written: /^[A-Z]{2,3}$/.test(written.trim()) ? country.name : written.trim() };
  }
  return undefined;
}

import { eventLabel } from '../language/symbols';
import type { CountryNames } from '../geo/countries';
import type { Briefing, BriefingEvent, Entity, Relation, Source, TlpLevel } from '../model/types';
import { stixId } from './ids';
import { portionStatement, statementMarking, stricterTlp, TLP_MARKING_IDS, tlpMarking } from './markings';
import { confidenceOfGrade, identityClassOf, regionOf, relationshipTypeOf, REPORT_TYPES, STATE_SECTOR } from './vocabulary';

/** A STIX object as the bundle holds it: plain JSON. */
export type StixObject = { readonly type: string; readonly id: string } & Record<string, unknown>;

export interface StixBundle {
  readonly type: 'bundle';
  readonly id: string;
  readonly objects: readonly StixObject[];
}

/** One briefing to export: its file (as the user names it: it makes the report's id), text and model. */
export interface StixSource {
  readonly file: string;
  readonly text: string;
  readonly briefing: Briefing;
}

export interface StixOptions {
  /** Resolves `country:` values and places named as countries to their ISO codes. */
  readonly countries?: CountryNames;
  /**
   * When the objects were last changed (ISO 8601): their `modified`, for a new export that must
   * supersede an earlier one. Without it, `modified` is `created`: the briefing's date.
   */
  readonly timestamp?: string;
}

/** What marks an object: the strictest TLP of the briefings it comes from, and their statements. */
interface Marks {
  tlp: TlpLevel | undefined;
  readonly statements: Set<string>;
}

/** An object being built, with the marks and times it gathers from each briefing that holds it. */
interface Draft {
  readonly object: Record<string, unknown> & { type: string; id: string };
  readonly marks: Marks;
  created: string;
  modified: string;
}

const EPOCH = '1970-01-01T00:00:00.000Z';

/** A day's first instant as a STIX timestamp. */
const dayTimestamp = (date: string) => `${date}T00:00:00.000Z`;

/**
 * One STIX 2.1 bundle of every briefing given: per briefing a `report`; its actors as
 * `identity`, its places as `location`, its relations as `relationship`, its events and marked
 * portions as `note`s; the TLP and classification of each as marking definitions on every object
 * made from it. An entity named alike in several briefings is one object, carrying the marks of
 * every one of them. Ids and times come from the content, never the clock (docs/stix.md).
 */
export function stixBundle(sources: readonly StixSource[], options: StixOptions = {}): StixBundle {
  const drafts = new Map<string, Draft>();
  const tlps = new Set<TlpLevel>();

  const add = (object: Draft['object'], marks: Marks, created: string, modified: string): Draft => {
    let draft = drafts.get(object.id);
    if (!draft) {
      draft = { object, marks: { tlp: undefined, statements: new Set() }, created, modified };
      drafts.set(object.id, draft);
    } else {
      if (created < draft.created) draft.created = created;
      if (modified > draft.modified) draft.modified = modified;
    }
    draft.marks.tlp = stricterTlp(draft.marks.tlp, marks.tlp);
    for (const statement of marks.statements) draft.marks.statements.add(statement);
    return draft;
  };

  const reportIds: string[] = [];
  for (const source of sources) {
    const { briefing } = source;
    const front = briefing.frontMatter;
    const created = front?.date && /^\d{4}-\d{2}-\d{2}$/.test(front.date) ? dayTimestamp(front.date) : (options.timestamp ?? EPOCH);
    const modified = options.timestamp && options.timestamp > created ? options.timestamp : created;
    const marks = (...more: string[]): Marks => ({
      tlp: front?.tlp,
      statements: new Set([...(front?.classification ? [front.classification] : []), ...more]),
    });
    if (front?.tlp) tlps.add(front.tlp);

    const title = front?.title ?? source.file;
    const reportId = stixId('report', source.file, title);
    reportIds.push(reportId);
    const refs: string[] = [];
    const sourceById = new Map(briefing.sources.map((listed) => [listed.id, listed]));

    const entityIds = new Map<Entity, string>();
    for (const entity of briefing.entities) {
      const object = entity.kind === 'actor' ? identity(entity) : location(entity, options.countries);
      entityIds.set(entity, object.id);
      const draft = add(object, marks(), created, modified);
      mergeAliases(draft.object, entity.aliases);
      refs.push(object.id);
    }
    const idOfName = new Map(briefing.entities.map((entity) => [`${entity.kind}\u0000${entity.name}`, entityIds.get(entity)!]));
    const idOfTarget = (name: string) => idOfName.get(`actor\u0000${name}`) ?? idOfName.get(`place\u0000${name}`);

    for (const entity of briefing.entities) {
      for (const relation of entity.relations) {
        const target = relation.target === undefined ? undefined : idOfTarget(relation.target);
        if (!target) continue; // an unknown `to` is a Warning of the briefing; STIX needs both ends
        const object = relationship(entityIds.get(entity)!, target, relation, sourceById.get(relation.source ?? ''));
        add(object, marks(), created, modified);
        refs.push(object.id);
      }
    }

    const portionMarks = briefing.portions;
    for (const [index, event] of briefing.events.entries()) {
      const inPortion = portionMarks.find((portion) => portion.range.startOffset <= event.range.startOffset && event.range.startOffset < portion.range.endOffset);
      const cited = citedSources(briefing, event.range.startOffset, event.range.endOffset);
      const date = source.text.slice(event.dateRange.startOffset, event.dateRange.endOffset);
      const object = eventNote(reportId, index, event, date, [...event.actors, ...event.places].map(idOfTarget).filter(isDefined), cited);
      add(object, inPortion ? marks(portionStatement(inPortion.mark)) : marks(), created, modified);
      refs.push(object.id);
    }
    for (const portion of portionMarks) {
      const statement = portionStatement(portion.mark);
      const text = source.text.slice(portion.range.startOffset, portion.range.endOffset);
      const object: Draft['object'] = {
        type: 'note',
        id: stixId('note', reportId, 'portion', text),
        abstract: `Portion marked ${portion.mark}`,
        content: text,
        object_refs: [reportId],
      };
      add(object, marks(statement), created, modified);
      refs.push(object.id);
    }
    const report: Draft['object'] = {
      type: 'report',
      id: reportId,
      name: title,
      published: created,
      ...text('description', source.text.slice(briefing.bodyStartOffset).trim()),
      report_types: [...REPORT_TYPES],
      object_refs: [...new Set(refs)],
      ...list('labels', front?.tags ?? []),
      ...list('external_references', briefing.sources.map(externalReference)),
      ...text('x_briefing_author', front?.author),
    };
    const portionsMarked = [...new Set(portionMarks.map((portion) => portionStatement(portion.mark)))];
    if (portionsMarked.length > 0) {
      // The description holds every portion: it carries each portion's mark (DESIGN §2).
      report.granular_markings = portionsMarked.map((statement) => ({ marking_ref: statementMarking(statement).id, selectors: ['description'] }));
    }
    // STIX wants at least one: a briefing with nothing in it refers to itself.
    if ((report.object_refs as string[]).length === 0) report.object_refs = [reportId];
    const reportDraft = add(report, marks(), created, modified);
    // The statements of its granular markings are defined in the bundle too.
    for (const statement of portionsMarked) reportDraft.marks.statements.add(statement);
  }

  const statements = new Set<string>();
  for (const draft of drafts.values()) for (const statement of draft.marks.statements) statements.add(statement);
  const markings: StixObject[] = [
    ...[...tlps].sort().map((level) => tlpMarking(level) as StixObject),
    ...[...statements].sort().map((statement) => statementMarking(statement) as StixObject),
  ];
  const objects: StixObject[] = [...markings];
  for (const draft of drafts.values()) objects.push(finished(draft));
  return { type: 'bundle', id: stixId('bundle', ...reportIds), objects };
}

/** The bundle as a file: JSON, two spaces, a final newline. */
export function stixToJson(bundle: StixBundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

const isDefined = <T>(value: T | undefined): value is T => value !== undefined;

/** `{ key: value }` when the text is there, else nothing: STIX forbids empty strings where it can. */
function text(key: string, value: string | undefined): Record<string, string> {
  return value ? { [key]: value } : {};
}

function list(key: string, values: readonly unknown[]): Record<string, unknown[]> {
  return values.length > 0 ? { [key]: [...values] } : {};
}

/** The common properties first, as the specification lists them, then the object's own; then its marks. */
function finished(draft: Draft): StixObject {
  const { type, id, ...own } = draft.object;
  const statements = [...draft.marks.statements].sort().map((statement) => statementMarking(statement).id as string);
  const ownStatements = statements.filter((marking) => !(own.granular_markings as { marking_ref: string }[] | undefined)?.some((granular) => granular.marking_ref === marking));
  const refs = [...(draft.marks.tlp ? [TLP_MARKING_IDS[draft.marks.tlp]] : []), ...ownStatements];
  return {
    type,
    spec_version: '2.1',
    id,
    created: draft.created,
    modified: draft.modified,
    ...own,
    ...(refs.length > 0 ? { object_marking_refs: refs } : {}),
  };
}

function identity(entity: Entity): Draft['object'] {
  const identityClass = identityClassOf(entity.type);
  return {
    type: 'identity',
    id: stixId('identity', entity.name),
    name: entity.name,
    ...text('description', entity.summary),
    ...list('roles', entity.role ? [entity.role] : []),
    ...(identityClass ? { identity_class: identityClass } : {}),
    ...(entity.type === 'state' ? { sectors: [STATE_SECTOR] } : {}),
    ...list(
      'external_references',
      entity.links.map((url) => ({ source_name: 'link', url })),
    ),
    ...text('x_briefing_affiliation', entity.affiliation),
  };
}

function location(entity: Entity, countries: CountryNames | undefined): Draft['object'] {
  const country = countries && (countries.countryOf(entity.country ?? '') ?? (entity.country ? undefined : countries.countryOf(entity.name)));
  const written = entity.country && !country ? entity.country : undefined;
  const where: Record<string, unknown> = {};
  if (country) where.country = country.alpha2;
  if (entity.coordinates) {
    where.latitude = entity.coordinates[0];
    where.longitude = entity.coordinates[1];
  }
  // STIX needs a region, a country or coordinates: a place with none of them gets its region.
  if (Object.keys(where).length === 0) where.region = regionOf(entity.name);
  return {
    type: 'location',
    id: stixId('location', entity.name),
    name: entity.name,
    ...text('description', entity.summary),
    ...where,
    ...list(
      'external_references',
      entity.links.map((url) => ({ source_name: 'link', url })),
    ),
    // A country STIX cannot code (a misspelling, a former state) is kept as written.
    ...text('x_briefing_country', written),
  };
}

/** Keeps every alias an entity has in any briefing, in the property OpenCTI reads (STIX gives identities and locations none). */
function mergeAliases(object: Record<string, unknown>, aliases: readonly string[]): void {
  if (aliases.length === 0) return;
  const kept = (object.x_opencti_aliases as string[] | undefined) ?? [];
  object.x_opencti_aliases = [...kept, ...aliases.filter((alias) => !kept.includes(alias))];
}

/**
 * A relation's dates as STIX times: `since` is the first instant of its period; `until`, which
 * STIX reads as the last time the relation held, is the first instant after its period (STIX
 * wants `stop_time` after `start_time`, and `until: 2023-11` holds all of November).
 */
function relationTimes(relation: Relation): Record<string, string> {
  const times: Record<string, string> = {};
  if (relation.since?.valid) times.start_time = timestampOfDay(relation.since.year, (relation.since.month ?? 1) - 1, relation.since.day ?? 1);
  const until = relation.until;
  if (until?.valid) {
    const after = until.day !== undefined ? [until.year, until.month! - 1, until.day + 1] : until.month !== undefined ? [until.year, until.month, 1] : [until.year + 1, 0, 1];
    times.stop_time = timestampOfDay(after[0], after[1], after[2]);
  }
  if (times.start_time && times.stop_time && times.stop_time <= times.start_time) delete times.stop_time;
  return times;
}

/** A day's first instant as a STIX timestamp (the month counted from 0; days past its end roll over). */
function timestampOfDay(year: number, month: number, day: number): string {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date.toISOString();
}

function relationship(sourceRef: string, targetRef: string, relation: Relation, source: Source | undefined): Draft['object'] {
  const relationshipType = relationshipTypeOf(relation.type);
  const confidence = confidenceOfGrade(source?.grade);
  return {
    type: 'relationship',
    id: stixId('relationship', sourceRef, relation.type, targetRef),
    relationship_type: relationshipType,
    ...(relation.type === relationshipType ? {} : { description: relation.type }),
    source_ref: sourceRef,
    target_ref: targetRef,
    ...relationTimes(relation),
    ...(confidence === undefined ? {} : { confidence }),
    ...list('external_references', source ? [externalReference(source)] : []),
  };
}

/** The sources cited between two offsets of the body, once each, in the order first cited. */
function citedSources(briefing: Briefing, start: number, end: number): Source[] {
  const cited: Source[] = [];
  for (const citation of briefing.citations) {
    if (citation.range.startOffset < start || citation.range.startOffset >= end || !citation.source) continue;
    if (!cited.includes(citation.source)) cited.push(citation.source);
  }
  return cited;
}

/**
 * An event as a `note` (docs/stix.md says why): its first clause as the abstract, its whole text
 * as the content, referring to the report and to its actors and places; its date as written in
 * `x_briefing_date`, since STIX has no dated event among its core objects. Its confidence is
 * the least of its graded sources'.
 */
function eventNote(reportId: string, index: number, event: BriefingEvent, date: string, entityRefs: readonly string[], cited: readonly Source[]): Draft['object'] {
  const confidences = cited.map((source) => confidenceOfGrade(source.grade)).filter(isDefined);
  return {
    type: 'note',
    id: stixId('note', reportId, 'event', String(index), date, event.text),
    abstract: eventLabel(event, 120),
    content: event.text,
    object_refs: [reportId, ...new Set(entityRefs)],
    ...list('labels', event.tags),
    ...(confidences.length > 0 ? { confidence: Math.min(...confidences) } : {}),
    ...list('external_references', cited.map(externalReference)),
    x_briefing_date: date,
  };
}

/** A listed source as an external reference: its label, and its entry (grade included) as written. */
function externalReference(source: Source): Record<string, string> {
  const url = /https?:\/\/[^\s<>)\]]+/.exec(source.text)?.[0];
  return { source_name: source.id, description: `${source.grade ? `(${source.grade}) ` : ''}${source.text}`, ...(url ? { url } : {}) };
}

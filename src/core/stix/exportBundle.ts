import type { CountryNames } from '../geo/countries';
import type { Briefing, BriefingEvent, Entity, Relation, Source, TlpLevel } from '../model/types';
import { stixId, stixIdWithin } from './ids';
import { portionStatement, statementId, statementMarking, stricterTlp, TLP_MARKING_IDS, tlpMarking } from './markings';
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

/**
 * What marks an object: the strictest TLP of the briefings it comes from, and their statements
 * (sorted). Shared by every object of a briefing that has the same marks, never changed: an
 * object marked by a second briefing gets marks of its own.
 */
interface Marks {
  readonly tlp: TlpLevel | undefined;
  readonly statements: readonly string[];
}

/** An object being built (its final shape, times and marks filled in at the end), with what it gathers from each briefing. */
interface Draft {
  readonly object: Record<string, unknown> & { type: string; id: string };
  marks: Marks;
  created: string;
  modified: string;
}

const EPOCH = '1970-01-01T00:00:00.000Z';

/** A day's first instant as a STIX timestamp. */
const dayTimestamp = (date: string) => `${date}T00:00:00.000Z`;

function mergedMarks(a: Marks, b: Marks): Marks {
  if (a === b) return a;
  const statements = a.statements.every((statement) => b.statements.includes(statement)) ? b.statements : [...new Set([...a.statements, ...b.statements])].sort();
  return { tlp: stricterTlp(a.tlp, b.tlp), statements };
}

/** The start of every object: the common properties, in the specification's order (times filled in at the end). */
const common = (type: string, id: string) => ({ type, spec_version: '2.1', id, created: EPOCH, modified: EPOCH });

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
  const statements = new Set<string>();

  const add = (object: Draft['object'], marks: Marks, created: string, modified: string): Draft => {
    let draft = drafts.get(object.id);
    if (!draft) {
      draft = { object, marks, created, modified };
      drafts.set(object.id, draft);
      return draft;
    }
    if (created < draft.created) draft.created = created;
    if (modified > draft.modified) draft.modified = modified;
    draft.marks = mergedMarks(draft.marks, marks);
    return draft;
  };

  const reportIds: string[] = [];
  for (const source of sources) {
    const { briefing } = source;
    const front = briefing.frontMatter;
    const created = front?.date && /^\d{4}-\d{2}-\d{2}$/.test(front.date) ? dayTimestamp(front.date) : (options.timestamp ?? EPOCH);
    const modified = options.timestamp && options.timestamp > created ? options.timestamp : created;
    const classification = front?.classification ? [front.classification] : [];
    const marks: Marks = { tlp: front?.tlp, statements: classification };
    const portionMarks = new Map<string, Marks>();
    const marksOfPortion = (mark: string): Marks => {
      let found = portionMarks.get(mark);
      if (!found) portionMarks.set(mark, (found = { tlp: front?.tlp, statements: [...classification, portionStatement(mark)].sort() }));
      return found;
    };
    if (front?.tlp) tlps.add(front.tlp);
    for (const statement of classification) statements.add(statement);

    const title = front?.title ?? source.file;
    const reportId = stixId('report', source.file, title);
    reportIds.push(reportId);
    const refs = new Set<string>();
    const sourceById = new Map(briefing.sources.map((listed) => [listed.id, listed]));

    const actorIds = new Map<string, string>();
    const placeIds = new Map<string, string>();
    for (const entity of briefing.entities) {
      const object = entity.kind === 'actor' ? identity(entity) : location(entity, options.countries);
      (entity.kind === 'actor' ? actorIds : placeIds).set(entity.name, object.id);
      const draft = add(object, marks, created, modified);
      mergeAliases(draft.object, entity.aliases);
      refs.add(object.id);
    }
    const idOfTarget = (name: string) => actorIds.get(name) ?? placeIds.get(name);

    for (const entity of briefing.entities) {
      for (const relation of entity.relations) {
        const target = relation.target === undefined ? undefined : idOfTarget(relation.target);
        if (!target) continue; // an unknown `to` is a Warning of the briefing; STIX needs both ends
        const object = relationship((entity.kind === 'actor' ? actorIds : placeIds).get(entity.name)!, target, relation, sourceById.get(relation.source ?? ''));
        add(object, marks, created, modified);
        refs.add(object.id);
      }
    }

    const { portions, citations } = briefing;
    // Events, portions and citations are each in document order: one walk over the three.
    let portionAt = 0;
    let citationAt = 0;
    briefing.events.forEach((event, index) => {
      const { startOffset, endOffset } = event.range;
      while (portionAt < portions.length && portions[portionAt].range.endOffset <= startOffset) portionAt++;
      const inPortion = portions[portionAt]?.range.startOffset <= startOffset ? portions[portionAt] : undefined;
      while (citationAt < citations.length && citations[citationAt].range.startOffset < startOffset) citationAt++;
      const cited = citedSources(briefing, citationAt, endOffset);
      const date = source.text.slice(event.dateRange.startOffset, event.dateRange.endOffset);
      const entityRefs: string[] = [];
      for (const name of [...event.actors, ...event.places]) {
        const id = idOfTarget(name);
        if (id !== undefined && !entityRefs.includes(id)) entityRefs.push(id);
      }
      const object = eventNote(reportId, index, event, date, entityRefs, cited);
      add(object, inPortion ? marksOfPortion(inPortion.mark) : marks, created, modified);
      refs.add(object.id);
    });
    for (const portion of portions) {
      const text = source.text.slice(portion.range.startOffset, portion.range.endOffset);
      const object: Draft['object'] = {
        ...common('note', stixId('note', reportId, 'portion', text)),
        abstract: `Portion marked ${portion.mark}`,
        content: text,
        object_refs: [reportId],
      };
      add(object, marksOfPortion(portion.mark), created, modified);
      refs.add(object.id);
    }
    for (const portionMarked of portionMarks.values()) for (const statement of portionMarked.statements) statements.add(statement);
    const report: Draft['object'] = {
      ...common('report', reportId),
      name: title,
      published: created,
      ...text('description', source.text.slice(briefing.bodyStartOffset).trim()),
      report_types: [...REPORT_TYPES],
      // STIX wants at least one: a briefing with nothing in it refers to itself.
      object_refs: refs.size > 0 ? [...refs] : [reportId],
      ...list('labels', front?.tags ?? []),
      ...list('external_references', briefing.sources.map(externalReference)),
      ...text('x_briefing_author', front?.author),
    };
    if (portionMarks.size > 0) {
      // The description holds every portion: it carries each portion's mark (DESIGN §2).
      report.granular_markings = [...portionMarks.keys()].map((mark) => ({ marking_ref: statementId(portionStatement(mark)), selectors: ['description'] }));
    }
    add(report, marks, created, modified);
  }

  const objects: StixObject[] = [
    ...[...tlps].sort().map((level) => tlpMarking(level) as StixObject),
    ...[...statements].sort().map((statement) => statementMarking(statement) as StixObject),
  ];
  const refsOfMarks = new Map<Marks, string[]>();
  for (const draft of drafts.values()) {
    const { object, marks } = draft;
    object.created = draft.created;
    object.modified = draft.modified;
    let markingRefs = refsOfMarks.get(marks);
    if (!markingRefs) {
      markingRefs = [...(marks.tlp ? [TLP_MARKING_IDS[marks.tlp]] : []), ...marks.statements.map(statementId)];
      refsOfMarks.set(marks, markingRefs);
    }
    if (markingRefs.length > 0) object.object_marking_refs = markingRefs;
    objects.push(object);
  }
  return { type: 'bundle', id: stixId('bundle', ...reportIds), objects };
}

/** The bundle as a file: JSON, two spaces, a final newline. */
export function stixToJson(bundle: StixBundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

/** `{ key: value }` when the text is there, else nothing: STIX forbids empty strings where it can. */
function text(key: string, value: string | undefined): Record<string, string> {
  return value ? { [key]: value } : {};
}

function list(key: string, values: readonly unknown[]): Record<string, unknown[]> {
  return values.length > 0 ? { [key]: [...values] } : {};
}

function identity(entity: Entity): Draft['object'] {
  const identityClass = identityClassOf(entity.type);
  return {
    ...common('identity', stixId('identity', entity.name)),
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
    ...common('location', stixId('location', entity.name)),
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
    ...common('relationship', stixId('relationship', sourceRef, relation.type, targetRef)),
    relationship_type: relationshipType,
    ...(relation.type === relationshipType ? {} : { description: relation.type }),
    source_ref: sourceRef,
    target_ref: targetRef,
    ...relationTimes(relation),
    ...(confidence === undefined ? {} : { confidence }),
    ...list('external_references', source ? [externalReference(source)] : []),
  };
}

/** The sources cited from the `first` citation to an offset of the body, once each, in the order first cited. */
function citedSources(briefing: Briefing, first: number, end: number): Source[] {
  const cited: Source[] = [];
  for (let at = first; at < briefing.citations.length && briefing.citations[at].range.startOffset < end; at++) {
    const { source } = briefing.citations[at];
    if (source && !cited.includes(source)) cited.push(source);
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
  // Written property by property: thousands are made, and spreads of optional parts cost more than the rest.
  const note: Draft['object'] = {
    type: 'note',
    spec_version: '2.1',
    // In its report's namespace: its place, date and first words tell it apart, and hashing all of its text would cost more than the rest of the note.
    id: stixIdWithin(reportId, 'note', `${index}\u0000${date}\u0000${event.text.slice(0, 40)}`),
    created: EPOCH,
    modified: EPOCH,
    // An event's text is on one line already: its start is all an abstract shows.
    abstract: `${date} ${event.text.length > 120 ? `${event.text.slice(0, 119).trimEnd()}…` : event.text}`,
    content: event.text,
    object_refs: [reportId, ...entityRefs],
  };
  if (event.tags.length > 0) note.labels = [...event.tags];
  let confidence: number | undefined;
  for (const source of cited) {
    const graded = confidenceOfGrade(source.grade);
    if (graded !== undefined && (confidence === undefined || graded < confidence)) confidence = graded;
  }
  if (confidence !== undefined) note.confidence = confidence;
  if (cited.length > 0) note.external_references = cited.map(externalReference);
  note.x_briefing_date = date;
  return note;
}

/** A listed source as an external reference: its label, and its entry (grade included) as written. */
function externalReference(source: Source): Record<string, string> {
  const url = /https?:\/\/[^\s<>)\]]+/.exec(source.text)?.[0];
  return { source_name: source.id, description: `${source.grade ? `(${source.grade}) ` : ''}${source.text}`, ...(url ? { url } : {}) };
}

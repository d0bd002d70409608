import { errorMessage } from '../text/errorMessage';
import type { CountryNames } from '../geo/countries';
import type { TlpLevel } from '../model/types';
import { TLP_LEVELS } from '../model/types';
import { stricterTlp, tlpOfMarking } from './markings';
import { yamlBlockScalar, yamlScalar } from '../yaml/yamlSource';
import { entityTypeOf, regionOf, vocabularyForm } from './vocabulary';

/** A briefing made from a bundle: a file name to suggest, and its text. */
export interface ImportedBriefing {
  readonly fileName: string;
  readonly text: string;
}

export type StixImport = { readonly ok: true; readonly briefings: readonly ImportedBriefing[] } | { readonly ok: false; readonly message: string };

/** The most objects a bundle may hold: more would make one briefing no editor could hold open. */
export const IMPORT_MAX_OBJECTS = 50_000;

type Json = Record<string, unknown>;

const ACTOR_TYPES = new Set(['identity', 'threat-actor', 'intrusion-set', 'campaign']);
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const stringOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const stringsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : []);

/**
 * Briefings from a STIX 2.1 bundle (docs/stix.md): each `report` becomes one, with the actors,
 * places and relations it refers to; a bundle with no report becomes one briefing of everything.
 * What has no place in a briefing is listed in a comment at its end. Never throws: a text that
 * is not a bundle gets a message saying what it is.
 */
export function importStix(jsonText: string, countries?: CountryNames): StixImport {
  let bundle: unknown;
  try {
    bundle = JSON.parse(jsonText);
  } catch (error) {
    return { ok: false, message: `This file is not JSON (${errorMessage(error)}), so not a STIX bundle` };
  }
  if (!isRecord(bundle) || bundle.type !== 'bundle' || !Array.isArray(bundle.objects)) {
    const what =
      isRecord(bundle) && typeof bundle.type === 'string'
        ? `a single '${bundle.type}' object`
        : Array.isArray(bundle)
          ? 'a JSON array'
          : `JSON ${bundle === null ? 'null' : typeof bundle}`;
    return { ok: false, message: `This file is ${what}, not a STIX bundle (an object with "type": "bundle" and its "objects")` };
  }
  if (bundle.objects.length > IMPORT_MAX_OBJECTS) {
    return {
      ok: false,
      message: `This bundle holds ${bundle.objects.length.toLocaleString('en')} objects; an import takes at most ${IMPORT_MAX_OBJECTS.toLocaleString('en')}, since one briefing of them all would be too large to edit: split it by report`,
    };
  }
  try {
    return { ok: true, briefings: new BundleReader(bundle.objects, countries).briefings() };
  } catch (error) {
    // A reader error is ours, not the file's: say so rather than fail silently.
    return { ok: false, message: `This bundle could not be imported (${errorMessage(error)})` };
  }
}

interface FrontMatterData {
  title?: string;
  date?: string;
  classification?: string;
  tlp?: string;
  author?: string;
  tags?: string[];
  actors?: EntityEntry[];
  places?: EntityEntry[];
}

interface RelationEntry {
  to: string;
  type: string;
  since?: string;
  until?: string;
  source?: string;
}

interface EntityEntry {
  name: string;
  aliases?: string[];
  type?: string;
  role?: string;
  affiliation?: string;
  country?: string;
  coordinates?: number[];
  summary?: string;
  links?: string[];
  relations?: RelationEntry[];
}

class BundleReader {
  readonly #byId = new Map<string, Json>();
  /** The objects of the bundle that are not objects with a type and an id: listed, never dropped. */
  readonly #unreadable: string[] = [];
  readonly #objects: Json[] = [];
  readonly #relationships: Json[] = [];

  constructor(
    objects: readonly unknown[],
    private readonly countries: CountryNames | undefined,
  ) {
    objects.forEach((object, index) => {
      if (isRecord(object) && typeof object.type === 'string' && typeof object.id === 'string') {
        if (!this.#byId.has(object.id)) this.#byId.set(object.id, object);
        this.#objects.push(object);
        if (object.type === 'relationship') this.#relationships.push(object);
      } else this.#unreadable.push(`object ${index + 1}: not a STIX object (no type or id)`);
    });
  }

  briefings(): ImportedBriefing[] {
    const reports = this.#objects.filter((object) => object.type === 'report');
    const names = new Set<string>();
    const fileName = (title: string) => {
      const base = vocabularyForm(title).slice(0, 60) || 'imported';
      let name = `${base}.briefing`;
      for (let n = 2; names.has(name); n++) name = `${base}-${n}.briefing`;
      names.add(name);
      return name;
    };
    if (reports.length === 0) {
      const text = this.#briefing(undefined, this.#objects);
      return [{ fileName: fileName('imported'), text }];
    }
    return reports.map((report) => {
      const refs = stringsOf(report.object_refs);
      const held = refs.map((ref) => this.#byId.get(ref)).filter((object): object is Json => object !== undefined);
      const dangling = refs.filter((ref) => !this.#byId.has(ref)).map((ref) => `${ref}: referred to by the report, not in the bundle`);
      return { fileName: fileName(stringOf(report.name) ?? 'imported'), text: this.#briefing(report, held, dangling) };
    });
  }

  #briefing(report: Json | undefined, held: readonly Json[], dangling: readonly string[] = []): string {
    const notes: string[] = [...dangling, ...(report === undefined ? this.#unreadable : [])];
    const description = stringOf(report?.description) ?? '';
    const actors = new Map<string, EntityEntry>();
    const places = new Map<string, EntityEntry>();
    const entityOfId = new Map<string, EntityEntry>();
    const markingIds = new Set<string>(stringsOf(report?.object_marking_refs));

    for (const object of held) {
      for (const ref of stringsOf(object.object_marking_refs)) markingIds.add(ref);
      if (ACTOR_TYPES.has(object.type as string) || object.type === 'location') {
        const entry = this.#entity(object, notes);
        if (!entry) continue;
        const list = object.type === 'location' ? places : actors;
        const same = list.get(entry.name);
        if (same) {
          notes.push(`${object.id}: a second ${object.type} named "${entry.name}", kept as the first`);
          entityOfId.set(object.id as string, same);
          continue;
        }
        list.set(entry.name, entry);
        entityOfId.set(object.id as string, entry);
      }
    }
    // A report's relations are the bundle's relationships between its actors and places, whether it names them or not.
    const relationships = this.#relationships;
    const reportRefs = new Set(stringsOf(report?.object_refs));
    for (const relationship of relationships) {
      const from = entityOfId.get(relationship.source_ref as string);
      const to = entityOfId.get(relationship.target_ref as string);
      if (!from || !to) {
        // Relationships of other reports are theirs; one this report names but cannot draw is listed.
        if (report === undefined || reportRefs.has(relationship.id as string)) {
          const missing = !from ? relationship.source_ref : relationship.target_ref;
          notes.push(`${relationship.id}: '${String(relationship.relationship_type)}' to or from ${String(missing)}, which is not an actor or place of this briefing`);
        }
        continue;
      }
      (from.relations ??= []).push(this.#relation(relationship, to.name));
    }
    for (const object of held) {
      if (ACTOR_TYPES.has(object.type as string) || object.type === 'location' || object.type === 'relationship' || object.type === 'marking-definition') continue;
      // The notes the export writes of a report's events and portions hold text of its body: not lost.
      if (report !== undefined && object.type === 'note' && isBodyNote(object, report.id as string)) continue;
      notes.push(`${object.id}: ${String(object.type)}${stringOf(object.name) ? ` "${String(object.name)}"` : ''}${stringOf(object.content) ? `: ${String(object.content)}` : ''}`);
    }

    const front: FrontMatterData = {};
    const title = stringOf(report?.name);
    if (title) front.title = title;
    const published = stringOf(report?.published);
    if (published && /^\d{4}-\d{2}-\d{2}/.test(published)) front.date = published.slice(0, 10);
    const { tlp, statements } = this.#markings(markingIds, notes);
    if (statements.length > 0) front.classification = statements[0];
    for (const statement of statements.slice(1)) notes.push(`a further statement marking: ${statement}`);
    if (tlp) front.tlp = tlp;
    const author = stringOf(report?.x_briefing_author);
    if (author) front.author = author;
    const labels = stringsOf(report?.labels);
    if (labels.length > 0) front.tags = labels;
    if (actors.size > 0) front.actors = [...actors.values()];
    if (places.size > 0) front.places = [...places.values()];

    const body = [description.trim()];
    const sources = this.#sources(report, description);
    if (sources.length > 0) body.push(`${/^#{1,6}\s+sources\s*$/im.test(description) ? '' : '## Sources\n\n'}${sources.join('\n')}`);
    if (notes.length > 0) body.push(`<!-- Not imported from the STIX bundle (no place in a briefing):\n${notes.map((note) => `- ${commentSafe(note)}`).join('\n')}\n-->`);
    return `---\n${frontMatterYaml(front)}---\n\n${body.filter((part) => part !== '').join('\n\n')}\n`;
  }

  #entity(object: Json, notes: string[]): EntityEntry | undefined {
    const isPlace = object.type === 'location';
    const country = stringOf(object.country) ?? stringOf(object.x_briefing_country);
    const latitude = object.latitude;
    const longitude = object.longitude;
    const hasCoordinates = typeof latitude === 'number' && typeof longitude === 'number';
    const name = stringOf(object.name)?.trim() ?? (isPlace ? ((country && this.countries?.countryOf(country)?.name) ?? country ?? stringOf(object.region)) : undefined);
    if (!name) {
      notes.push(`${String(object.id)}: a ${String(object.type)} with no name`);
      return undefined;
    }
    const entry: EntityEntry = { name };
    const aliases = [...new Set([...stringsOf(object.aliases), ...stringsOf(object.x_opencti_aliases)])].filter((alias) => alias !== name);
    if (aliases.length > 0) entry.aliases = aliases;
    if (!isPlace) {
      const type = object.type === 'identity' ? entityTypeOf(object.identity_class, object.sectors) : object.type === 'campaign' ? 'other' : 'group';
      if (type) entry.type = type;
      const [role, ...otherRoles] = stringsOf(object.roles);
      if (role) entry.role = role;
      if (otherRoles.length > 0) notes.push(`${String(object.id)}: "${name}" has further roles: ${otherRoles.join(', ')}`);
      const affiliation = stringOf(object.x_briefing_affiliation);
      if (affiliation) entry.affiliation = affiliation;
    } else {
      // A country by its name, which reads better than its code and exports as the same code.
      if (country) entry.country = this.countries?.countryOf(country)?.name ?? country;
      if (hasCoordinates) entry.coordinates = [latitude, longitude];
      const region = stringOf(object.region);
      // The export writes the region of a place with no country nor coordinates: that one is its name again.
      if (region && region !== regionOf(name)) notes.push(`${String(object.id)}: "${name}" is in the region ${region}`);
    }
    const summary = stringOf(object.description);
    if (summary) entry.summary = summary;
    const links = (Array.isArray(object.external_references) ? object.external_references : [])
      .filter(isRecord)
      .map((reference) => stringOf(reference.url))
      .filter((url): url is string => url !== undefined);
    if (links.length > 0) entry.links = links;
    return entry;
  }

  /** A relationship as a relation: its dates back as the days the export made of them. */
  #relation(relationship: Json, to: string): RelationEntry {
    const relation: RelationEntry = { to, type: stringOf(relationship.description) ?? String(relationship.relationship_type ?? 'related to').replace(/-/g, ' ') };
    const start = stringOf(relationship.start_time);
    if (start && /^\d{4}-\d{2}-\d{2}/.test(start)) relation.since = start.slice(0, 10);
    const stop = stringOf(relationship.stop_time);
    if (stop && /^\d{4}-\d{2}-\d{2}/.test(stop)) {
      // The export's stop_time is the first instant after the period: at midnight, the day before.
      const time = Date.parse(stop);
      if (!Number.isNaN(time)) relation.until = new Date(stop.slice(10).startsWith('T00:00:00') ? time - 86_400_000 : time).toISOString().slice(0, 10);
    }
    const label = (Array.isArray(relationship.external_references) ? relationship.external_references : [])
      .filter(isRecord)
      .map((reference) => stringOf(reference.source_name))
      .find((name) => name && /^S\d{1,6}$/.test(name));
    if (label) relation.source = label;
    return relation;
  }

  /** The report's TLP and statements, from its marking references (TLP 2.0 or 1.0 ids, or definitions of them in the bundle). */
  #markings(ids: ReadonlySet<string>, notes: string[]): { tlp: TlpLevel | undefined; statements: string[] } {
    let tlp: TlpLevel | undefined;
    const statements: string[] = [];
    for (const id of ids) {
      const definition = this.#byId.get(id);
      const level = tlpOfMarking(id) ?? tlpOfDefinition(definition);
      if (level) {
        tlp = stricterTlp(tlp, level);
        continue;
      }
      const statement = isRecord(definition?.definition) ? stringOf(definition.definition.statement) : undefined;
      if (definition?.definition_type === 'statement' && statement) {
        // Portion marks stay on their portions, in the body.
        if (!statement.startsWith('Portion marked (') && !statements.includes(statement)) statements.push(statement);
      } else notes.push(`the marking ${id}${definition ? '' : ', not defined in the bundle'}`);
    }
    return { tlp, statements };
  }

  /** The report's external references as the list of sources, each one the body does not already list. */
  #sources(report: Json | undefined, description: string): string[] {
    const references = (Array.isArray(report?.external_references) ? report.external_references : []).filter(isRecord);
    const lines: string[] = [];
    let next = 1;
    const taken = (label: string) => new RegExp(String.raw`^\s*(?:[-*+]\s+)?\[${label}\]`, 'm').test(description);
    for (const reference of references) {
      const name = stringOf(reference.source_name) ?? 'source';
      if (/^S\d{1,6}$/.test(name) && taken(name)) continue;
      let label = /^S\d{1,6}$/.test(name) ? name : '';
      while (label === '' || taken(label) || lines.some((line) => line.startsWith(`- [${label}]`))) label = `S${next++}`;
      const said = [name === label ? undefined : name, stringOf(reference.description), stringOf(reference.url), stringOf(reference.external_id)].filter(Boolean).join(', ');
      lines.push(`- [${label}] ${said.replace(/\s+/g, ' ')}`);
    }
    return lines;
  }
}

/** A note the export made of an event (dated) or a marked portion of this report's body. */
function isBodyNote(note: Json, reportId: string): boolean {
  const refs = stringsOf(note.object_refs);
  if (refs[0] !== reportId) return false;
  return typeof note.x_briefing_date === 'string' || (refs.length === 1 && /^Portion marked \(/.test(stringOf(note.abstract) ?? ''));
}

function tlpOfDefinition(definition: Json | undefined): TlpLevel | undefined {
  if (!definition || definition.type !== 'marking-definition') return undefined;
  const named = /^TLP:(CLEAR|WHITE|GREEN|AMBER\+STRICT|AMBER|RED)$/i.exec(stringOf(definition.name) ?? '');
  const tlp1 = definition.definition_type === 'tlp' && isRecord(definition.definition) ? stringOf(definition.definition.tlp) : undefined;
  const written = (named?.[1] ?? tlp1)?.toUpperCase();
  if (written === undefined) return undefined;
  return written === 'WHITE' ? 'CLEAR' : (TLP_LEVELS as readonly string[]).includes(written) ? (written as TlpLevel) : undefined;
}

/** A line of the closing comment: it must not end the comment early. */
const commentSafe = (text: string) => text.replace(/\s+/g, ' ').replace(/-->/g, '- ->');

/** The front matter as YAML, each value quoted as YAML needs (`yamlScalar`, the writer of the editor's fixes). */
function frontMatterYaml(front: FrontMatterData): string {
  const lines: string[] = [];
  for (const key of ['title', 'date', 'classification', 'tlp', 'author'] as const) {
    const value = front[key];
    if (value !== undefined) lines.push(`${key}: ${yamlBlockScalar(value)}`);
  }
  if (front.tags) lines.push(`tags: ${flowList(front.tags)}`);
  for (const key of ['actors', 'places'] as const) {
    const entries = front[key];
    if (!entries) continue;
    lines.push(`${key}:`);
    for (const entry of entries) lines.push(...entryYaml(entry));
  }
  return lines.map((line) => `${line}\n`).join('');
}

const flowList = (values: readonly string[]) => `[${values.map(yamlScalar).join(', ')}]`;

function entryYaml(entry: EntityEntry): string[] {
  const lines = [`  - name: ${yamlBlockScalar(entry.name)}`];
  const field = (key: string, value: string | undefined) => value !== undefined && lines.push(`    ${key}: ${value}`);
  field('aliases', entry.aliases && flowList(entry.aliases));
  field('type', entry.type);
  field('role', entry.role && yamlBlockScalar(entry.role));
  field('affiliation', entry.affiliation && yamlBlockScalar(entry.affiliation));
  field('country', entry.country && yamlBlockScalar(entry.country));
  field('coordinates', entry.coordinates && `[${entry.coordinates[0]}, ${entry.coordinates[1]}]`);
  field('summary', entry.summary && yamlBlockScalar(entry.summary));
  field('links', entry.links && flowList(entry.links));
  if (entry.relations) {
    lines.push('    relations:');
    for (const relation of entry.relations) {
      const pairs = (['to', 'type', 'since', 'until', 'source'] as const).filter((key) => relation[key] !== undefined).map((key) => `${key}: ${yamlScalar(relation[key]!)}`);
      lines.push(`      - { ${pairs.join(', ')} }`);
    }
  }
  return lines;
}

import type { LineIndex } from '../text/lineIndex';
import type { TextRange } from '../text/positions';

export type { Position, TextRange } from '../text/positions';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Diagnostic {
  readonly range: TextRange;
  readonly severity: Severity;
  readonly message: string;
  /** A stable identifier of the rule, for quick fixes and filtering. */
  readonly code: DiagnosticCode;
  /** The fix, when it is certain (a key's case, a duplicate alias). */
  readonly fix?: DiagnosticFix;
}

export interface DiagnosticFix {
  readonly title: string;
  readonly edits: readonly { readonly range: TextRange; readonly newText: string }[];
}

export type DiagnosticCode =
  | 'front-matter-unclosed'
  | 'front-matter-not-mapping'
  | 'yaml-error'
  | 'yaml-warning'
  | 'yaml-indentation'
  | 'yaml-tab'
  | 'yaml-missing-space'
  | 'yaml-colon-in-value'
  | 'yaml-comment-in-value'
  | 'yaml-unclosed-quote'
  | 'yaml-unclosed-bracket'
  | 'yaml-duplicate-key'
  | 'invalid-field'
  | 'invalid-list'
  | 'missing-name'
  | 'unknown-key'
  | 'unknown-type'
  | 'invalid-alias'
  | 'aliases-in-one-text'
  | 'duplicate-alias'
  | 'duplicate-entity'
  | 'invalid-link'
  | 'invalid-coordinates'
  | 'unknown-country'
  | 'invalid-relation'
  | 'unknown-relation-target'
  | 'relation-to-itself'
  | 'invalid-date'
  | 'reversed-range'
  | 'unread-date'
  | 'split-range'
  | 'portion-above-classification'
  | 'portion-noforn'
  | 'classification-missing'
  | 'invalid-tlp'
  | 'invalid-grade'
  | 'unknown-source'
  | 'duplicate-source'
  | 'confidence-with-likelihood'
  | 'binary-content'
  | 'registry-unreadable'
  | 'unmentioned-entity'
  | 'uncited-source'
  | 'internal-error';

/** The Traffic Light Protocol's levels, version 2.0 (FIRST, 2022), from the least restricted. */
export const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];

export type EntityKind = 'actor' | 'place';
export const ENTITY_TYPES = ['person', 'state', 'organization', 'group', 'other'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Where an entity is defined: in the briefing itself (`source` undefined) or in a workspace registry. */
export interface EntityDefinition {
  /** The registry's URI or path; undefined when the entity is defined in the briefing. */
  readonly source: string | undefined;
  /** The `name:` value's range, in the defining document. */
  readonly nameRange: TextRange;
  /** The whole entry's range, in the defining document. */
  readonly entryRange: TextRange;
}

/** What an actor's or place's entry says: every entity has these, wherever it is read. */
export interface EntityFields {
  /** Stable within a model: kind and canonical name. */
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly type: EntityType | undefined;
  readonly aliases: readonly string[];
  readonly role: string | undefined;
  readonly affiliation: string | undefined;
  readonly country: string | undefined;
  readonly summary: string | undefined;
  /** Format v1.1: `[latitude, longitude]` in decimal degrees, when the entry gives them well. */
  readonly coordinates: Coordinates | undefined;
  readonly links: readonly string[];
  /** Its typed relations to other entities (format v1.1), in the order written. */
  readonly relations: readonly Relation[];
  readonly definition: EntityDefinition;
}

/** A point on the Earth: latitude (−90..90) and longitude (−180..180), in decimal degrees. */
export type Coordinates = readonly [latitude: number, longitude: number];

/** A typed, directed relation written in an entry's `relations:` list. */
export interface Relation {
  /** The entity named by `to:`, as written (a name or an alias). */
  readonly to: string;
  /**
   * The canonical name of the entity `to` names, when the briefing or a registry has it
   * (resolved by each parse; then that entity is one of the model's).
   */
  readonly target: string | undefined;
  readonly type: string;
  readonly since: DatePoint | undefined;
  readonly until: DatePoint | undefined;
  /** A source label (`S1`). */
  readonly source: string | undefined;
  /** The `to:` value, in the defining document. */
  readonly toRange: TextRange;
  /** The `source:` value, in the defining document. */
  readonly sourceRange: TextRange | undefined;
  /** The relation's whole entry, in the defining document. */
  readonly range: TextRange;
}

export interface Entity extends EntityFields {
  /** This entity's mentions in the briefing's body, in document order. */
  readonly mentions: readonly Mention[];
}

/** An entry as read from the front matter or a registry, before any body is matched. */
export interface EntityDraft extends EntityFields {
  /** Document offsets of each alias, parallel to `aliases`. */
  readonly aliasSpans: readonly (readonly [number, number])[];
  readonly nameSpan: readonly [number, number];
  /** Document offsets of the `country:` value, when one is written. */
  readonly countrySpan?: readonly [number, number];
}

export interface Mention {
  readonly entity: Entity;
  /** The exact text written in the document (may differ from the term in its spaces). */
  readonly text: string;
  readonly range: TextRange;
}

export type DatePrecision = 'year' | 'month' | 'day';

export interface DatePoint {
  /** As written, without the leading `~`. */
  readonly text: string;
  readonly year: number;
  readonly month: number | undefined;
  readonly day: number | undefined;
  readonly precision: DatePrecision;
  readonly approximate: boolean;
  /** False for an impossible date such as 2023-02-30. */
  readonly valid: boolean;
}

export interface BriefingEvent {
  readonly start: DatePoint;
  readonly end: DatePoint | undefined;
  readonly approximate: boolean;
  /** False when a date is impossible or the range is reversed. */
  readonly valid: boolean;
  /** The text after the separator, continuation lines joined by single spaces. */
  readonly text: string;
  /** The whole list item, marker to the end of its last continuation line. */
  readonly range: TextRange;
  /** The date expression, `~` and range included. */
  readonly dateRange: TextRange;
  /** From the first character of the text to the end of the item. */
  readonly textRange: TextRange;
  readonly actors: readonly string[];
  readonly places: readonly string[];
  readonly tags: readonly string[];
  /** Index into `Briefing.sections` of the innermost section holding the event. */
  readonly sectionIndex: number | undefined;
}

/** An event without the ranges of its date and its text: what a chronology of many files reads (a file's summary keeps no more). */
export type EventFacts = Omit<BriefingEvent, 'dateRange' | 'textRange'>;

export interface Section {
  readonly level: number;
  readonly title: string;
  /** The heading line. */
  readonly headingRange: TextRange;
  /** From the heading to the end of its last line before the next heading of the same or a higher level. */
  readonly range: TextRange;
  /** Index of the enclosing section, if any. */
  readonly parentIndex: number | undefined;
}

export interface FrontMatter {
  /** From the opening `---` to the end of the closing delimiter line. */
  readonly range: TextRange;
  /** The YAML text between the delimiters. */
  readonly contentRange: TextRange;
  readonly title: string | undefined;
  readonly date: string | undefined;
  readonly classification: string | undefined;
  /** The TLP 2.0 level (`tlp:`), when it names one. */
  readonly tlp: TlpLevel | undefined;
  readonly author: string | undefined;
  /** Where the `actors:` and `places:` lists are, for edits that add entries. */
  readonly lists: { readonly actors?: ListLocation; readonly places?: ListLocation };
  readonly tags: readonly string[];
  /** Top-level keys the format does not define, kept as plain data. */
  readonly extra: Readonly<Record<string, unknown>>;
}

/** Where a front-matter list is and how a new entry is written into it. */
export interface ListLocation {
  /** The `actors:` or `places:` key. */
  readonly keyStart: number;
  readonly keyEnd: number;
  /** A flow list (`[A, B]`): entries go before `flowEnd`, the offset of its `]`. */
  readonly flowEnd: number | undefined;
  /** A block list: a new entry line goes at this offset (the start of a line). */
  readonly insertOffset: number;
  /** The indentation of the list's items (before `- `). */
  readonly itemIndent: string;
}

/** A source the briefing lists: `- [S1] Reuters, 2023-11-13` (or `[S1]: …` on a line of its own). */
export interface Source {
  /** `S1`. */
  readonly id: string;
  /** The `[S1]` that lists it. */
  readonly labelRange: TextRange;
  /** The entry's text after the label (and its grade), continuation lines joined by single spaces. */
  readonly text: string;
  /** Its Admiralty (NATO) grade, `B2`, when the entry starts with one: `- [S1] (B2) Reuters`. */
  readonly grade?: string;
  /** The whole entry, label to the end of its last line. */
  readonly range: TextRange;
}

/** A portion (a paragraph, a list item's, a heading) marked with its classification: `(S//NF) …`. */
export interface PortionMarking {
  /** The mark as written, brackets included: `(S//NF)`. */
  readonly mark: string;
  /** The portion, from its mark to the end of its text. */
  readonly range: TextRange;
}

/** One source cited in the text: each of `[S1, S2]` is a citation of its own. */
export interface Citation {
  readonly id: string;
  /** The `S1` inside the brackets. */
  readonly range: TextRange;
  /** Undefined when no source of that label is listed. */
  readonly source: Source | undefined;
}

export interface Briefing {
  readonly frontMatter: FrontMatter | undefined;
  /**
   * The briefing's own entities, then the workspace registries' entities that it mentions (and
   * does not override): actors first, then places.
   */
  readonly entities: readonly Entity[];
  /** All mentions in document order, never overlapping. */
  readonly mentions: readonly Mention[];
  readonly events: readonly BriefingEvent[];
  readonly sections: readonly Section[];
  /** The sources it lists, in document order (a label listed twice: its first entry). */
  readonly sources: readonly Source[];
  /** The citations of sources in its text, in document order. */
  readonly citations: readonly Citation[];
  /** Its portion-marked portions, in document order. */
  readonly portions: readonly PortionMarking[];
  /** Sorted by position. */
  readonly diagnostics: readonly Diagnostic[];
  /** Offset where the body (the text after the front matter) starts. */
  readonly bodyStartOffset: number;
  readonly lines: LineIndex;
}

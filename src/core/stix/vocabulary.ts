import type { EntityType } from '../model/types';

/**
 * STIX 2.1's `identity_class` (identity-class-ov) for an actor's `type`. A state is an
 * organization of the national-government sector; an actor of no type has no class, and one of
 * type `other` is `unknown`, so that an import reads back the type that was written.
 */
export function identityClassOf(type: EntityType | undefined): string | undefined {
  switch (type) {
    case 'person':
      return 'individual';
    case 'state':
    case 'organization':
      return 'organization';
    case 'group':
      return 'group';
    case 'other':
      return 'unknown';
    default:
      return undefined;
  }
}

/** The sector (industry-sector-ov) that marks a state among organizations. */
export const STATE_SECTOR = 'government-national';

/** An actor's `type` from an identity's class and sectors: what `identityClassOf` wrote, read back. */
export function entityTypeOf(identityClass: unknown, sectors: unknown): EntityType | undefined {
  switch (identityClass) {
    case 'individual':
      return 'person';
    case 'organization':
      return Array.isArray(sectors) && sectors.includes(STATE_SECTOR) ? 'state' : 'organization';
    case 'group':
      return 'group';
    case undefined:
      return undefined;
    default:
      return 'other';
  }
}

/** Text in the form of STIX's vocabularies: lower case ASCII letters, digits and hyphens (`ally of` → `ally-of`). */
export function vocabularyForm(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A relation's `type` as a `relationship_type`. The type as written goes in the relationship's
 * `description`, which an import reads back.
 */
export function relationshipTypeOf(type: string): string {
  return vocabularyForm(type) || 'related-to';
}

/**
 * The STIX confidence of a source's Admiralty grade: its credibility on STIX 2.1's Admiralty
 * Credibility scale (its appendix of confidence scales). Credibility 6, "truth cannot be
 * judged", has no value on that scale: no confidence is stated.
 */
const CONFIDENCE_OF_CREDIBILITY: Readonly<Record<string, number>> = { '1': 90, '2': 70, '3': 50, '4': 30, '5': 10 };

export function confidenceOfGrade(grade: string | undefined): number | undefined {
  return grade === undefined ? undefined : CONFIDENCE_OF_CREDIBILITY[grade[1]];
}

/**
 * STIX 2.1's regions (region-ov) by the names a briefing gives them. A place that names no
 * country and has no coordinates must still say where it is (a `location` needs one of them):
 * a region of this list, else its name in STIX's form (the vocabulary is open).
 */
const REGIONS: Readonly<Record<string, string>> = {
  africa: 'africa',
  'eastern africa': 'eastern-africa',
  'east africa': 'eastern-africa',
  'middle africa': 'middle-africa',
  'central africa': 'middle-africa',
  'northern africa': 'northern-africa',
  'north africa': 'northern-africa',
  'southern africa': 'southern-africa',
  'western africa': 'western-africa',
  'west africa': 'western-africa',
  americas: 'americas',
  'the americas': 'americas',
  'latin america': 'latin-america-caribbean',
  caribbean: 'caribbean',
  'south america': 'south-america',
  'central america': 'central-america',
  'northern america': 'northern-america',
  'north america': 'northern-america',
  asia: 'asia',
  'central asia': 'central-asia',
  'eastern asia': 'eastern-asia',
  'east asia': 'eastern-asia',
  'southern asia': 'southern-asia',
  'south asia': 'southern-asia',
  'south-eastern asia': 'south-eastern-asia',
  'southeast asia': 'south-eastern-asia',
  'western asia': 'western-asia',
  'middle east': 'western-asia',
  europe: 'europe',
  'eastern europe': 'eastern-europe',
  'northern europe': 'northern-europe',
  'southern europe': 'southern-europe',
  'western europe': 'western-europe',
  oceania: 'oceania',
  antarctica: 'antarctica',
};

export function regionOf(name: string): string {
  return REGIONS[name.trim().toLowerCase()] ?? (vocabularyForm(name) || 'unknown');
}

/** What a report is, in report-type-ov: a briefing assesses actors and events, a threat report's subject. */
export const REPORT_TYPES = ['threat-report'] as const;

import { TLP_LEVELS, type TlpLevel } from '../model/types';
import { stixId } from './ids';

/** The property extension that defines TLP 2.0 markings in STIX (OASIS, cti-stix-common-objects). */
export const TLP_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

/** The ids OASIS published for the TLP 2.0 marking definitions: every platform knows them. */
export const TLP_MARKING_IDS: Readonly<Record<TlpLevel, string>> = {
  CLEAR: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  GREEN: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  AMBER: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  RED: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

/** The TLP 2.0 marking definition of a level, as OASIS published it. */
export function tlpMarking(level: TlpLevel): Record<string, unknown> {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP_MARKING_IDS[level],
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${level}`,
    extensions: { [TLP_EXTENSION]: { extension_type: 'property-extension', tlp_2_0: level.toLowerCase() } },
  };
}

/** The level of a TLP 2.0 marking definition's id, or of a TLP 1.0 one (WHITE is CLEAR). */
export function tlpOfMarking(id: string): TlpLevel | undefined {
  const level = TLP_LEVELS.find((candidate) => TLP_MARKING_IDS[candidate] === id);
  return level ?? TLP_1_IDS[id];
}

/** STIX 2.1's own TLP 1.0 marking definitions (§7.2.1.4), read on import as their TLP 2.0 levels. */
const TLP_1_IDS: Readonly<Record<string, TlpLevel>> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'CLEAR',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'GREEN',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'AMBER',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'RED',
};

/** The stricter of two levels. */
export function stricterTlp(a: TlpLevel | undefined, b: TlpLevel | undefined): TlpLevel | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return TLP_LEVELS.indexOf(a) >= TLP_LEVELS.indexOf(b) ? a : b;
}

/**
 * A statement marking: a classification (`SECRET//NOFORN`) or a portion's mark. Its id is made
 * from its text, and it has no time of its own (the Unix epoch), so that the same statement is
 * one object in every bundle.
 */
export function statementMarking(statement: string): Record<string, unknown> {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: statementId(statement),
    created: '1970-01-01T00:00:00.000Z',
    definition_type: 'statement',
    definition: { statement },
  };
}

const statementIds = new Map<string, string>();

/** The id of a statement marking, made once per statement. */
export function statementId(statement: string): string {
  let id = statementIds.get(statement);
  if (id === undefined) {
    id = stixId('marking-definition', 'statement', statement);
    if (statementIds.size > 1000) statementIds.clear();
    statementIds.set(statement, id);
  }
  return id;
}

/** The statement of a portion mark: `(S//NF)` → `Portion marked (S//NF)`. */
export const portionStatement = (mark: string) => `Portion marked ${mark}`;

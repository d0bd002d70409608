import { v5 as uuidV5 } from 'uuid';

/**
 * The namespace of every id a briefing's STIX export makes (a random UUID, fixed once): an id
 * is the UUIDv5 of stable content in it, so the same briefing gives the same ids on every export.
 */
const BRIEFING_NAMESPACE = 'b20ecc92-36d5-40e1-932e-7884f6d77b1b';

/** A STIX id, `type--UUIDv5`, from the parts that make an object what it is. */
export function stixId(type: string, ...parts: readonly string[]): string {
  return `${type}--${uuidV5(`${type}\u0000${parts.join('\u0000')}`, BRIEFING_NAMESPACE)}`;
}

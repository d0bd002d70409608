/** A country of the map's world, as projected when the page is built (scripts/lib/worldShapes.js). */
export interface WorldCountry {
  /** Its ISO 3166 numeric code (null for the few territories without one). */
  readonly id: string | null;
  readonly name: string;
  /** Its SVG path, in the picture's units. */
  readonly d: string;
  /** Its centre on the globe, [longitude, latitude]. */
  readonly centre: [number, number];
  /** For a country drawn wider than half the picture: the box a fit takes (null: none). */
  readonly wide?: { x: number; y: number; width: number; height: number } | null;
}

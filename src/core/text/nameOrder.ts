/** Made when first sorting by name: making a collator is slow enough that activation should not pay it. */
let collator: Intl.Collator | undefined;

/** The order of names as a reader expects it: ignoring case and accents, "G7" before "G20". */
export function compareNames(a: string, b: string): number {
  return (collator ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })).compare(a, b);
}

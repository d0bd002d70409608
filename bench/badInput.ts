/**
 * Hostile and degenerate bodies for the bench's size sweep: each is parsed at a size and at ten
 * times it, and the time must grow about as the text does (a quadratic corner grows ten times
 * faster). Timing lives here rather than in `npm test`, where a busy machine made such checks fail.
 */

export interface BadInput {
  readonly name: string;
  /** The smaller of the two sizes, in the unit `make` counts. */
  readonly size: number;
  /** A body of about `size` units. */
  readonly make: (size: number) => string;
}

const line = 'Kim Jong Un met the envoy in the port city.\n';
const lines = (bytes: number) => line.repeat(Math.ceil(bytes / line.length));

export const BAD_INPUTS: readonly BadInput[] = [
  { name: 'levels of `>` on one line (10,000)', size: 10_000, make: (n) => `${'>'.repeat(n)} Kim` },
  { name: 'levels of nested list items on one line (10,000)', size: 10_000, make: (n) => `${'- '.repeat(n)}Kim` },
  { name: 'lines each one list level deeper (300)', size: 300, make: (n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- Kim`).join('\n') },
  { name: 'backticks in a row (100,000)', size: 100_000, make: (n) => '`'.repeat(n) },
  { name: 'an unclosed HTML comment (1 MB)', size: 1_000_000, make: (n) => `<!--\n${lines(n)}` },
  { name: 'an unclosed fence (1 MB)', size: 1_000_000, make: (n) => `\`\`\`\n${lines(n)}` },
  { name: 'an unclosed fence in a list item (1 MB)', size: 1_000_000, make: (n) => `- \`\`\`\n${lines(n).replace(/^/gm, '  ')}` },
  { name: 'an unclosed inline comment in one paragraph (100 KB)', size: 100_000, make: (n) => `x <!-- ${lines(n)}` },
  { name: 'lazy lines under 50 levels of quotes (100 KB)', size: 100_000, make: (n) => `${'>'.repeat(50)} Kim\n${lines(n)}` },
  { name: 'unclosed `[` (20,000)', size: 20_000, make: (n) => '['.repeat(n) },
  // Names without `](` or `![`: the README shows them, and vsce reads those as links and images.
  { name: 'unclosed image brackets, `!` then `[` (10,000)', size: 10_000, make: (n) => '!['.repeat(n) },
  { name: '`<a ` without `>` (100 KB)', size: 100_000, make: (n) => '<a '.repeat(n / 3) },
  { name: 'definitions, then links by reference (100 KB)', size: 100_000, make: (n) => `${'[x]: /u\n'.repeat(n / 16)}\n${'[a][x] '.repeat(n / 14)}` },
  { name: 'lone carriage returns (100,000)', size: 100_000, make: (n) => '\r'.repeat(n) },
  ...['*', '- 2023', '#', 'http://', '](', '~', 'Kim ', ':', 'x'].map((unit) => ({
    name: `${unit === '](' ? '`]` then `(`' : `\`${unit}\``} repeated (100 KB)`,
    size: 100_000,
    make: (n: number) => unit.repeat(Math.ceil(n / unit.length)),
  })),
];

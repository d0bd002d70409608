import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';

const repoRoot = path.resolve(__dirname, '../../..');

/** The sample and the test fixtures: the texts that mutations start from. */
export function seedTexts(): string[] {
  const files = [
    path.join(repoRoot, 'samples/vladivostok-summit.briefing'),
    ...fs.readdirSync(path.join(repoRoot, 'test/integration/fixtures')).map((name) => path.join(repoRoot, 'test/integration/fixtures', name)),
  ];
  return files.filter((file) => file.endsWith('.briefing')).map((file) => fs.readFileSync(file, 'utf8'));
}

const TRICKY = [
  '---',
  '...',
  '```',
  '~~~',
  '`',
  '``',
  '[',
  ']',
  '(',
  ')',
  '#',
  '- ',
  '* ',
  '1. ',
  '~',
  '..',
  ': ',
  ' - ',
  ' – ',
  ' — ',
  '\r',
  '\n',
  '\r\n',
  '\t',
  '\uFEFF',
  '\u0000',
  '\uD800',
  '\uDC00',
  '😀',
  'é',
  'e\u0301',
  '\u202E',
  'עברית',
  'العربية',
  'Kim Jong Un',
  'Kim',
  'Vladivostok',
  'Putin',
  '2023-11-13',
  '2023-02-30',
  '~2023..2022',
  'http://x.org/Kim',
  '<img src=x>',
  '[x](command:evil)',
  'name:',
  'actors:',
  '  - name: ',
  'aliases: [',
  '"',
  "'",
  '\\',
  '&',
  '*',
  '_',
  '|',
  '(S) ',
  '(TS//NF)',
  '(U)',
  '> ',
  'classification: ',
  'SECRET//NOFORN',
  '[S1]',
  '[S1, S2]',
  '- [S1] ',
  '[S2]: ',
  '&a ',
  '*a',
  '<<: ',
  '? ',
  '!!',
  '%YAML 1.1\n',
  '{',
  '}',
  'likely',
  'very unlikely ',
  'roughly even\nodds',
  ' (moderate confidence)',
  'High Confidence',
  'confidence',
  '. ',
  '? ',
];

/** Text built from fragments that matter to the parser, and random characters. */
export const trickyText = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

/** Random YAML-looking front matter over a random body. */
export const randomBriefing = fc
  .tuple(
    fc.array(
      fc.tuple(
        fc.constantFrom('title', 'date', 'classification', 'actors', 'places', 'tags', 'name', 'aliases', '  - name', '    aliases', '    type', 'x'),
        fc.oneof(
          fc.string({ maxLength: 12 }),
          fc.constantFrom(
            '[a, b]',
            '[Kim, Kim]',
            '',
            '|',
            '{a: 1}',
            '- x',
            '"q',
            '&a x',
            '*a',
            '{<<: *a}',
            '{? [a] : b}',
            '!!binary aGk=',
            '!!set {a}',
            '!x y',
            '|-\n  z',
            '>\n  z',
          ),
        ),
      ),
      { maxLength: 12 },
    ),
    trickyText,
    fc.boolean(),
  )
  .map(([entries, body, closed]) => `---\n${entries.map(([key, value]) => `${key}: ${value}`).join('\n')}\n${closed ? '---\n' : ''}${body}`);

type Mutation = (lines: string[], random: () => number) => string[];
const mutations: Mutation[] = [
  (lines, r) => lines.filter(() => r() > 0.1), // deleted lines
  (lines, r) => lines.flatMap((line) => (r() < 0.1 ? [line, line] : [line])), // duplicated lines
  (lines, r) => {
    const copy = [...lines];
    for (let k = 0; k < 5 && copy.length > 1; k++) {
      const i = Math.floor(r() * copy.length);
      const j = Math.floor(r() * copy.length);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy; // swapped lines
  },
  (lines, r) => lines.slice(0, Math.max(1, Math.floor(r() * Math.min(lines.length, 40)))), // cut-off front matter
  (lines, r) => lines.map((line) => (r() < 0.05 ? '---' : line)), // stray ---
  (lines, r) => lines.map((line) => (r() < 0.1 ? `${line}${['[', '`', '(', '**', '```'][Math.floor(r() * 5)]}` : line)), // unmatched brackets and backticks
  (lines, r) => lines.map((line) => (r() < 0.05 ? `${line}${'x'.repeat(10_000)}` : line)), // 10,000-character lines
  (lines, r) => lines.map((line) => (r() < 0.1 ? `\u202E${line}\u0301\uD800` : line)), // RTL, combining marks, lone surrogates
];

/** A mutation of a seed text, with random line endings and maybe a BOM or NUL. */
export const mutatedSeed = fc
  .tuple(fc.constantFrom(...seedTexts()), fc.array(fc.nat(mutations.length - 1), { maxLength: 3 }), fc.constantFrom('\n', '\r\n', '\r', 'mixed'), fc.boolean(), fc.integer())
  .map(([seed, chosen, eol, bom, seedNumber]) => {
    let state = seedNumber >>> 0;
    const random = () => {
      state = (state * 1664525 + 1013904223) >>> 0;
      return state / 4294967296;
    };
    let lines = seed.split('\n');
    for (const index of chosen) lines = mutations[index](lines, random);
    const joined = eol === 'mixed' ? lines.map((line, i) => line + ['\n', '\r\n', '\r'][i % 3]).join('') : lines.join(eol);
    return (bom ? '\uFEFF' : '') + joined;
  });

export const anyBriefingText = fc.oneof(trickyText, randomBriefing, mutatedSeed);

/** A suite's time limit, scaled with the number of runs: `npm run fuzz` runs 50,000 where `npm test` runs 1,500. */
export function scaledTimeout(milliseconds: number): number {
  return milliseconds * Math.max(1, Number(process.env.FUZZ_RUNS ?? 1500) / 1500);
}

/**
 * Deterministic synthetic briefings for the benchmark, from a fixed seed: the same text on
 * every machine and every run.
 */

/** mulberry32: a small, fast, seeded PRNG. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'no', 'vy', 'te', 'su', 'an', 'dr', 'el', 'ko', 'zh', 'pa', 'ri', 'ol', 'un', 'be', 'sa', 'to', 'ch', 'ov', 'ia', 'ne'];
const WORDS =
  'the of and to in a is that for on with as by at from this an be are was were which or it has have not but its their they said will would could may might officials talks meeting agreement forces border region government minister statement according reports sources envoy delegation visit summit sanctions cooperation military economic security analysts warned signalled'.split(
    ' ',
  );
const TAGS = ['summit', 'sanctions', 'arms', 'travel', 'diplomacy', 'energy', 'trade', 'cyber', 'election', 'protest'];
const TYPES = ['person', 'state', 'organization', 'group'];
const TITLES = ['General', 'Minister', 'Ambassador', 'Director', 'President', 'Colonel'];

function capitalised(word: string): string {
  return word[0].toUpperCase() + word.slice(1);
}

export interface GeneratedEntity {
  readonly name: string;
  readonly aliases: string[];
  readonly type: string;
  readonly kind: 'actor' | 'place';
}

/** `count` entities with unique names and three unique aliases each. */
export function makeEntities(count: number, rand: () => number, prefix = ''): GeneratedEntity[] {
  const used = new Set<string>();
  const word = (syllables: number) => capitalised(Array.from({ length: syllables }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join(''));
  const unique = (make: () => string) => {
    for (;;) {
      const candidate = make();
      if (!used.has(candidate)) {
        used.add(candidate);
        return candidate;
      }
    }
  };
  const entities: GeneratedEntity[] = [];
  for (let i = 0; i < count; i++) {
    const first = word(2);
    const last = word(3);
    const name = unique(() => `${prefix}${first} ${last}${used.has(`${prefix}${first} ${last}`) ? ` ${word(2)}` : ''}`);
    const aliases = [
      unique(() => `${prefix}${last}${used.has(`${prefix}${last}`) ? word(1) : ''}`),
      unique(() => `${TITLES[i % TITLES.length]} ${prefix}${last}${used.has(`${TITLES[i % TITLES.length]} ${prefix}${last}`) ? word(1) : ''}`),
      unique(() => `${prefix}${first[0]}. ${last}${used.has(`${prefix}${first[0]}. ${last}`) ? word(1) : ''}`),
    ];
    const kind = i % 5 === 4 ? 'place' : 'actor';
    entities.push({ name, aliases, type: TYPES[i % TYPES.length], kind });
  }
  return entities;
}

function yamlEntries(entities: readonly GeneratedEntity[], kind: 'actor' | 'place'): string[] {
  const lines: string[] = [];
  for (const entity of entities) {
    if (entity.kind !== kind) continue;
    lines.push(`  - name: ${entity.name}`, `    aliases: [${entity.aliases.join(', ')}]`);
    if (kind === 'actor') lines.push(`    type: ${entity.type}`, `    role: ${TITLES[entity.name.length % TITLES.length]}`);
    else lines.push('    country: Testland');
    lines.push(`    summary: Synthetic ${kind} for the benchmark.`);
  }
  return lines;
}

export function registryText(entities: readonly GeneratedEntity[]): string {
  return ['actors:', ...yamlEntries(entities, 'actor'), 'places:', ...yamlEntries(entities, 'place'), ''].join('\n');
}

/** A sentence that mentions a few of the entities by name or alias. */
function sentence(entities: readonly GeneratedEntity[], rand: () => number, mentions: number): string {
  const parts: string[] = [];
  for (let i = 0; i < mentions; i++) {
    for (let w = 0; w < 3 + Math.floor(rand() * 5); w++) parts.push(WORDS[Math.floor(rand() * WORDS.length)]);
    const entity = entities[Math.floor(rand() * entities.length)];
    const roll = rand();
    parts.push(roll < 0.5 ? entity.name : entity.aliases[Math.floor(rand() * 3)]);
  }
  parts.push(WORDS[Math.floor(rand() * WORDS.length)]);
  return `${capitalised(parts.join(' '))}.`;
}

function date(rand: () => number): string {
  const year = 2015 + Math.floor(rand() * 10);
  const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
  const form = rand();
  if (form < 0.1) return `~${year}-${month}`;
  if (form < 0.15) return `${year}`;
  if (form < 0.2) return `${year}-${month}-${day}..${year}-${month}-28`;
  return `${year}-${month}-${day}`;
}

/** A briefing body of about `targetBytes`, with events and prose that mention the entities. */
export function body(entities: readonly GeneratedEntity[], rand: () => number, targetBytes: number, eventsPerKb: number): string {
  const lines: string[] = [];
  let size = 0;
  let section = 0;
  const push = (line: string) => {
    lines.push(line);
    size += line.length + 1;
  };
  while (size < targetBytes) {
    push(`## Section ${++section}`);
    push('');
    push(sentence(entities, rand, 3));
    push('');
    const events = Math.max(1, Math.round((eventsPerKb * 2000) / 1000));
    for (let i = 0; i < events && size < targetBytes; i++) {
      const tags = `#${TAGS[Math.floor(rand() * TAGS.length)]}`;
      push(`- ${date(rand)}: ${sentence(entities, rand, 2)} ${tags}`);
      if (rand() < 0.3) push(`  ${sentence(entities, rand, 1)}`);
    }
    push('');
  }
  return `${lines.join('\n')}\n`;
}

export function briefingText(title: string, entities: readonly GeneratedEntity[], bodyText: string): string {
  return [
    '---',
    `title: ${title}`,
    'date: 2023-11-13',
    'classification: UNCLASSIFIED',
    'actors:',
    ...yamlEntries(entities, 'actor'),
    'places:',
    ...yamlEntries(entities, 'place'),
    '---',
    '',
    bodyText,
  ].join('\n');
}

export interface Corpus {
  readonly text: string;
  readonly entities: readonly GeneratedEntity[];
}

/** L: about 1 MB, about 5,000 events, 1,000 actors with 3 aliases each. */
export function makeLarge(scale = 1, seed = 1): Corpus {
  const rand = random(seed);
  const entities = makeEntities(1250, rand); // 1,000 actors and 250 places
  const bodyBytes = 1_000_000 * scale - 150_000;
  return { text: briefingText('Synthetic L', entities, body(entities, rand, bodyBytes, 5.6)), entities };
}

/**
 * The held-out briefing of issue 34's fresh-process row: about 1 MB with about 116 KB of front
 * matter (750 entities), from a seed of its own, so that the row is not tuned to L.
 */
export function makeHeldOut(seed = 34): Corpus {
  const rand = random(seed);
  const entities = makeEntities(750, rand);
  return { text: briefingText('Synthetic held-out', entities, body(entities, rand, 1_000_000 - 116_000, 5)), entities };
}

export function makeMedium(seed = 2): Corpus {
  const rand = random(seed);
  const entities = makeEntities(120, rand);
  return { text: briefingText('Synthetic M', entities, body(entities, rand, 85_000, 5)), entities };
}

/** W: 1,000 briefings of about 20 KB sharing a registry of 2,000 entities. */
export function makeWorkspace(files = 1000, seed = 3): { registry: string; briefings: string[] } {
  const rand = random(seed);
  const shared = makeEntities(2000, rand, '');
  const briefings: string[] = [];
  for (let i = 0; i < files; i++) {
    const own = makeEntities(5, rand, `B${i} `);
    const pool = [...own, ...Array.from({ length: 40 }, () => shared[Math.floor(rand() * shared.length)])];
    briefings.push(briefingText(`Synthetic W ${i}`, own, body(pool, rand, 19_000, 5)));
  }
  return { registry: registryText(shared), briefings };
}

/** Countries the map knows, by the names a briefing writes, with a point inside each: what `withLocatedPlaces` spreads L's places over. */
const LOCATED: readonly (readonly [string, number, number])[] = [
  ['Russia', 55.75, 37.62],
  ['North Korea', 39.03, 125.75],
  ['China', 39.9, 116.4],
  ['Ukraine', 50.45, 30.52],
  ['United States', 38.9, -77.04],
  ['Japan', 35.68, 139.69],
  ['South Korea', 37.57, 126.98],
  ['Iran', 35.69, 51.39],
  ['Syria', 33.51, 36.29],
  ['Turkey', 39.93, 32.86],
  ['India', 28.61, 77.21],
  ['Brazil', -15.79, -47.88],
  ['Nigeria', 9.08, 7.4],
  ['Egypt', 30.04, 31.24],
  ['Germany', 52.52, 13.4],
  ['France', 48.86, 2.35],
  ['United Kingdom', 51.51, -0.13],
  ['Australia', -35.28, 149.13],
  ['Singapore', 1.29, 103.85],
  ['Venezuela', 10.48, -66.9],
];

/**
 * L with its 250 places in real countries (its own `country: Testland` names none), every other
 * one with coordinates near its country's capital: the map's bench draws them. The lines are as
 * many as L's but for the coordinates added.
 */
export function withLocatedPlaces(text: string): string {
  let place = 0;
  return text.replace(/^ {4}country: Testland$/gm, () => {
    const [country, lat, lon] = LOCATED[place % LOCATED.length];
    const spread = (place * 0.37) % 3;
    const coordinates = place % 2 === 0 ? `\n    coordinates: [${(lat + spread).toFixed(2)}, ${(lon + spread).toFixed(2)}]` : '';
    place++;
    return `    country: ${country}${coordinates}`;
  });
}

/**
 * W10k (issue 34): a team's repository, 10,000 briefings of about 20 KB in nested folders (ten
 * analysts, five years, twelve months), sharing an `entities.yaml` of 20,000 entities, written
 * into `folder` one file at a time (never all held at once). Returns the files' paths, in the
 * order written.
 */
export function writeW10k(folder: string, write: (path: string, text: string) => void, files = 10_000, seed = 10): { registry: string; briefings: string[] } {
  const rand = random(seed);
  const shared = makeEntities(20_000, rand, '');
  const registry = `${folder}/entities.yaml`;
  write(registry, registryText(shared));
  const briefings: string[] = [];
  for (let i = 0; i < files; i++) {
    const analyst = i % 10;
    const year = 2019 + Math.floor(i / 2000);
    const month = String((Math.floor(i / 10) % 12) + 1).padStart(2, '0');
    const own = makeEntities(5, rand, `B${i} `);
    const pool = [...own, ...Array.from({ length: 40 }, () => shared[Math.floor(rand() * shared.length)])];
    const path = `${folder}/analyst-${analyst}/${year}/${month}/briefing-${i}.briefing`;
    write(path, briefingText(`Synthetic W10k ${i}`, own, body(pool, rand, 19_000, 5)));
    briefings.push(path);
  }
  return { registry, briefings };
}

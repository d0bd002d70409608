import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { body, briefingText, makeEntities, random, registryText } from '../../bench/generate';
import { ChronologyRows } from '../../src/cli/chronology';
import { buildTimeline, collectEvents, isoCountries, parseBriefing, parseRegistry, timelineEventsAs } from '../../src/core';
import { inShard, parseShard } from '../../src/cli/shard';
import { repoRoot } from './util';

const cli = path.join(repoRoot, 'dist/cli.js');

function runIn(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, maxBuffer: 256 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8') };
}

/**
 * A small team's corpus: enough files that `--jobs 2` starts workers, a registry they share, a
 * file with errors, one that is not UTF-8 and one that is binary (each a message, nothing else lost).
 */
function writeCorpus(folder: string): void {
  const rand = random(34);
  const shared = makeEntities(120, rand, '');
  fs.writeFileSync(path.join(folder, 'entities.yaml'), registryText(shared));
  for (let i = 0; i < 48; i++) {
    const own = makeEntities(3, rand, `B${i} `);
    const pool = [...own, ...Array.from({ length: 10 }, () => shared[Math.floor(rand() * shared.length)])];
    const dir = path.join(folder, `analyst-${i % 3}`, String(2020 + (i % 4)));
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `b-${i}.briefing`), briefingText(`Corpus ${i}`, own, body(pool, rand, 2_500, 5)));
  }
  fs.writeFileSync(path.join(folder, 'analyst-0', 'errors.briefing'), '---\ntitle: [t\n---\n- 2023-02-30: Kim met Putin\n- 2023-05-01..2023-04-01: x\n');
  fs.writeFileSync(path.join(folder, 'analyst-1', 'latin1.briefing'), Buffer.from([0x2d, 0x20, 0xe9, 0x0a]));
  fs.writeFileSync(path.join(folder, 'analyst-2', 'binary.briefing'), Buffer.from([0, 1, 2, 3]));
}

suite('briefing CLI at scale: --jobs and --shard', function () {
  this.timeout(120_000);
  let dir: string;
  const run = (...args: string[]) => runIn(dir, ...args);

  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-scale-'));
    writeCorpus(dir);
  });
  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('check and events print the same bytes, exit codes and messages on 1 thread as on 2 and 3, in every format', () => {
    const runs = [
      ['check', '**/*.briefing', 'entities.yaml', '-e', 'entities.yaml'],
      ['check', '**/*.briefing', '-e', 'entities.yaml', '--format', 'github'],
      ['check', '**/*.briefing', '-e', 'entities.yaml', '--format', 'gitlab'],
      ['events', 'analyst-*/20*/*.briefing', '-e', 'entities.yaml'],
      ['events', 'analyst-*/20*/*.briefing', '-e', 'entities.yaml', '--format', 'csv', '--order', 'document'],
      ['events', 'analyst-*/20*/*.briefing', '--tag', 'sanctions', '--since', '2018', '--until', '2021-06'],
    ];
    for (const args of runs) {
      const one = run(...args, '--jobs', '1');
      assert.ok(one.stdout.length > 0, `${args.join(' ')} printed something`);
      for (const jobs of ['2', '3']) assert.deepEqual(run(...args, '--jobs', jobs), one, `${args.join(' ')} --jobs ${jobs}`);
      // Written a piece at a time, as a whole JSON document writes it.
      if (args.includes('gitlab') || (args[0] === 'events' && !args.includes('csv'))) assert.equal(one.stdout, `${JSON.stringify(JSON.parse(one.stdout), null, 2)}\n`);
    }
  });

  test('events written into a file (its months written off the main thread) are the bytes it prints into a pipe', () => {
    for (const args of [
      ['events', 'analyst-*/20*/*.briefing', '-e', 'entities.yaml', '--jobs', '2'],
      ['events', 'analyst-*/20*/*.briefing', '-e', 'entities.yaml', '--format', 'csv'],
    ]) {
      const piped = run(...args);
      const file = path.join(dir, 'out.txt');
      const fd = fs.openSync(file, 'w');
      try {
        const result = spawnSync(process.execPath, [cli, ...args], { cwd: dir, stdio: ['ignore', fd, 'pipe'] });
        assert.equal(result.status, piped.code);
      } finally {
        fs.closeSync(fd);
      }
      const written = fs.readFileSync(file, 'utf8');
      fs.rmSync(file);
      assert.ok(written.length > 10_000, `${args.join(' ')}: ${written.length} characters`);
      assert.equal(written, piped.stdout, args.join(' '));
    }
  });

  test('events prints what the whole chronology of the core prints (buildTimeline), and nothing when a file cannot be read', () => {
    const registries = [parseRegistry(fs.readFileSync(path.join(dir, 'entities.yaml'), 'utf8'), 'entities.yaml')];
    const files = fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((file) => file.split(path.sep).join('/'))
      .filter((file) => /^analyst-\d\/20\d\d\/.*\.briefing$/.test(file))
      .sort((a, b) => a.localeCompare(b));
    const sources = files.map((file) => ({
      source: file,
      label: file,
      briefing: parseBriefing(fs.readFileSync(path.join(dir, file), 'utf8'), { registries, countries: isoCountries() }),
    }));
    for (const order of ['chronological', 'document'] as const) {
      const { shown } = buildTimeline(collectEvents(sources), { order, grouping: 'none' });
      for (const format of ['json', 'csv'] as const) {
        const result = run('events', 'analyst-*/20*/*.briefing', '-e', 'entities.yaml', '--order', order, '--format', format, '--jobs', '2');
        assert.equal(result.stdout, timelineEventsAs(format, shown, true), `${order}, ${format}`);
      }
    }
    const unreadable = run('events', '**/*.briefing', '--jobs', '2');
    assert.deepEqual({ code: unreadable.code, stdout: unreadable.stdout }, { code: 2, stdout: '' });
    assert.match(unreadable.stderr, /latin1\.briefing: is not valid UTF-8 text/);
  });

  test('an unreadable file among many is a message each; every other file is still checked', () => {
    const result = run('check', '**/*.briefing', '--jobs', '2');
    assert.equal(result.code, 2);
    assert.deepEqual(result.stderr.trim().split('\n'), [
      'briefing: analyst-1/latin1.briefing: is not valid UTF-8 text',
      'briefing: analyst-2/binary.briefing: looks binary (it contains NUL bytes); a briefing is UTF-8 text',
    ]);
    assert.match(result.stdout, /^analyst-0\/errors\.briefing:4:3: error: Impossible date 2023-02-30/m);
    // The same problems as in a corpus without the two files.
    const bad = ['analyst-1/latin1.briefing', 'analyst-2/binary.briefing'];
    for (const file of bad) fs.renameSync(path.join(dir, file), path.join(dir, `${file}.away`));
    try {
      assert.deepEqual(run('check', '**/*.briefing', '--jobs', '2'), { code: 1, stdout: result.stdout, stderr: '' });
    } finally {
      for (const file of bad) fs.renameSync(path.join(dir, `${file}.away`), path.join(dir, file));
    }
  });

  test('a registry that cannot be read stops the run with its message, on several threads too', () => {
    const registry = path.join(dir, 'binary-entities.yaml');
    fs.writeFileSync(registry, 'actors:\n\u0000\n');
    try {
      for (const command of ['check', 'events']) {
        const result = run(command, '**/*.briefing', '-e', 'binary-entities.yaml', '--jobs', '2');
        assert.deepEqual({ code: result.code, stdout: result.stdout }, { code: 2, stdout: '' }, command);
        assert.match(result.stderr, /binary-entities\.yaml: looks binary/, command);
      }
    } finally {
      fs.rmSync(registry);
    }
  });

  test('the shards of a run together print what the whole run prints, each file in exactly one shard', () => {
    const linesOf = (text: string) => text.split('\n').filter(Boolean);
    const whole = run('check', '**/*.briefing', '-e', 'entities.yaml');
    const wholeEvents = JSON.parse(run('events', 'analyst-*/20*/*.briefing', '-e', 'entities.yaml').stdout) as unknown[];
    for (const count of [2, 3, 5]) {
      const lines: string[] = [];
      const events: unknown[] = [];
      const messages: string[] = [];
      for (let index = 1; index <= count; index++) {
        const shard = run('check', '**/*.briefing', '-e', 'entities.yaml', '--shard', `${index}/${count}`, '--jobs', '2');
        lines.push(...linesOf(shard.stdout));
        messages.push(...linesOf(shard.stderr));
        events.push(...(JSON.parse(run('events', 'analyst-*/20*/*.briefing', '-e', 'entities.yaml', '--shard', `${index}/${count}`).stdout) as unknown[]));
      }
      assert.deepEqual(lines.sort(), linesOf(whole.stdout).sort(), `check, ${count} shards`);
      assert.deepEqual(messages.sort(), linesOf(whole.stderr).sort(), `check's messages, ${count} shards`);
      const order = (list: unknown[]) => list.map((event) => JSON.stringify(event)).sort();
      assert.deepEqual(order(events), order(wholeEvents), `events, ${count} shards`);
    }
  });

  test('a shard is chosen by a hash of the path, with / between folders whatever the system writes', () => {
    const shard = { index: 2, count: 4 };
    for (const file of ['reports/2023/a.briefing', 'b.briefing', 'x/y/z/ä.briefing']) {
      assert.equal(inShard(file.replaceAll('/', '\\'), shard), inShard(file, shard));
      assert.equal(inShard(`./${file}`, shard), inShard(file, shard));
    }
    const files = Array.from({ length: 4000 }, (_, i) => `analyst-${i % 10}/${2019 + (i % 5)}/briefing-${i}.briefing`);
    const sizes = [1, 2, 3, 4].map((index) => files.filter((file) => inShard(file, { index, count: 4 })).length);
    assert.equal(
      sizes.reduce((a, b) => a + b),
      4000,
    );
    for (const size of sizes) assert.ok(size > 900 && size < 1100, `shard sizes ${sizes.join(', ')}`);
  });

  test('--shard and --jobs refuse what they cannot mean, with the form they take', () => {
    assert.equal(parseShard('1/1')?.count, 1);
    for (const bad of ['0/2', '3/2', '1/0', '1', 'a/b', '1/2/3']) {
      const result = run('check', 'x.briefing', '--shard', bad);
      assert.deepEqual({ code: result.code, stdout: result.stdout }, { code: 2, stdout: '' });
      assert.match(result.stderr, /--shard takes I\/N, the I-th of N parts, 1 ≤ I ≤ N/);
    }
    for (const bad of ['0', '-1', 'many', '1.5']) {
      const result = run('events', 'x.briefing', `--jobs=${bad}`);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /--jobs takes a whole number of threads, 1 or more/);
    }
    assert.match(run('export', 'x.briefing', '--jobs', '2').stderr, /--jobs is not an option of export/);
  });
});

suite('ChronologyRows: a long chronology in bounded memory', () => {
  test('rows come out by key, a key’s rows in the order added, whether held or spilled to disk', async () => {
    const rand = random(7);
    for (const [heldBytes, first] of [
      [1 << 20, ''],
      [64, '[\n'],
      [1, 'é'],
    ] as const) {
      const rows = new ChronologyRows(heldBytes);
      const added: { key: number; text: string; order: number }[] = [];
      for (let order = 0; order < 500; order++) {
        const key = rand() < 0.05 ? Infinity : (2020 * 13 + Math.floor(rand() * 3)) * 32 + Math.floor(rand() * 32);
        const text = `row ${order} ${'é'.repeat(order % 3)}`;
        added.push({ key, text, order });
        rows.add(key, Buffer.from(text));
      }
      const chunks: Buffer[] = [];
      await rows.writeInOrder((bytes) => void chunks.push(Buffer.from(bytes)), { first, between: '|' });
      const expected = [...added].sort((a, b) => (a.key === b.key ? a.order - b.order : a.key - b.key)).map((row) => row.text);
      assert.equal(Buffer.concat(chunks).toString('utf8'), first + expected.join('|'), `held ${heldBytes} bytes`);
    }
  });
});

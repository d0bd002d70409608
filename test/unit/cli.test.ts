import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { globPatternOf } from '../../src/cli/files';
import { parseCheckLine } from '../../src/core';
import { repoRoot } from './util';

const cli = path.join(repoRoot, 'dist/cli.js');
const sample = path.join(repoRoot, 'samples/vladivostok-summit.briefing');

/** Runs the program as a shell would not: a pattern in an argument reaches it unexpanded, as from PowerShell. */
function runIn(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const run = (...args: string[]) => runIn(repoRoot, ...args);

suite('briefing CLI (the bundled program)', () => {
  let dir: string;
  const file = (name: string, content: string | Buffer) => {
    const target = path.join(dir, name);
    fs.writeFileSync(target, content);
    return target;
  };

  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-cli-'));
  });
  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('check on a clean briefing prints nothing and exits 0', () => {
    assert.deepEqual(run('check', sample), { code: 0, stdout: '', stderr: '' });
  });

  test('check says what it checked on stderr when stderr is a terminal (script(1) gives it one), clean or not', () => {
    const onTerminal = (...args: string[]) => {
      const command = [process.execPath, cli, ...args].map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
      // stdout goes to a pipe, so what the terminal shows is stderr alone.
      const result = spawnSync('script', ['-qec', `${command} 2>/dev/tty >/dev/null`, '/dev/null'], { encoding: 'utf8', cwd: repoRoot });
      return { code: result.status, terminal: result.stdout.replace(/\r/g, '') };
    };
    assert.deepEqual(onTerminal('check', sample), { code: 0, terminal: '1 briefing checked: no problems\n' });
    const warning = file('warned.briefing', '---\ntitle: t\n---\n- 2023-02-30: x\n');
    const registry = file('entities.yaml', 'actors:\n  - name: Kim\n');
    assert.deepEqual(onTerminal('check', sample, warning, registry), { code: 1, terminal: '2 briefings and 1 registry checked: 1 error\n' });
  });

  test("check says what it checked through a pipe too when BRIEFING_SUMMARY=1 (the editor's task reads it so)", () => {
    const result = spawnSync(process.execPath, [cli, 'check', sample], { encoding: 'utf8', cwd: repoRoot, env: { ...process.env, BRIEFING_SUMMARY: '1' } });
    assert.deepEqual([result.status, result.stdout, result.stderr], [0, '', '1 briefing checked: no problems\n']);
  });

  test('check prints FILE:LINE:COLUMN: SEVERITY: MESSAGE and exits 1 on an error', () => {
    const broken = file('broken.briefing', '---\ntitle: ok\nactors:\n  - name: [Kim\n---\n- 2023-02-30: x\n');
    const result = run('check', broken);
    assert.equal(result.code, 1);
    const lines = result.stdout.trim().split('\n');
    assert.equal(
      lines[0],
      `${broken}:4:11: error: The list that opens the value of \`name:\` with \`[\` is not closed: add \`]\` at the end of the line (YAML: Flow sequence in block collection must be sufficiently indented and end with a ])`,
    );
    assert.equal(lines[1], `${broken}:6:3: error: Impossible date 2023-02-30: no such day or month`);
  });

  test('check exits 0 when there are only warnings and information', () => {
    const warned = file('warned.briefing', '---\nactors:\n  - name: Kim\n    rol: x\n---\n');
    const result = run('check', warned);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, `${warned}:4:5: information: Unknown key 'rol' in actor entry; did you mean 'role'?\n`);
  });

  test('check fails a briefing marked below one of its portions, so CI stops it', () => {
    const undermarked = file('undermarked.briefing', '---\nclassification: UNCLASSIFIED\n---\n(U) Open.\n\n(S) Not open.\n');
    const result = run('check', undermarked);
    assert.equal(result.code, 1);
    assert.equal(
      result.stdout,
      `${undermarked}:6:1: error: (S) marks this portion SECRET, above the briefing's classification 'UNCLASSIFIED': raise 'classification:' or correct the mark\n`,
    );
  });

  test("check --format github prints GitHub Actions annotations, escaped as GitHub's toolkit does, with the same exit code", () => {
    const annotated = file('50%, draft: one.briefing', '---\nactors:\n  - name: Kim\n    rol: x\n---\n- 2023-02-30: x\n');
    const result = run('check', '--format', 'github', annotated);
    assert.equal(result.code, 1);
    const where = annotated.replace(/%/g, '%25').replace(/:/g, '%3A').replace(/,/g, '%2C');
    assert.equal(
      result.stdout,
      [
        `::notice file=${where},line=4,col=5,endLine=4,endColumn=8,title=briefing (unknown-key)::Unknown key 'rol' in actor entry; did you mean 'role'?`,
        `::error file=${where},line=6,col=3,endLine=6,endColumn=13,title=briefing (invalid-date)::Impossible date 2023-02-30: no such day or month`,
        '',
      ].join('\n'),
    );
    assert.deepEqual(run('check', '--format=text', annotated).stdout, run('check', annotated).stdout, 'text is the default');
  });

  test('the $briefing problem matcher reads every line check prints as what it says, Windows paths and colons in names too', () => {
    const { pattern } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).contributes.problemMatchers[0];
    const read = (line: string) => {
      const match = new RegExp(pattern.regexp).exec(line);
      return match && [match[pattern.file], match[pattern.line], match[pattern.column], match[pattern.severity], match[pattern.message]];
    };
    const named = file('a: b, 50%.briefing', '---\nactors:\n  - name: Kim\n    rol: x\n---\n- 2023-02-30: x\n- 13.11.2023: y\n');
    const lines = run('check', named).stdout.trimEnd().split('\n');
    assert.deepEqual(lines.map(read), [
      [named, '4', '5', 'info', "Unknown key 'rol' in actor entry; did you mean 'role'?"],
      [named, '6', '3', 'error', 'Impossible date 2023-02-30: no such day or month'],
      [named, '7', '3', 'warning', "'13.11.2023' is not a date this extension reads, so this item is not an event: write 2023-11-13"],
    ]);
    // VS Code knows `info`, not `information`, as a severity: the pattern takes only the first.
    assert.deepEqual(read('C:\\reports\\kim.briefing:12:1: error: Date range ends (2023-01) before it starts (2023-12)'), [
      'C:\\reports\\kim.briefing',
      '12',
      '1',
      'error',
      'Date range ends (2023-01) before it starts (2023-12)',
    ]);
    assert.equal(read('briefing: drafts/*.briefing: no file matches this pattern'), null, 'what goes to stderr is no problem');
    // The check task's terminal reads the lines as the matcher does, `information` as itself.
    assert.deepEqual(lines.map(parseCheckLine), [
      { file: named, line: 4, column: 5, severity: 'information', message: "Unknown key 'rol' in actor entry; did you mean 'role'?" },
      { file: named, line: 6, column: 3, severity: 'error', message: 'Impossible date 2023-02-30: no such day or month' },
      { file: named, line: 7, column: 3, severity: 'warning', message: "'13.11.2023' is not a date this extension reads, so this item is not an event: write 2023-11-13" },
    ]);
    assert.equal(parseCheckLine('C:\\reports\\kim.briefing:12:1: error: x')?.file, 'C:\\reports\\kim.briefing');
    assert.equal(parseCheckLine('briefing: drafts/*.briefing: no file matches this pattern'), undefined);
    assert.equal(parseCheckLine('3 briefings checked: 1 error'), undefined, 'the closing line is no problem');
  });

  test("check --format gitlab prints GitLab's code quality report: one JSON array, fingerprints stable across lines and unique", () => {
    const reported = file('reported.briefing', '---\nactors:\n  - name: Kim\n    rol: x\n---\n- 2023-02-30: x\n- 13.11.2023: y\n- 13.11.2023: y\n');
    const result = run('check', '--format', 'gitlab', reported);
    assert.equal(result.code, 1, 'the exit code as in text');
    const issues = JSON.parse(result.stdout);
    assert.deepEqual(
      issues.map(({ fingerprint, ...rest }: { fingerprint: string }) => rest),
      [
        { description: "Unknown key 'rol' in actor entry; did you mean 'role'?", check_name: 'unknown-key', severity: 'info', location: { path: reported, lines: { begin: 4 } } },
        { description: 'Impossible date 2023-02-30: no such day or month', check_name: 'invalid-date', severity: 'major', location: { path: reported, lines: { begin: 6 } } },
        {
          description: "'13.11.2023' is not a date this extension reads, so this item is not an event: write 2023-11-13",
          check_name: 'unread-date',
          severity: 'minor',
          location: { path: reported, lines: { begin: 7 } },
        },
        {
          description: "'13.11.2023' is not a date this extension reads, so this item is not an event: write 2023-11-13",
          check_name: 'unread-date',
          severity: 'minor',
          location: { path: reported, lines: { begin: 8 } },
        },
      ],
    );
    const fingerprints = issues.map((issue: { fingerprint: string }) => issue.fingerprint);
    assert.ok(fingerprints.every((f: string) => /^[0-9a-f]{32}$/.test(f)));
    assert.equal(new Set(fingerprints).size, 4, 'a repeated message is two problems');
    // Three lines added above the events move their problems, and change no fingerprint.
    fs.writeFileSync(reported, fs.readFileSync(reported, 'utf8').replace('---\n- 2023', '---\n\nIntro.\n\n- 2023'));
    const moved = JSON.parse(run('check', '--format', 'gitlab', reported).stdout);
    assert.deepEqual(
      moved.map((issue: { location: { lines: { begin: number } } }) => issue.location.lines.begin),
      [4, 9, 10, 11],
    );
    assert.deepEqual(
      moved.map((issue: { fingerprint: string }) => issue.fingerprint),
      fingerprints,
    );
    assert.equal(run('check', '--format', 'gitlab', sample).stdout, '[]\n', 'a clean check is an empty report');
  });

  test('check --max-warnings N fails on more than N warnings in all the files together, saying so on stderr', () => {
    const twoWarnings = file('two-warnings.briefing', '- 13.11.2023: x\n- 14.11.2023: y\n');
    const oneWarning = file('one-warning.briefing', '- 15.11.2023: z\n');
    const withMax = (max: string, ...files: string[]) => run('check', ...files, '--max-warnings', max);
    assert.deepEqual([withMax('2', twoWarnings).code, withMax('2', twoWarnings).stderr], [0, '']);
    const over = withMax('2', twoWarnings, oneWarning);
    assert.equal(over.code, 1);
    assert.equal(over.stderr, 'briefing: 3 warnings, more than --max-warnings 2\n');
    assert.equal(over.stdout, run('check', twoWarnings, oneWarning).stdout, 'the problems are printed as without the option');
    assert.equal(run('check', twoWarnings, oneWarning).code, 0, 'without it, warnings pass');
    assert.equal(withMax('0', file('information-only.briefing', '---\nactors:\n  - name: Kim\n    rol: x\n---\nKim\n')).code, 0, 'information is not a warning');
    assert.match(withMax('0', oneWarning).stderr, /^briefing: 1 warning, more than --max-warnings 0$/m);
  });

  test('check reads registries given as files', () => {
    const registry = file('team.entities.yaml', 'actors:\n  - name: A\n    aliases: [X]\n  - name: B\n    aliases: [X]\n');
    const result = run('check', registry);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /team\.entities\.yaml:5:15: warning: Alias 'X' is already used by A/);
  });

  test('check reports relations: an unknown `to` (closest name), a bad date; a `to` in a registry given with --entities resolves, and export names it', () => {
    const registry = file('people.entities.yaml', 'actors:\n  - name: Sergei Shoigu\n    aliases: [Shoigu]\n');
    const related = file(
      'related.briefing',
      '---\nactors:\n  - name: Kim Jong Un\n    relations:\n      - { to: Shoigu, type: meets, since: 2023-09 }\n      - { to: Sergei Shoygu, type: phones, until: 2023-13 }\n---\nKim Jong Un met him.\n',
    );
    const result = run('check', '--entities', registry, related);
    assert.equal(result.code, 1);
    assert.deepEqual(result.stdout.trim().split('\n'), [
      `${related}:6:15: warning: No actor or place is named 'Sergei Shoygu'; did you mean 'Sergei Shoigu'?`,
      `${related}:6:51: error: Impossible date 2023-13: no such day or month`,
    ]);
    const exported = JSON.parse(run('export', '--entities', registry, related).stdout);
    assert.deepEqual(exported.entities[0].relations, [
      { to: 'Sergei Shoigu', type: 'meets', since: '2023-09', until: null, source: null },
      { to: 'Sergei Shoygu', type: 'phones', since: null, until: null, source: null },
    ]);
  });

  test('export --format graph prints the link chart graph: nodes, relations, shared events', () => {
    const result = run('export', '--format', 'graph', sample);
    assert.equal(result.code, 0, result.stderr);
    const graph = JSON.parse(result.stdout);
    assert.deepEqual(Object.keys(graph), ['nodes', 'edges', 'events']);
    assert.ok(graph.nodes.some((node: { name: string }) => node.name === 'Vladivostok'));
    const shared = graph.edges.find(
      (edge: { kind: string; from: string; to: string }) => edge.kind === 'events' && edge.from === 'actor:Kim Jong Un' && edge.to === 'actor:Vladimir Putin',
    );
    assert.ok(shared && shared.weight >= 1 && shared.events.length === shared.weight, JSON.stringify(shared));
    // An edge names its events by their place in `events`: the file as given, the line, the days.
    const event = graph.events[shared.events[0]];
    assert.equal(event.source, sample);
    assert.match(event.days[0], /^2023-/);
    assert.ok(Number.isInteger(event.line) && event.line > 1);
    assert.match(run('export', '--format', 'xml', sample).stderr, /unknown format 'xml': use json, csv, graph or stix/);
  });

  test('export prints the JSON model', () => {
    const result = run('export', sample);
    assert.equal(result.code, 0);
    const model = JSON.parse(result.stdout);
    assert.deepEqual(Object.keys(model), ['title', 'date', 'classification', 'tlp', 'entities', 'events', 'diagnostics']);
    assert.ok(model.events.length >= 4);
    assert.deepEqual(Object.keys(model.entities[0]), [
      'name',
      'kind',
      'type',
      'aliases',
      'role',
      'affiliation',
      'country',
      'coordinates',
      'summary',
      'links',
      'relations',
      'mentions',
    ]);
  });

  test('export of a long briefing writes it in chunks, whole: every character of every part of the Unicode range, none split', () => {
    // Enough text for many chunks, with characters of one, two, three and four UTF-8 bytes (the
    // last a surrogate pair in JavaScript) at every offset, so that some fall on a chunk's edge.
    const words = ['Kim', 'é', '中文', '😀', 'Пхеньян', '𝒜b'];
    const lines = Array.from({ length: 6000 }, (_, i) => `- 2023-11-${String((i % 28) + 1).padStart(2, '0')}: Kim ${words.slice(0, (i % 6) + 1).join(' ')} ${'😀'.repeat(i % 3)}`);
    const long = file('long-unicode.briefing', `---\nactors:\n  - name: Kim\n---\n${lines.join('\n')}\n`);
    const result = spawnSync(process.execPath, [cli, 'export', long], { cwd: repoRoot, maxBuffer: 1 << 26 });
    assert.equal(result.status, 0);
    assert.ok(result.stdout.length > 4 * 65536, 'several chunks');
    const text = result.stdout.toString('utf8');
    assert.ok(!text.includes('\ufffd'), 'no character broken between two writes');
    const model = JSON.parse(text);
    assert.equal(model.events.length, 6000);
    assert.equal(model.events[5999].text, lines[5999].slice('- 2023-11-05: '.length));
    assert.equal(text, `${JSON.stringify(model, null, 2)}\n`);
  });

  test('export --format csv prints one row per event', () => {
    const result = run('export', sample, '--format', 'csv');
    assert.equal(result.code, 0);
    const rows = result.stdout.trimEnd().split('\r\n');
    assert.equal(rows[0], 'date,end,precision,approximate,text,line,actors,places,tags');
    assert.equal(rows.length - 1, JSON.parse(run('export', sample).stdout).events.length);
    assert.equal(run('export', sample, '--format=csv').stdout, result.stdout);
  });

  test('export --entities merges registries', () => {
    const briefingFile = file('uses-registry.briefing', 'Putin met Kim.\n');
    const registry = file('entities.yaml', 'actors:\n  - name: Putin\n');
    const model = JSON.parse(run('export', briefingFile, '--entities', registry).stdout);
    assert.deepEqual(
      model.entities.map((e: { name: string; mentions: unknown[] }) => [e.name, e.mentions.length]),
      [['Putin', 1]],
    );
  });

  test('an empty file is valid: an empty model', () => {
    const empty = file('empty.briefing', '');
    assert.equal(run('check', empty).code, 0);
    assert.deepEqual(JSON.parse(run('export', empty).stdout).entities, []);
  });

  const usageErrors: [string, () => string[], RegExp][] = [
    ['a missing file', () => ['check', path.join(dir, 'missing.briefing')], /missing\.briefing: no such file$/],
    ['a directory', () => ['check', dir], /is a directory, not a file \(for the briefings in it: '.+\/\*\*\/\*\.briefing'\)$/],
    ['a binary file', () => ['check', file('binary.briefing', Buffer.from([0x2d, 0x00, 0x01, 0xff]))], /looks binary/],
    ['a non-UTF-8 file', () => ['export', file('latin1.briefing', Buffer.from([0x4b, 0x69, 0x6d, 0xe9, 0x0a]))], /is not valid UTF-8 text$/],
    ['an unknown option', () => ['check', sample, '--fast'], /^briefing: Unknown option '--fast' \(see 'briefing --help'\)$/],
    ['an unknown format', () => ['export', sample, '--format', 'xml'], /unknown format 'xml': use json, csv, graph or stix/],
    ['an export format for check', () => ['check', sample, '--format', 'json'], /unknown format 'json' for check: use text, github or gitlab/],
    ['--max-warnings that is not a whole number', () => ['check', sample, '--max-warnings=-1'], /--max-warnings takes a whole number of warnings, 0 or more \(got '-1'\)/],
    [
      'an option whose value starts with a dash',
      () => ['check', sample, '--max-warnings', '-1'],
      /^briefing: --max-warnings needs a value; one that starts with '-' is written --max-warnings=VALUE \(see 'briefing --help'\)$/,
    ],
    ['--max-warnings given to export', () => ['export', sample, '--max-warnings', '0'], /--max-warnings is not an option of export/],
    ['an option of events given to check', () => ['check', sample, '--tag', 'summit'], /--tag is not an option of check/],
    ['events without a file', () => ['events'], /events needs at least one FILE/],
    ['events in an unknown order', () => ['events', sample, '--order', 'alphabetical'], /unknown order 'alphabetical': use chronological or document/],
    [
      'events of a registry',
      () => ['events', file('people.entities.yaml', 'actors: []\n')],
      /people\.entities\.yaml is a registry, which holds no events: give it with --entities/,
    ],
    ['an unknown command', () => ['lint', sample], /unknown command 'lint'/],
    ['no command', () => [], /missing command/],
    ['export of two files', () => ['export', sample, file('other.briefing', 'Other.\n')], /exactly one FILE \(got 2\)/],
    ['check without a file', () => ['check'], /at least one FILE/],
  ];
  for (const [what, args, message] of usageErrors) {
    test(`${what}: exit 2, one clear line on stderr, no stack trace`, () => {
      const result = run(...args());
      assert.equal(result.code, 2);
      assert.equal(result.stdout, '');
      const lines = result.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 1, result.stderr);
      assert.match(lines[0], message);
      assert.doesNotMatch(result.stderr, /\n\s+at /);
    });
  }

  test('a file over 50 MB is refused with exit 2', () => {
    const big = path.join(dir, 'big.briefing');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 50 * 1024 * 1024 + 1);
    const result = run('check', big);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /too large/);
  });

  test('check goes on past an unreadable file, then exits 2', () => {
    const result = run('check', path.join(dir, 'nope.briefing'), sample);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
  });

  suite('FILE as a pattern, which briefing expands where the shell does not', () => {
    let tree: string;
    const put = (name: string, content: string) => {
      fs.mkdirSync(path.dirname(path.join(tree, name)), { recursive: true });
      fs.writeFileSync(path.join(tree, name), content);
    };
    const badDate = '- 2023-02-30: x\n';

    suiteSetup(() => {
      tree = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-patterns-'));
      put('reports/b.briefing', badDate);
      put('reports/a.briefing', badDate);
      put('reports/2023/c.briefing', badDate);
      put('reports/notes.md', badDate);
      put('node_modules/pkg/d.briefing', badDate);
      put('[S1] source notes.briefing', badDate);
      put('entities.yaml', 'actors:\n  - name: Putin\n');
      put('team.entities.yaml', 'places:\n  - name: Vladivostok\n');
      put('one/only.briefing', 'Putin arrived in Vladivostok.\n');
    });
    suiteTeardown(() => fs.rmSync(tree, { recursive: true, force: true }));

    const filesIn = (stdout: string) =>
      stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split(':')[0]);

    test('check expands `**` and `*` into the matching files in path order, node_modules skipped', () => {
      const result = runIn(tree, 'check', 'reports/**/*.briefing');
      assert.equal(result.code, 1);
      assert.equal(result.stderr, '');
      assert.deepEqual(filesIn(result.stdout), ['reports/2023/c.briefing', 'reports/a.briefing', 'reports/b.briefing']);
      // one/only.briefing is clean, so it prints nothing.
      assert.deepEqual(filesIn(runIn(tree, 'check', '**/*.briefing').stdout), [
        '[S1] source notes.briefing',
        'reports/2023/c.briefing',
        'reports/a.briefing',
        'reports/b.briefing',
      ]);
    });

    test('a file named twice, by a pattern and by itself, is checked once, under the first name', () => {
      const result = runIn(tree, 'check', 'reports/*.briefing', 'reports/a.briefing', './reports/b.briefing');
      assert.deepEqual(filesIn(result.stdout), ['reports/a.briefing', 'reports/b.briefing']);
    });

    test('an absolute pattern prints absolute paths, as an absolute FILE does', () => {
      assert.deepEqual(filesIn(runIn(repoRoot, 'check', path.join(tree, 'reports/*.briefing')).stdout), [
        path.join(tree, 'reports/a.briefing'),
        path.join(tree, 'reports/b.briefing'),
      ]);
    });

    test('on Windows a backslash in a pattern separates folders, as PowerShell completes paths; elsewhere it escapes', () => {
      assert.equal(globPatternOf('reports\\2023\\*.briefing', 'win32'), 'reports/2023/*.briefing');
      assert.equal(globPatternOf('C:\\team\\**\\*.briefing', 'win32'), 'C:/team/**/*.briefing');
      assert.equal(globPatternOf('notes\\[S1\\].briefing', 'linux'), 'notes\\[S1\\].briefing');
    });

    test('a file whose name looks like a pattern is read as named when it exists', () => {
      const result = runIn(tree, 'check', '[S1] source notes.briefing');
      assert.equal(result.code, 1);
      assert.deepEqual(filesIn(result.stdout), ['[S1] source notes.briefing']);
    });

    test('a pattern that matches no file: exit 2 and a clear line, after checking the other files', () => {
      const result = runIn(tree, 'check', 'drafts/*.briefing', 'reports/a.briefing');
      assert.equal(result.code, 2);
      assert.equal(result.stderr, 'briefing: drafts/*.briefing: no file matches this pattern\n');
      assert.deepEqual(filesIn(result.stdout), ['reports/a.briefing']);
    });

    test('--entities takes a pattern: every registry it matches, in path order', () => {
      const model = JSON.parse(runIn(tree, 'export', 'one/only.briefing', '--entities', '*entities.yaml').stdout);
      assert.deepEqual(
        model.entities.map((e: { name: string; mentions: unknown[] }) => [e.name, e.mentions.length]),
        [
          ['Putin', 1],
          ['Vladivostok', 1],
        ],
      );
      const missing = runIn(tree, 'export', 'one/only.briefing', '--entities', 'registries/*.yaml');
      assert.deepEqual([missing.code, missing.stderr], [2, 'briefing: registries/*.yaml: no file matches this pattern\n']);
    });

    test('export takes a pattern that names exactly one file, and refuses one that names more', () => {
      assert.equal(runIn(tree, 'export', 'one/*.briefing').code, 0);
      const many = runIn(tree, 'export', 'reports/*.briefing');
      assert.deepEqual([many.code, many.stdout], [2, '']);
      assert.match(many.stderr, /export takes exactly one FILE \(got 2\)/);
    });
  });

  suite('events: the chronology of many briefings', () => {
    const first = () => file('first.briefing', '---\nactors:\n  - name: Kim\n---\n- 2023-11-13: Kim arrives #summit\n- 2023-09: Kim plans #travel\n- 2023-02-30: a typo\n');
    const second = () => file('second.briefing', '---\nplaces:\n  - name: Vladivostok\n---\n- 2023-11-01: Vladivostok prepares #summit\n');
    const rows = (stdout: string) =>
      stdout
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((row) => `${row.split(',')[0]} ${path.basename(row.split(',').at(-1)!)}`);
    /** The dates of the events the program prints as JSON for these arguments. */
    const dates = (...args: string[]) => JSON.parse(run('events', ...args).stdout).map((event: { date: string }) => event.date);

    test('merges the events of every file in chronological order, each naming its file, invalid dates last', () => {
      const result = run('events', first(), second(), '--format', 'csv');
      assert.equal(result.code, 0);
      assert.equal(result.stdout.split('\r\n')[0], 'date,end,precision,approximate,text,line,actors,places,tags,file');
      assert.deepEqual(rows(result.stdout), ['2023-09 first.briefing', '2023-11-01 second.briefing', '2023-11-13 first.briefing', '2023-02-30 first.briefing']);
    });

    test('a file named twice, or by a pattern too, gives its events once', () => {
      const once = run('events', first(), second(), '--format', 'csv');
      const twice = run('events', first(), second(), path.join(dir, 'first.briefing'), path.join(dir, 'fir*.briefing'), '--format', 'csv');
      assert.equal(twice.code, 0, twice.stderr);
      assert.deepEqual(rows(twice.stdout), rows(once.stdout));
    });

    test('--order document keeps the files in the order named and each file in its own order', () => {
      assert.deepEqual(rows(run('events', second(), first(), '--format', 'csv', '--order', 'document').stdout), [
        '2023-11-01 second.briefing',
        '2023-11-13 first.briefing',
        '2023-09 first.briefing',
        '2023-02-30 first.briefing',
      ]);
    });

    test('JSON is an array of the exported events, each with its file; --actor and --tag keep some of them', () => {
      const events = JSON.parse(run('events', first(), second()).stdout);
      assert.equal(events.length, 4);
      assert.deepEqual(Object.keys(events[0]), ['date', 'end', 'precision', 'approximate', 'text', 'line', 'actors', 'places', 'tags', 'file']);
      const both = [first(), second()];
      assert.deepEqual(dates(...both, '--tag', 'summit'), ['2023-11-01', '2023-11-13']);
      assert.deepEqual(dates(...both, '--tag', '#summit'), ['2023-11-01', '2023-11-13'], 'the # is optional');
      assert.deepEqual(dates(...both, '--actor', 'Vladivostok'), ['2023-11-01'], 'a place is an actor for the filter, as in the Events view');
      assert.deepEqual(dates(...both, '--actor', 'Kim', '--tag', 'travel'), ['2023-09']);
    });

    test('--since and --until keep the events whose time meets the period; a month or a range meets it in part', () => {
      const three = [first(), second(), file('ranged.briefing', '- 2023-10-30..2023-11-02: a visit\n- ~2024: an election\n')];
      assert.deepEqual(dates(...three, '--since', '2023-11'), ['2023-10-30', '2023-11-01', '2023-11-13', '2024'], 'the range that ends in November; the invalid date is left out');
      assert.deepEqual(dates(...three, '--until', '2023-10'), ['2023-09', '2023-10-30'], 'all of October, so the range that starts in it');
      assert.deepEqual(dates(...three, '--since', '2023-09-15', '--until', '2023-09-20'), ['2023-09'], 'a month meets a week inside it');
      assert.deepEqual(dates(...three, '--since', '2023-11-02', '--until', '2023-11-02'), ['2023-10-30'], 'a range meets a day inside it');
      assert.deepEqual(dates(...three, '--since', '2024-06-01'), ['2024'], 'an approximate year counts as its year');
    });

    for (const [what, args, message] of [
      ['a month that does not exist', ['--since', '2023-13'], /--since takes a date, YYYY, YYYY-MM or YYYY-MM-DD \(got '2023-13'\)/],
      ['a day that does not exist', ['--until', '2023-02-30'], /--until takes a date/],
      ['an approximate date', ['--since', '~2023'], /--since takes a date/],
      ['text after the date', ['--since', '2023-11-01T10:00'], /--since takes a date/],
      ['a period that ends before it starts', ['--since', '2023-12', '--until', '2023-11'], /--since 2023-12 is after --until 2023-11/],
    ] as const) {
      test(`--since or --until with ${what}: exit 2 and a clear line`, () => {
        const result = run('events', sample, ...args);
        assert.deepEqual([result.code, result.stdout], [2, '']);
        assert.match(result.stderr, message);
      });
    }

    test('a file that cannot be read: exit 2 and nothing printed, rather than a chronology without it', () => {
      const result = run('events', first(), path.join(dir, 'missing.briefing'));
      assert.deepEqual([result.code, result.stdout], [2, '']);
      assert.match(result.stderr, /missing\.briefing: no such file/);
    });
  });

  test('export --format stix: one bundle of several files, reproducible; --timestamp sets modified', () => {
    const other = file('other.briefing', '---\ntitle: Other\ndate: 2024-01-05\ntlp: GREEN\nactors:\n  - name: Kim Jong Un\n---\nKim Jong Un.\n');
    const result = run('export', sample, other, '--format', 'stix');
    assert.equal(result.code, 0, result.stderr);
    const bundle = JSON.parse(result.stdout) as { type: string; objects: { type: string; name?: string; modified?: string }[] };
    assert.equal(bundle.type, 'bundle');
    assert.equal(bundle.objects.filter((object) => object.type === 'report').length, 2);
    assert.equal(bundle.objects.filter((object) => object.name === 'Kim Jong Un').length, 1);
    assert.equal(run('export', sample, other, '--format', 'stix').stdout, result.stdout);
    const stamped = JSON.parse(run('export', sample, '--format', 'stix', '--timestamp', '2024-02-03').stdout) as typeof bundle;
    assert.ok(stamped.objects.filter((object) => object.type === 'report').every((object) => object.modified === '2024-02-03T00:00:00.000Z'));
  });

  test('export --format stix: a bad --timestamp, --timestamp without stix, a registry as FILE: exit 2', () => {
    const bad = run('export', sample, '--format', 'stix', '--timestamp', 'yesterday');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--timestamp takes a date or a date and time/);
    assert.equal(run('export', sample, '--format', 'stix', '--timestamp', '2024-02-30').code, 2);
    assert.match(run('export', sample, '--timestamp', '2024-01-01').stderr, /--timestamp is an option of --format stix/);
    assert.match(run('export', sample, file('second.briefing', 'Text.\n'), '--format', 'json').stderr, /export takes exactly one FILE \(got 2\), or several with --format stix/);
    const registry = file('entities.yaml', 'actors:\n  - name: X\n');
    assert.match(run('export', registry, '--format', 'stix').stderr, /is a registry: give it with --entities/);
  });

  test('import: the sample back from its bundle; --out writes each briefing and never overwrites', () => {
    const bundlePath = file('sample.json', run('export', sample, '--format', 'stix').stdout);
    const printed = run('import', bundlePath);
    assert.equal(printed.code, 0, printed.stderr);
    assert.match(printed.stdout, /^---\ntitle: Kim Jong Un to meet Vladimir Putin in Vladivostok\n/);
    const outDir = path.join(dir, 'imported');
    const written = run('import', bundlePath, '--out', outDir);
    assert.equal(written.code, 0, written.stderr);
    const target = path.join(outDir, 'kim-jong-un-to-meet-vladimir-putin-in-vladivostok.briefing');
    assert.equal(written.stdout, `${target}\n`);
    assert.equal(fs.readFileSync(target, 'utf8'), printed.stdout);
    assert.equal(run('check', target).code, 0);
    const again = run('import', bundlePath, '--out', outDir);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists; nothing was written/);
  });

  test('import: not JSON, not a bundle, several reports without --out: exit 2 with a clear message', () => {
    const notJson = run('import', file('bad.json', '{ nope'));
    assert.equal(notJson.code, 2);
    assert.match(notJson.stderr, /bad\.json: This file is not JSON/);
    assert.match(run('import', file('array.json', '[]')).stderr, /a JSON array, not a STIX bundle/);
    const two = file('two.json', run('export', sample, file('copy.briefing', fs.readFileSync(sample, 'utf8')), '--format', 'stix').stdout);
    const many = run('import', two);
    assert.equal(many.code, 2);
    assert.match(many.stderr, /holds 2 reports, one briefing each: give --out DIR/);
    assert.match(run('import').stderr, /import takes exactly one BUNDLE \(got 0\)/);
  });

  test('--help and --version', () => {
    const help = run('--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /briefing check FILE\.\.\. \[--format text\|github\|gitlab\] \[--entities FILE\]\.\.\.\s+\[--max-warnings N\]/);
    assert.match(help.stdout, /briefing export FILE \[--format json\|csv\|graph\] \[--entities FILE\]/);
    assert.match(help.stdout, /briefing events FILE\.\.\. \[--format json\|csv\] \[--order chronological\|document\]/);
    const version = run('--version');
    assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version);
  });
});

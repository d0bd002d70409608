// Builds the extension and the command-line program (and, with --tests, the test bundles).
//   node esbuild.js               development build with source maps
//   node esbuild.js --production  minified, no source maps
//   node esbuild.js --watch       rebuild on change (type checking is `npm run typecheck`)
//   node esbuild.js --tests       also build test/** into out/
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const bench = process.argv.includes('--bench');
const { version } = require('./package.json');

/** Prints the lines the `$esbuild-watch` problem matcher of tasks.json looks for. */
const problemMatcherPlugin = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const { noNodeBuiltins } = require('./scripts/lib/noNodeBuiltins');
const { worldShapes } = require('./scripts/lib/worldShapes');
// We only read YAML: the parts of the yaml package that reading never reaches stay out (see the file).
const { yamlReaderOnly } = require('./scripts/lib/yamlReaderOnly');

// Every bundle takes the `yaml` package's process-free build (its "default" export, the one
// browsers get): the Node build reads process.env.LOG_TOKENS for every YAML token, a call into
// Node's C++ side that made about a quarter of the time of reading a long front matter.
const yamlWithoutProcess = './node_modules/yaml/browser/index.js';

// tinyglobby (the command-line program's patterns) as its CommonJS build: its ES module build
// reaches fdir's, which calls createRequire(import.meta.url), and a CommonJS bundle has no
// import.meta.url.
const tinyglobbyCommonJs = './node_modules/tinyglobby/dist/index.cjs';

// The on-demand code (src/features/onDemand/), the check task's terminal (src/features/checkTerminal/)
// and the product's writers (src/publish/) are bundles of their own, which the extension's bundle or
// the program's requires at run time from beside itself: the path stays as written.
const onDemandBeside = {
  name: 'on-demand-beside',
  setup(build) {
    build.onResolve({ filter: /^\.\/(onDemand|checkTerminal|publish)\.js$/ }, ({ path }) => ({ path, external: true }));
  },
};

const common = {
  bundle: true,
  alias: { yaml: yamlWithoutProcess, tinyglobby: tinyglobbyCommonJs },
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  // Text such as `–` and `·` as itself rather than as `\u2013` escapes: a smaller bundle.
  charset: 'utf8',
  logLevel: 'warning',
  define: { PACKAGE_VERSION: JSON.stringify(version), WEB_EXTENSION_HOST: 'false' },
  plugins: watch ? [yamlReaderOnly, onDemandBeside, problemMatcherPlugin] : [yamlReaderOnly, onDemandBeside],
};

/** The web extension host's bundles: for a browser, Node built-ins refused. */
const webHost = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  external: ['vscode'],
  mainFields: ['browser', 'module', 'main'],
  define: { ...common.define, WEB_EXTENSION_HOST: 'true' },
  plugins: [...common.plugins, noNodeBuiltins],
};

function testEntries(folder) {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { recursive: true })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => path.join(folder, file));
}

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', target: 'node18', external: ['vscode'] },
  { ...common, entryPoints: ['src/features/onDemand/index.ts'], outfile: 'dist/onDemand.js', platform: 'node', target: 'node18', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', platform: 'node', target: 'node18' },
  // The product's page and Word document (markdown-it, docx), read only to publish: by the program (so that
  // its other commands, run as new processes in CI, do not load them) and by the editor, the web's too.
  { ...webHost, entryPoints: ['src/publish/index.ts'], outfile: 'dist/publish.js' },
  // The check task's terminal, which runs a process: the desktop only.
  { ...common, entryPoints: ['src/features/checkTerminal/index.ts'], outfile: 'dist/checkTerminal.js', platform: 'node', target: 'node18', external: ['vscode'] },
  // VS Code for the Web: the same extension for the browser's extension host, and its on-demand
  // code. No Node built-in may be used (the build fails on one), and nothing of Node is polyfilled.
  { ...webHost, entryPoints: ['src/extension.ts'], outfile: 'dist/web/extension.js' },
  { ...webHost, entryPoints: ['src/features/onDemand/index.ts'], outfile: 'dist/web/onDemand.js' },
  // The pictures' pages: one browser bundle each, with its stylesheet, loaded only when a picture opens.
  {
    ...common,
    entryPoints: { timeline: 'src/webview/timeline/main.ts', linkChart: 'src/webview/linkChart/main.ts', map: 'src/webview/map/main.ts' },
    outdir: 'dist/webview',
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    plugins: [...common.plugins, noNodeBuiltins, worldShapes],
  },
];
if (tests) {
  // Unit and e2e tests run in plain Node; integration tests run inside VS Code's extension host.
  for (const [folder, external] of [
    ['test/unit', ['vscode', 'mocha', 'commonmark-spec', 'markdown-it', 'mammoth']],
    ['test/integration', ['vscode', 'mocha']],
    ['test/package', ['mocha', 'esbuild']],
    ['test/grammar', ['mocha', 'vscode-oniguruma', 'vscode-textmate']],
    ['test/property', ['mocha', 'fast-check', 'markdown-it']],
    ['test/e2e', ['mocha', 'playwright-core', 'playwright-core/*', 'mammoth']],
  ]) {
    const entryPoints = testEntries(folder);
    if (entryPoints.length === 0) continue;
    builds.push({
      ...common,
      minify: false,
      entryPoints,
      outdir: `out/${folder}`,
      outbase: folder,
      platform: 'node',
      target: 'node18',
      external,
    });
  }
}

if (tests) {
  // The integration suite for VS Code for the Web: one browser bundle, mocha included.
  builds.push({
    ...common,
    minify: false,
    entryPoints: ['test/web/index.ts'],
    outfile: 'out/test/web/index.js',
    platform: 'browser',
    target: 'es2022',
    external: ['vscode'],
    alias: { ...common.alias, 'node:assert/strict': './test/web/assert.ts', 'node:fs/promises': './test/web/fsStub.ts' },
  });
}

if (bench) {
  builds.push({
    ...common,
    minify: false,
    sourcemap: false,
    entryPoints: [
      'bench/run.ts',
      'bench/activate.ts',
      'bench/memory.ts',
      'bench/views.ts',
      'bench/w10k.ts',
      'bench/peakRss.ts',
      'bench/indexW10k.ts',
      'bench/timerFloor.ts',
      'bench/publish.ts',
    ],
    outdir: 'out/bench',
    platform: 'node',
    target: 'node18',
    external: ['vscode', 'markdown-it', 'modern-ahocorasick', 'playwright-core', 'playwright-core/*'],
  });
  // The fresh-process peer: markdown-it and the `yaml` package as a user has them installed
  // (not the bundles' build of `yaml`, which leaves out what the extension does not use).
  builds.push({
    entryPoints: ['bench/coldBaseline.ts'],
    outfile: 'out/bench/coldBaseline.js',
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node18',
    logLevel: 'warning',
    external: ['markdown-it', 'yaml'],
  });
}

async function main() {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((context) => context.watch()));
    return;
  }
  try {
    await Promise.all(contexts.map((context) => context.rebuild()));
  } finally {
    await Promise.all(contexts.map((context) => context.dispose()));
  }
  if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
  writeCountries();
}

/**
 * `dist/countries.txt`: the core's table of countries as a file, which the editor reads at
 * activation (documentStore.ts) rather than carry it in its bundle.
 */
function writeCountries() {
  const table = fs.readFileSync('src/core/geo/countryTable.ts', 'utf8');
  const rows = /COUNTRY_ROWS =\s*("(?:[^"\\]|\\.)*")/.exec(table);
  if (!rows) throw new Error('src/core/geo/countryTable.ts: no COUNTRY_ROWS');
  fs.mkdirSync('dist', { recursive: true });
  fs.writeFileSync('dist/countries.txt', JSON.parse(rows[1]));
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});

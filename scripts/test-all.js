// `npm test`: every layer of the tests in order (after `pretest`, which type-checks and builds),
// each run even when one before it failed, then one line per layer: passed or failed, and its
// time. Exits non-zero when any layer failed, so that CI stays red, and a newcomer sees in one
// place what ran and what did not pass. A failed layer's failures are printed again at the end:
// a CI log is often read from its tail, and a layer's own report scrolls out of it.
const { spawn } = require('node:child_process');

const LAYERS = [
  ['lint', 'lint', "ESLint, and Prettier's check of the formatting"],
  ['unit', 'test:unit', 'unit, grammar and property tests'],
  ['package', 'test:package', "the .vsix, the bundle's lifecycle, the CLI on the PATH"],
  ['integration', 'test:integration', 'in the extension host of a real VS Code'],
  ['web', 'test:web', 'in VS Code for the Web'],
  ['e2e', 'test:e2e', 'the real UI, with screenshots in test-results/'],
];
const REPEATED_LINES = 120;

// BRIEFING_TEST_NPM: another npm, for the test of this script.
const npm = process.env.BRIEFING_TEST_NPM ?? (process.platform === 'win32' ? 'npm.cmd' : 'npm');

/** Runs one layer, passing its output through as it comes and keeping it. */
function runLayer(script) {
  return new Promise((resolve) => {
    const chunks = [];
    const child = spawn(npm, ['run', '--silent', script], { stdio: ['inherit', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => (process.stdout.write(chunk), chunks.push(chunk)));
    child.stderr.on('data', (chunk) => (process.stderr.write(chunk), chunks.push(chunk)));
    child.on('error', (error) => resolve({ status: null, error, output: Buffer.concat(chunks).toString() }));
    child.on('close', (status) => resolve({ status, output: Buffer.concat(chunks).toString() }));
  });
}

/**
 * What to print again of a failed layer: mocha's list of failures if it has one, else the last
 * lines of its report. A dump of a server's log (after a runner's own line, `[integration] …`,
 * ending in "log:") is left out: the reason a layer failed is in its report, and a log's tail
 * would push it out of view.
 */
function failures(output) {
  const lines = output.split(/\r?\n/);
  const logDump = lines.findIndex((line) => /^\[[\w-]+\] .*\blog:$/.test(line));
  const report = logDump >= 0 ? lines.slice(0, logDump + 1) : lines;
  const failing = report.findIndex((line) => /^\s*\d+ failing\b/.test(line));
  const from = failing >= 0 ? failing : Math.max(0, report.length - REPEATED_LINES);
  const shown = report.slice(from, from + REPEATED_LINES);
  return shown.join('\n') + (report.length > from + REPEATED_LINES ? '\n  …' : '');
}

async function main() {
  const results = [];
  for (const [name, script, what] of LAYERS) {
    console.log(`\n== ${name}: ${what}`);
    const started = Date.now();
    const run = await runLayer(script);
    const passed = run.status === 0;
    results.push({ name, what, passed, seconds: (Date.now() - started) / 1000, error: run.error?.message, output: run.output });
  }

  const failed = results.filter((result) => !result.passed);
  for (const { name, output } of failed) console.log(`\n== ${name} failed:\n${failures(output)}`);
  const width = Math.max(...results.map((result) => result.name.length));
  console.log('\nnpm test:');
  for (const { name, what, passed, seconds, error } of results) {
    console.log(`  ${passed ? 'passed' : 'FAILED'}  ${name.padEnd(width)}  ${seconds.toFixed(0).padStart(4)} s  ${what}${error ? ` (${error})` : ''}`);
  }
  console.log(failed.length === 0 ? 'All layers passed.' : `${failed.length} of ${results.length} layers failed: ${failed.map((result) => result.name).join(', ')}.`);
  process.exit(failed.length === 0 ? 0 : 1);
}

main();

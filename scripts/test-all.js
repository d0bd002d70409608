// `npm test`: every layer of the tests in order (after `pretest`, which type-checks and builds),
// each run even when one before it failed, then one line per layer: passed or failed, and its
// time. Exits non-zero when any layer failed, so that CI stays red, and a newcomer sees in one
// place what ran and what did not pass.
const { spawnSync } = require('node:child_process');

const LAYERS = [
  ['lint', 'lint', "ESLint, and Prettier's check of the formatting"],
  ['unit', 'test:unit', 'unit, grammar and property tests'],
  ['package', 'test:package', "the .vsix, the bundle's lifecycle, the CLI on the PATH"],
  ['integration', 'test:integration', 'in the extension host of a real VS Code'],
  ['web', 'test:web', 'in VS Code for the Web'],
  ['e2e', 'test:e2e', 'the real UI, with screenshots in test-results/'],
];

// BRIEFING_TEST_NPM: another npm, for the test of this script.
const npm = process.env.BRIEFING_TEST_NPM ?? (process.platform === 'win32' ? 'npm.cmd' : 'npm');
const results = [];
for (const [name, script, what] of LAYERS) {
  console.log(`\n== ${name}: ${what}`);
  const started = Date.now();
  const run = spawnSync(npm, ['run', '--silent', script], { stdio: 'inherit' });
  const passed = run.status === 0;
  results.push({ name, what, passed, seconds: (Date.now() - started) / 1000, error: run.error?.message });
}

const width = Math.max(...results.map((result) => result.name.length));
console.log('\nnpm test:');
for (const { name, what, passed, seconds, error } of results) {
  console.log(`  ${passed ? 'passed' : 'FAILED'}  ${name.padEnd(width)}  ${seconds.toFixed(0).padStart(4)} s  ${what}${error ? ` (${error})` : ''}`);
}
const failed = results.filter((result) => !result.passed);
console.log(failed.length === 0 ? 'All layers passed.' : `${failed.length} of ${results.length} layers failed: ${failed.map((result) => result.name).join(', ')}.`);
process.exit(failed.length === 0 ? 0 : 1);

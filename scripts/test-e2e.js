// Runs the end-to-end UI tests (test/e2e, built into out/test/e2e) with mocha in plain Node.
// Each suite starts its own code-server and Chromium; screenshots go to test-results/.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { provision } = require('./lib/provision');
const { repoRoot } = require('./lib/repoRoot');

provision(); // once, before mocha's timeouts start
const mocha = path.join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
const result = spawnSync(process.execPath, [mocha, '--ui', 'tdd', '--reporter', 'spec', '--timeout', '180000', 'out/test/e2e/**/*.test.js'], {
  cwd: repoRoot,
  stdio: 'inherit',
  // About 10 minutes here; a CI machine in a slow spell took 14.
  timeout: 35 * 60 * 1000,
});
if (result.error) console.error(`[e2e] ${result.error.message}`);
process.exit(result.status ?? 1);

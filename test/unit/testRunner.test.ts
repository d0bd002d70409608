import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './util';

suite('npm test (scripts/test-all.js)', () => {
  test('runs every layer even after one fails, repeats its failures (not a log dumped after them), ends with one line per layer, and exits 1 when any failed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-test-all-'));
    try {
      // A stand-in npm: it records each script it is asked to run; test:integration fails as
      // mocha does, its list of failures followed by a server's log; test:web fails with no
      // list, its reason followed by a server's log.
      const fakeNpm = path.join(dir, 'npm');
      const log = path.join(dir, 'ran.txt');
      const serverLog = "printf '[x] code-server log:\\nserver line 1\\nserver line 2\\n'";
      const failing = `if [ "$3" = test:integration ]; then printf '  3 passing\\n  1 failing\\n\\n  1) the failed test\\n     AssertionError: not in the log:\\n'; ${serverLog}; exit 1; fi`;
      const failingWithoutList = `if [ "$3" = test:web ]; then printf '  9 passing\\n[web] the host logged errors\\n'; ${serverLog}; exit 1; fi`;
      fs.writeFileSync(fakeNpm, `#!/bin/sh\necho "$3" >> '${log}'\n${failing}\n${failingWithoutList}\n`, { mode: 0o755 });
      const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/test-all.js')], { encoding: 'utf8', env: { ...process.env, BRIEFING_TEST_NPM: fakeNpm } });
      assert.equal(run.status, 1);
      assert.deepEqual(fs.readFileSync(log, 'utf8').trim().split('\n'), ['lint', 'test:unit', 'test:package', 'test:integration', 'test:web', 'test:e2e']);
      const repeated = run.stdout.slice(run.stdout.indexOf('== integration failed:'), run.stdout.indexOf('npm test:'));
      assert.match(
        repeated,
        /^== integration failed:\n {2}1 failing\n\n {2}1\) the failed test\n {5}AssertionError: not in the log:\n\[x\] code-server log:\n\n== web failed:\n {2}9 passing\n\[web\] the host logged errors\n\[x\] code-server log:\n/,
      );
      assert.doesNotMatch(repeated, /server line/);
      const summary = run.stdout.slice(run.stdout.indexOf('npm test:')).trim().split('\n');
      assert.deepEqual(
        summary.slice(1).map((line) => line.trim().split(/\s+/).slice(0, 2).join(' ')),
        ['passed lint', 'passed unit', 'passed package', 'FAILED integration', 'FAILED web', 'passed e2e', '2 of'],
      );
      assert.match(summary[summary.length - 1], /^2 of 6 layers failed: integration, web\.$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

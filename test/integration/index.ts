// The integration suite's entry point, loaded by VS Code's extension host (code-server or
// @vscode/test-electron). It runs every *.test.js beside it with mocha and rejects on failure.
import * as fs from 'node:fs';
import * as path from 'node:path';

// mocha is loaded at run time from node_modules (not bundled): its UMD header would replace
// this bundle's exports.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Mocha: typeof import('mocha') = require('mocha');

export function run(): Promise<void> {
  // INTEGRATION_GREP runs only the tests whose titles match, while working on them.
  // A test that times out goes on running beside the next ones and upsets them: the default is
  // ample for a loaded machine, and waits inside a test are bounded below it.
  const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', color: false, timeout: 60_000, grep: process.env.INTEGRATION_GREP });
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}

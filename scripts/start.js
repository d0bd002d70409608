// `npm start`: builds, then opens samples/ in a real VS Code with the extension loaded from
// this repository — `code --extensionDevelopmentPath` when `code` is on PATH, else code-server
// on 127.0.0.1 (prints the URL) until Ctrl+C, leaving no process behind.
const { spawnSync, spawn } = require('node:child_process');
const path = require('node:path');
const { repoRoot } = require('./lib/repoRoot');

const samples = path.join(repoRoot, 'samples');

function build() {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'esbuild.js')], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function codeOnPath() {
  if (process.env.BRIEFING_USE_CODE_SERVER) return undefined;
  const result = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

async function main() {
  build();
  const code = codeOnPath();
  if (code) {
    console.log(`Opening ${samples} in VS Code (${code}) with the extension from ${repoRoot}`);
    const child = spawn(code, ['--new-window', `--extensionDevelopmentPath=${repoRoot}`, samples], { stdio: 'inherit' });
    child.on('exit', (status) => process.exit(status ?? 0));
    return;
  }
  const { provision } = require('./lib/provision');
  const { startCodeServer, workbenchUrl, remoteUri, freePort } = require('./lib/codeServer');
  const tools = provision();
  const wanted = Number(process.env.BRIEFING_PORT ?? 8765);
  const port = (await isFree(wanted)) ? wanted : await freePort();
  const server = await startCodeServer({
    node24: tools.NODE24,
    entry: tools.CODE_SERVER_ENTRY,
    folder: samples,
    port,
    // Without the smoke-test driver, code-server ignores the extensionDevelopmentPath payload.
    extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
  });
  const url = workbenchUrl(server, samples, [['extensionDevelopmentPath', remoteUri(server, repoRoot)]]);
  console.log('\nVS Code (code-server) is running on loopback only, with the extension loaded from this repository.');
  console.log(`Open this URL in a browser:\n\n  ${url}\n`);
  console.log('Rebuild with `npm run watch` in another terminal, then reload the window. Press Ctrl+C to stop.');
  // code-server runs until a signal; the signal handlers of lib/codeServer kill its process group.
  await new Promise(() => {});
}

function isFree(port) {
  const net = require('node:net');
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

main().catch((error) => {
  console.error(`npm start: ${error.message ?? error}`);
  process.exit(1);
});

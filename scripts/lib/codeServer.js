// Starts code-server (VS Code for the web) on loopback for tests and `npm start`, in its own
// process group, with every bit of state in a temporary folder, and stops it for certain.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { sharedOnProcess } = require('./sharedOnProcess');

const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'remote.autoForwardPorts': false,
  'workbench.startupEditor': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.enabled': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'window.commandCenter': false,
  'workbench.layoutControl.enabled': false,
};

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

function get(url, timeoutMs) {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: timeoutMs }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(0));
  });
}

// Servers still running: killed, with their state removed, however this process ends.
const running = sharedOnProcess(
  'runningCodeServers',
  () => new Set(),
  (servers) => {
    const killAll = () => {
      for (const server of servers) {
        server.kill();
        fs.rmSync(server.home, { recursive: true, force: true });
      }
    };
    process.on('exit', killAll);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
      process.on(signal, () => {
        killAll();
        process.exit(signal === 'SIGINT' ? 130 : 143);
      });
    }
  },
);

/**
 * @param {{ node24: string, entry: string, folder: string, settings?: object, extraArgs?: string[], workspaceTrust?: boolean,
 *           extensionsDir?: string, log?: (line: string) => void, port?: number, startTimeoutMs?: number }} options
 */
async function startCodeServer(options) {
  const port = options.port ?? (await freePort());
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'analyst-briefings-cs-'));
  const userDataDir = path.join(home, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(home, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...options.settings }, null, 2));
  const config = path.join(home, 'config.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const logFile = path.join(home, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');

  const args = [
    options.entry,
    '--config',
    config,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    ...(options.extraArgs ?? []),
    options.folder,
  ];
  const child = spawn(options.node24, args, {
    detached: true, // its own process group, killed as a whole
    stdio: ['ignore', logFd, logFd],
    env: {
      ...process.env,
      XDG_CONFIG_HOME: path.join(home, 'config'),
      XDG_DATA_HOME: path.join(home, 'data'),
      XDG_CACHE_HOME: path.join(home, 'cache'),
      HOME: home, // nothing of ours lands in the real $HOME
    },
  });
  fs.closeSync(logFd);
  let exited = false;
  child.on('exit', () => (exited = true));

  const server = {
    port,
    url: `http://127.0.0.1:${port}`,
    home,
    logFile,
    readLog: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
    /** Kills the whole process group (the server keeps extension hosts alive otherwise). */
    kill() {
      if (!running.has(server)) return;
      running.delete(server);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    },
    /** Stops the server and removes its temporary state. */
    async stop() {
      server.kill();
      for (let i = 0; i < 50 && !exited; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
  running.add(server);

  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (exited) break;
    if ((await get(`${server.url}/healthz`, 1000)) === 200) return server;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const log = server.readLog();
  await server.stop();
  throw new Error(`code-server did not become healthy on port ${port}${exited ? ' (it exited)' : ''}.\n${log}`);
}

/**
 * Installs a .vsix into an extensions folder with `code-server --install-extension`,
 * its state in a temporary folder. Bounded in time.
 */
function installExtension({ node24, entry, vsix, extensionsDir }) {
  const { spawnSync } = require('node:child_process');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'analyst-briefings-install-'));
  try {
    const result = spawnSync(node24, [entry, '--user-data-dir', path.join(home, 'user-data'), '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'data'), XDG_CACHE_HOME: path.join(home, 'cache') },
    });
    if (result.status !== 0) throw new Error(`installing ${vsix} failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
    return `${result.stdout}${result.stderr}`;
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

/** The workbench URL that opens `folder` with the given payload entries. */
function workbenchUrl(server, folder, payload) {
  const query = new URLSearchParams({ folder });
  if (payload && payload.length > 0) query.set('payload', JSON.stringify(payload));
  return `${server.url}/?${query.toString()}`;
}

/** A `vscode-remote://` URI of a path on the server. */
function remoteUri(server, absolutePath) {
  return `vscode-remote://127.0.0.1:${server.port}${absolutePath}`;
}

module.exports = { startCodeServer, installExtension, workbenchUrl, remoteUri, freePort };

import * as assert from 'node:assert/strict';
import Module from 'node:module';
import * as path from 'node:path';
import { ResourceTracker, trackingVscode } from './trackingVscode';

const repoRoot = path.resolve(__dirname, '../../..');
const bundle = path.join(repoRoot, 'dist/extension.js');

interface ExtensionModule {
  activate(context: { subscriptions: { dispose(): unknown }[]; extensionUri: unknown; workspaceState: unknown }): unknown;
  deactivate?(): unknown;
}

type Loader = (request: string, ...rest: unknown[]) => unknown;

/**
 * Deactivation, as VS Code does it: `deactivate()`, then every subscription of the context
 * disposed. Real extension hosts never activate an extension twice in one process; this test
 * does, so that anything left behind by the first activation shows.
 */
suite('activation and deactivation (the bundle, with a tracking vscode)', () => {
  const tracker = new ResourceTracker();
  const moduleWithLoader = Module as unknown as { _load: Loader };
  const originalLoad = moduleWithLoader._load;
  let extension: ExtensionModule;

  suiteSetup(() => {
    const vscode = trackingVscode(tracker);
    moduleWithLoader._load = function (request: string, ...rest: unknown[]) {
      return request === 'vscode' ? vscode : originalLoad.call(this, request, ...rest);
    };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    extension = require(bundle) as ExtensionModule;
  });

  suiteTeardown(() => {
    moduleWithLoader._load = originalLoad;
  });

  const activateAndDeactivate = () => {
    const before = tracker.resources.length;
    const context = { subscriptions: [] as { dispose(): unknown }[], extensionUri: {}, workspaceState: { get: () => undefined, update: async () => undefined } };
    extension.activate(context);
    const acquired = tracker.resources.length - before;
    extension.deactivate?.();
    for (const subscription of context.subscriptions) subscription.dispose();
    return acquired;
  };

  test('deactivating disposes every subscription, registration, view and emitter', () => {
    const acquired = activateAndDeactivate();
    // Providers, commands, views, watchers and listeners: a test that saw few would prove little.
    assert.ok(acquired > 40, `activation acquired ${acquired} resources`);
    assert.ok(tracker.resources.some((resource) => resource.origin.endsWith('registerCommand(briefing.events.refresh)')));
    assert.ok(tracker.resources.some((resource) => resource.origin.endsWith('createTreeView')));
    assert.deepEqual(tracker.leaked(), []);
  });

  test('activating again after deactivating registers everything again, and leaves nothing behind', () => {
    const first = tracker.resources.length;
    const acquired = activateAndDeactivate();
    assert.equal(acquired, first, 'the second activation acquires what the first did');
    assert.deepEqual(tracker.leaked(), []);
    assert.equal(tracker.liveCommands.size, 0);
  });
});

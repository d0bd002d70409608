/**
 * Times `require` of the production bundle and its `activate()` in a fresh process, with a
 * stand-in for `vscode`. Prints JSON: { requireMs, activateMs }.
 */
import Module from 'node:module';
import * as path from 'node:path';
import { fakeVscode } from './fakeVscode';

const bundle = path.resolve(process.argv[2]);
const originalLoad = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
(Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? fakeVscode : originalLoad.call(this, request, ...rest);
};
const start = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const extension = require(bundle) as { activate(context: unknown): unknown };
const loaded = performance.now();
extension.activate({ subscriptions: [], extensionUri: fakeVscode, workspaceState: { get: () => undefined, update: async () => undefined } });
const activated = performance.now();
process.stdout.write(JSON.stringify({ requireMs: loaded - start, activateMs: activated - loaded }));

/** Imported first by the index bench: `vscode` is the Node stand-in of nodeVscode.ts, over the folder the bench is given. */
import Module from 'node:module';
import { nodeVscode } from './nodeVscode';

const fake = nodeVscode(process.argv[2]);
const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
(Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? fake : load.call(this, request, ...rest);
};

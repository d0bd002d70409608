import * as vscode from 'vscode';
import { errorMessage } from '../core';
import type * as OnDemandModule from './onDemand';
import { runOwnBundle } from './runBundle';

declare const WEB_EXTENSION_HOST: boolean;

export type OnDemand = typeof OnDemandModule;

/**
 * The code that runs only on a user's command (exports, the Add Actor steps, the filter's
 * choices) is a bundle of its own, `dist/onDemand.js`, read the first time one of those commands
 * runs: the bundle read at every activation carries only what every session needs.
 */
export class OnDemandCode {
  #loading: Promise<OnDemand> | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** The on-demand code, or undefined (the user told why) when it cannot be read. */
  async load(): Promise<OnDemand | undefined> {
    this.#loading ??= this.#read();
    try {
      return await this.#loading;
    } catch (error) {
      this.#loading = undefined;
      void vscode.window.showErrorMessage(`Analyst Briefings could not load this command's code (${errorMessage(error)}). Reinstalling the extension should mend it.`);
      return undefined;
    }
  }

  /** A command whose steps are on-demand code: they run once the code is read (the user told when it cannot be). */
  command<A extends unknown[]>(id: string, run: (code: OnDemand, ...args: A) => unknown): vscode.Disposable {
    return vscode.commands.registerCommand(id, async (...args: A) => {
      const code = await this.load();
      return code && run(code, ...args);
    });
  }

  async #read(): Promise<OnDemand> {
    // Node's require, relative to dist/extension.js (esbuild leaves this path alone: see esbuild.js).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle beside this one, read at run time
    if (!WEB_EXTENSION_HOST) return require('./onDemand.js') as OnDemand;
    return (await runOwnBundle(this.extensionUri, 'dist', 'web', 'onDemand.js')) as OnDemand;
  }
}

import * as vscode from 'vscode';
import { BriefingStore } from '../core';
import type { RegistryWatcher } from './registryWatcher';

export interface DocumentStoreRegistration {
  readonly store: BriefingStore;
  /** Fires when every model was dropped because the workspace registries changed. */
  readonly onDidInvalidate: vscode.Event<void>;
  readonly registration: vscode.Disposable;
}

/** The shared model cache, parsed with the workspace registries; closed documents are evicted. */
export function registerDocumentStore(registries: RegistryWatcher): DocumentStoreRegistration {
  const store = new BriefingStore(() => ({ registries: registries.registries }));
  const invalidated = new vscode.EventEmitter<void>();
  return {
    store,
    onDidInvalidate: invalidated.event,
    registration: vscode.Disposable.from(
      invalidated,
      vscode.workspace.onDidCloseTextDocument((document) => store.evict(document.uri)),
      registries.onDidChange(() => {
        store.invalidate();
        invalidated.fire();
      }),
    ),
  };
}

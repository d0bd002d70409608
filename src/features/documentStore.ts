import * as vscode from 'vscode';
import { BriefingStore } from '../core';

export interface DocumentStoreRegistration {
  readonly store: BriefingStore;
  /** Fires when every model was dropped (the workspace registries changed). */
  readonly onDidInvalidate: vscode.Event<void>;
  readonly invalidate: () => void;
  readonly registration: vscode.Disposable;
}

/** The shared model cache; closed documents are evicted. */
export function registerDocumentStore(): DocumentStoreRegistration {
  const store = new BriefingStore();
  const invalidated = new vscode.EventEmitter<void>();
  return {
    store,
    onDidInvalidate: invalidated.event,
    invalidate: () => {
      store.invalidate();
      invalidated.fire();
    },
    registration: vscode.Disposable.from(
      invalidated,
      vscode.workspace.onDidCloseTextDocument((document) => store.evict(document.uri)),
    ),
  };
}

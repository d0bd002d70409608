import * as vscode from 'vscode';
import { BriefingStore } from '../core';

/** The shared model cache; closed documents are evicted. */
export function registerDocumentStore(): { store: BriefingStore; registration: vscode.Disposable } {
  const store = new BriefingStore();
  const registration = vscode.workspace.onDidCloseTextDocument((document) => store.evict(document.uri));
  return { store, registration };
}

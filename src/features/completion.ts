import * as vscode from 'vscode';
import type { BriefingStore } from '../core';
import type { OnDemandCode } from './loadOnDemand';
import { BRIEFING_SELECTOR } from './selector';
import type { RegistryWatcher } from './registryWatcher';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * Completion in a briefing (what it offers: src/features/onDemand/completionItems.ts). The
 * provider is registered at activation; its code is on-demand, read at the first completion, so
 * that the bundle every session loads stays within its budget.
 */
export function registerCompletion(store: BriefingStore, index: WorkspaceIndex, registries: RegistryWatcher, onDemand: OnDemandCode): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    BRIEFING_SELECTOR,
    {
      async provideCompletionItems(document, position, token) {
        return (await onDemand.load())?.completionItems(store, index, registries, document, position, token);
      },
      async resolveCompletionItem(item) {
        return (await onDemand.load())?.resolveCompletionItem(item) ?? item;
      },
    },
    '#',
    '(',
  );
}

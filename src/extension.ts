import * as vscode from 'vscode';
import type { Briefing } from './core';
import { registerDocumentStore } from './features/documentStore';
import { registerFolding } from './features/folding';
import { registerNewBriefing } from './features/newBriefing';
import { registerOpenSample } from './features/openSample';
import { registerSemanticTokens } from './features/semanticTokens';
import { registerShowModel } from './features/showModel';

/** What `activate()` returns: the extension's public API, used by tests and other extensions. */
export interface BriefingsApi {
  /** The model of a briefing document (parsed once per document version, shared by every feature). */
  getBriefing(document: vscode.TextDocument): Briefing;
}

export function activate(context: vscode.ExtensionContext): BriefingsApi {
  const models = registerDocumentStore();
  const { store } = models;
  context.subscriptions.push(
    models.registration,
    registerSemanticTokens(store, models.onDidInvalidate),
    registerFolding(store),
    registerShowModel(store),
    registerNewBriefing(),
    registerOpenSample(context.extensionUri),
  );
  return { getBriefing: (document) => store.get(document) };
}

export function deactivate(): void {}

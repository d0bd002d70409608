import * as vscode from 'vscode';
import { unusedHints, type BriefingStore, type Diagnostic as CoreDiagnostic } from '../core';
import { toRange } from './convert';
import type { RegistryWatcher } from './registryWatcher';
import type { LargeFiles } from './largeFiles';
import { BRIEFING_LANGUAGE } from './selector';

export const DIAGNOSTICS_DELAY_MS = 250;
const SEVERITIES: Record<CoreDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toDiagnostic(diagnostic: CoreDiagnostic): vscode.Diagnostic {
  const result = new vscode.Diagnostic(toRange(diagnostic.range), diagnostic.message, SEVERITIES[diagnostic.severity]);
  result.source = 'briefing';
  result.code = diagnostic.code;
  return result;
}

/**
 * Publishes the core's diagnostics: at once when a briefing opens, then about 250 ms after the
 * last keystroke (changed documents wait in one pending set for one timer); cleared when a
 * document closes; republished when the registries change. A document version is published
 * at most once. Registry files get their own diagnostics. What the text never uses (an entry's
 * name never mentioned, a source never cited) is faded: a hint, not a problem.
 */
export function registerDiagnostics(store: BriefingStore, registries: RegistryWatcher, onModelsInvalidated: vscode.Event<void>, largeFiles: LargeFiles): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('briefing');
  const registryCollection = vscode.languages.createDiagnosticCollection('briefing-registries');
  const pending = new Set<vscode.TextDocument>();
  const published = new Map<string, unknown>(); // uri → the model last published
  let timer: ReturnType<typeof setTimeout> | undefined;

  const publish = (document: vscode.TextDocument) => {
    if (document.isClosed || document.languageId !== BRIEFING_LANGUAGE) return;
    if (largeFiles.isLarge(document)) {
      collection.delete(document.uri);
      return;
    }
    const model = store.get(document);
    const key = document.uri.toString();
    if (published.get(key) === model) return; // this version is already shown
    published.set(key, model);
    const diagnostics = model.diagnostics.map(toDiagnostic);
    for (const hint of unusedHints(model)) {
      const faded = toDiagnostic(hint);
      faded.tags = [vscode.DiagnosticTag.Unnecessary];
      diagnostics.push(faded);
    }
    collection.set(document.uri, diagnostics);
  };
  const flush = () => {
    timer = undefined;
    for (const document of pending) publish(document);
    pending.clear();
  };
  const schedule = (document: vscode.TextDocument) => {
    pending.add(document);
    timer ??= setTimeout(flush, DIAGNOSTICS_DELAY_MS);
  };
  const publishRegistries = () => {
    registryCollection.clear();
    for (const registry of registries.registries) {
      registryCollection.set(vscode.Uri.parse(registry.source), registry.diagnostics.map(toDiagnostic));
    }
  };

  vscode.workspace.textDocuments.forEach(publish);
  publishRegistries();
  return vscode.Disposable.from(
    collection,
    registryCollection,
    { dispose: () => clearTimeout(timer) },
    vscode.workspace.onDidOpenTextDocument(publish),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.languageId === BRIEFING_LANGUAGE && event.contentChanges.length > 0) schedule(event.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      pending.delete(document);
      published.delete(document.uri.toString());
      collection.delete(document.uri);
    }),
    onModelsInvalidated(() => vscode.workspace.textDocuments.forEach(publish)),
    registries.onDidChange(publishRegistries),
  );
}

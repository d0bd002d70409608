import * as vscode from 'vscode';
import type { BriefingStore } from '../core';
import type { OnDemandCode } from './loadOnDemand';
import { BRIEFING_LANGUAGE } from './selector';

const SCHEME = 'briefing-model';

/**
 * "Briefing: Show Model as JSON": the active briefing's export (as `briefing export` prints it),
 * in a read-only editor beside it that follows the briefing's edits.
 */
export function registerShowModel(store: BriefingStore, onDemand: OnDemandCode): vscode.Disposable {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const modelUri = (source: vscode.Uri) => vscode.Uri.from({ scheme: SCHEME, path: `/${source.path.split('/').pop() ?? 'briefing'}.json`, query: source.toString() });

  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri) {
      const source = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.query);
      if (!source) return '// The briefing is no longer open.\n';
      const code = await onDemand.load();
      return code ? code.toJson(store.get(source)) : "// This command's code could not be loaded.\n";
    },
  };

  return vscode.Disposable.from(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.languageId !== BRIEFING_LANGUAGE) return;
      const target = modelUri(event.document.uri);
      if (vscode.workspace.textDocuments.some((document) => document.uri.toString() === target.toString())) changed.fire(target);
    }),
    onDemand.command('briefing.showModel', (code) => code.showModel(modelUri)),
  );
}

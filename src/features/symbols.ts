import * as vscode from 'vscode';
import { documentSymbols, eventLabel, type BriefingStore, type BriefingSymbol, type SymbolKind } from '../core';
import { definitionUri, toRange } from './convert';
import { BRIEFING_SELECTOR } from './selector';
import type { WorkspaceIndex } from './workspaceIndex';

const KINDS: Record<SymbolKind, vscode.SymbolKind> = {
  frontMatter: vscode.SymbolKind.Namespace,
  section: vscode.SymbolKind.String, // as VS Code's Markdown outline shows headings
  event: vscode.SymbolKind.Event,
  actor: vscode.SymbolKind.Class,
  place: vscode.SymbolKind.Field,
};
const MAX_WORKSPACE_SYMBOLS = 2000;

function toDocumentSymbol(symbol: BriefingSymbol): vscode.DocumentSymbol {
  const result = new vscode.DocumentSymbol(symbol.name, symbol.detail, KINDS[symbol.kind], toRange(symbol.range), toRange(symbol.selectionRange));
  result.children = symbol.children.map(toDocumentSymbol);
  return result;
}

/** Whether every character of the query appears in the name in order, ignoring case (as VS Code filters). */
function matchesQuery(name: string, query: string): boolean {
  if (query === '') return true;
  const lower = name.toLowerCase();
  let at = 0;
  for (const char of query.toLowerCase()) {
    at = lower.indexOf(char, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** The outline of a briefing, and the entities and events of every briefing as workspace symbols. */
export function registerSymbols(store: BriefingStore, index: WorkspaceIndex): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerDocumentSymbolProvider(
      BRIEFING_SELECTOR,
      {
        provideDocumentSymbols(document) {
          return documentSymbols(store.get(document)).map(toDocumentSymbol);
        },
      },
      { label: 'Briefing' },
    ),
    vscode.languages.registerWorkspaceSymbolProvider({
      async provideWorkspaceSymbols(query, token) {
        const symbols: vscode.SymbolInformation[] = [];
        const registryEntities = new Set<string>();
        for (const { uri, summary: model } of await index.summaries(token)) {
          if (token.isCancellationRequested) return undefined;
          const container = uri.path.split('/').pop() ?? '';
          for (const entity of model.entities) {
            if (entity.definition.source !== undefined) {
              // A registry entity is listed once, where it is defined.
              const key = `${entity.definition.source}#${entity.name}`;
              if (registryEntities.has(key)) continue;
              registryEntities.add(key);
            }
            if (!matchesQuery(entity.name, query)) continue;
            const location = new vscode.Location(definitionUri(entity.definition.source, uri), toRange(entity.definition.nameRange));
            const where = entity.definition.source === undefined ? container : (entity.definition.source.split('/').pop() ?? '');
            symbols.push(new vscode.SymbolInformation(entity.name, KINDS[entity.kind], where, location));
          }
          for (const event of model.events) {
            const label = eventLabel(event);
            if (matchesQuery(label, query)) symbols.push(new vscode.SymbolInformation(label, vscode.SymbolKind.Event, container, new vscode.Location(uri, toRange(event.range))));
          }
          if (symbols.length >= MAX_WORKSPACE_SYMBOLS) break;
        }
        return symbols.slice(0, MAX_WORKSPACE_SYMBOLS);
      },
    }),
  );
}

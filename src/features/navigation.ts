import * as vscode from 'vscode';
import type { BriefingStore, Entity } from '../core';
import { entityAt } from '../core/lookup';
import { definitionUri, toRange } from './convert';
import { BRIEFING_SELECTOR } from './selector';
import type { WorkspaceIndex } from './workspaceIndex';

/** Go to Definition, Find All References and the highlights of the other mentions. */
export function registerNavigation(store: BriefingStore, index: WorkspaceIndex): vscode.Disposable {
  const definitionLocation = (entity: Entity, uri: vscode.Uri) => new vscode.Location(definitionUri(entity.definition.source, uri), toRange(entity.definition.nameRange));

  return vscode.Disposable.from(
    vscode.languages.registerDefinitionProvider(BRIEFING_SELECTOR, {
      provideDefinition(document, position) {
        const found = entityAt(store.get(document), document.offsetAt(position));
        return found ? definitionLocation(found.entity, document.uri) : undefined;
      },
    }),
    vscode.languages.registerReferenceProvider(BRIEFING_SELECTOR, {
      async provideReferences(document, position, context, token) {
        const found = entityAt(store.get(document), document.offsetAt(position));
        if (!found) return undefined;
        const { entity } = found;
        const locations = entity.mentions.map((mention) => new vscode.Location(document.uri, toRange(mention.range)));
        if (entity.definition.source !== undefined) {
          // A registry entity: its mentions in every other briefing that uses it.
          for (const { uri, model } of await index.briefings(token)) {
            if (uri.toString() === document.uri.toString()) continue;
            const same = model.entities.find((other) => other.name === entity.name && other.definition.source === entity.definition.source);
            for (const mention of same?.mentions ?? []) locations.push(new vscode.Location(uri, toRange(mention.range)));
          }
        }
        if (context.includeDeclaration) locations.unshift(definitionLocation(entity, document.uri));
        return locations;
      },
    }),
    vscode.languages.registerDocumentHighlightProvider(BRIEFING_SELECTOR, {
      provideDocumentHighlights(document, position) {
        const found = entityAt(store.get(document), document.offsetAt(position));
        if (!found) return undefined;
        const { entity } = found;
        const highlights = entity.mentions.map((mention) => new vscode.DocumentHighlight(toRange(mention.range), vscode.DocumentHighlightKind.Read));
        if (entity.definition.source === undefined) highlights.unshift(new vscode.DocumentHighlight(toRange(entity.definition.nameRange), vscode.DocumentHighlightKind.Write));
        return highlights;
      },
    }),
  );
}

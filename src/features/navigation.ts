import * as vscode from 'vscode';
import { citationsOf, mentionPositionsOf, symbolAt, type Briefing, type BriefingStore, type Entity, type SourceAt } from '../core';
import { definitionUri, toRange } from './convert';
import { BRIEFING_SELECTOR } from './selector';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * Go to Definition, Find All References and the highlights of the other mentions, for actors
 * and places, and for sources: a citation goes to the source's entry, and a source's references
 * are its citations.
 */
export function registerNavigation(store: BriefingStore, index: WorkspaceIndex): vscode.Disposable {
  const definitionLocation = (entity: Entity, uri: vscode.Uri) => new vscode.Location(definitionUri(entity.definition.source, uri), toRange(entity.definition.nameRange));

  return vscode.Disposable.from(
    vscode.languages.registerDefinitionProvider(BRIEFING_SELECTOR, {
      provideDefinition(document, position) {
        const model = store.get(document);
        const found = symbolAt(model, document.offsetAt(position));
        if (found?.kind === 'entity') return definitionLocation(found.entity, document.uri);
        return found?.source ? new vscode.Location(document.uri, toRange(found.source.labelRange)) : undefined;
      },
    }),
    vscode.languages.registerReferenceProvider(BRIEFING_SELECTOR, {
      async provideReferences(document, position, context, token) {
        const model = store.get(document);
        const found = symbolAt(model, document.offsetAt(position));
        if (!found) return undefined;
        if (found.kind === 'source') return sourceReferences(model, found, context.includeDeclaration).map((range) => new vscode.Location(document.uri, range));
        const { entity } = found;
        const locations = entity.mentions.map((mention) => new vscode.Location(document.uri, toRange(mention.range)));
        if (entity.definition.source !== undefined) {
          // A registry entity: its mentions in every other briefing that uses it.
          for (const { uri, summary } of await index.summaries(token)) {
            if (uri.toString() === document.uri.toString()) continue;
            const same = summary.entities.find((other) => other.name === entity.name && other.definition.source === entity.definition.source);
            for (const range of same ? mentionPositionsOf(same) : []) locations.push(new vscode.Location(uri, toRange(range)));
          }
        }
        if (context.includeDeclaration) locations.unshift(definitionLocation(entity, document.uri));
        return locations;
      },
    }),
    vscode.languages.registerDocumentHighlightProvider(BRIEFING_SELECTOR, {
      provideDocumentHighlights(document, position) {
        const model = store.get(document);
        const found = symbolAt(model, document.offsetAt(position));
        if (!found) return undefined;
        if (found.kind === 'source') {
          return sourceReferences(model, found, true).map(
            (range, index) => new vscode.DocumentHighlight(range, index === 0 && found.source ? vscode.DocumentHighlightKind.Write : vscode.DocumentHighlightKind.Read),
          );
        }
        const { entity } = found;
        const highlights = entity.mentions.map((mention) => new vscode.DocumentHighlight(toRange(mention.range), vscode.DocumentHighlightKind.Read));
        if (entity.definition.source === undefined) highlights.unshift(new vscode.DocumentHighlight(toRange(entity.definition.nameRange), vscode.DocumentHighlightKind.Write));
        return highlights;
      },
    }),
  );
}

/** The ranges of a source's citations, with its label first when asked and listed. */
function sourceReferences(model: Briefing, found: SourceAt, includeLabel: boolean): vscode.Range[] {
  const ranges = citationsOf(model, found.id).map((citation) => toRange(citation.range));
  if (includeLabel && found.source) ranges.unshift(toRange(found.source.labelRange));
  return ranges;
}

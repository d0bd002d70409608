import * as vscode from 'vscode';
import { mentionPositionsOf, type Entity, type SummaryEntity } from '../../core';
import type { ShownSource } from '../eventsView';
import type { ActiveBriefing } from '../activeBriefing';
import type { ActorsView } from '../actorsView';
import { definitionUri, toRange } from '../convert';
import { columnBeside } from '../pictureColumn';

/**
 * What a picture chose (a node, a place, a country's entity): selected in the Actors view, and
 * its entry shown beside the picture (a registry entity's first mention in the briefing, else its
 * registry), the picture keeping the focus. Read from the active briefing if it has it, else from
 * the first briefing that has. Returns the entity, or undefined when none has that id.
 */
export async function openEntity(
  id: unknown,
  sources: readonly ShownSource[],
  context: { readonly active: ActiveBriefing; readonly actors: ActorsView },
  picture: vscode.WebviewPanel | undefined,
): Promise<Entity | SummaryEntity | undefined> {
  const found = typeof id === 'string' ? entityOf(id, sources, context.active) : undefined;
  if (!found) return undefined;
  const { entity, uri: briefingUri } = found;
  // The Actors view and the editor at once: the view's reveal may first open its container.
  void context.actors.selectNamed(entity.name);
  const firstMention = 'mentionPositions' in entity ? mentionPositionsOf(entity)[0] : entity.mentions[0]?.range;
  const atEntry = entity.definition.source === undefined || !firstMention;
  const uri = atEntry ? definitionUri(entity.definition.source, briefingUri) : briefingUri;
  const selection = toRange(atEntry ? entity.definition.nameRange : firstMention);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { viewColumn: columnBeside(picture, uri), preserveFocus: true, selection });
  return entity;
}

function entityOf(id: string, sources: readonly ShownSource[], active: ActiveBriefing) {
  const activeUri = active.document?.uri.toString();
  const ordered = [...sources].sort((a, b) => Number(b.source === activeUri) - Number(a.source === activeUri));
  for (const { source, briefing } of ordered) {
    const entity = (briefing.entities as readonly (Entity | SummaryEntity)[]).find((candidate) => candidate.id === id);
    if (entity) return { entity, uri: vscode.Uri.parse(source, true) };
  }
  return undefined;
}

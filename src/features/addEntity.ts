import * as vscode from 'vscode';
import type { BriefingStore, EntityKind } from '../core';
import type { ActiveBriefing } from './activeBriefing';
import type { OnDemandCode } from './loadOnDemand';
import type { AddEntityArguments } from './onDemand/addEntity';

export const ADD_ACTOR_COMMAND = 'briefing.addActor';
export const ADD_PLACE_COMMAND = 'briefing.addPlace';

export type { AddEntityArguments } from './onDemand/addEntity';

/**
 * "Add Actor…" and "Add Place…": quick inputs for the entry's fields, then the entry written into
 * the front matter as one edit (the steps are on-demand code: onDemand/addEntity.ts).
 */
export function registerAddEntity(store: BriefingStore, active: ActiveBriefing, onDemand: OnDemandCode): vscode.Disposable {
  const add = (kind: EntityKind) => async (args?: AddEntityArguments) => (await onDemand.load())?.addEntity(store, active, kind, args) ?? false;
  return vscode.Disposable.from(vscode.commands.registerCommand(ADD_ACTOR_COMMAND, add('actor')), vscode.commands.registerCommand(ADD_PLACE_COMMAND, add('place')));
}

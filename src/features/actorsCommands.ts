import * as vscode from 'vscode';
import { ACTOR_ORDERS, type ActorOrder, type BriefingStore } from '../core';
import type { ActorsNode, ActorsView } from './actorsView';
import type { OnDemandCode } from './loadOnDemand';

/** The commands of the Actors view. */
export function registerActorsCommands(view: ActorsView, store: BriefingStore, onDemand: OnDemandCode): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('briefing.actors.sortBy', async (order?: ActorOrder) => {
      const chosen = order && ACTOR_ORDERS.includes(order) ? order : await (await onDemand.load())?.pickActorOrder(view.order);
      if (chosen) view.setOrder(chosen);
    }),
    onDemand.command('briefing.actors.findMentions', (code, node?: ActorsNode) => code.findMentions(store, node ?? view.treeView.selection[0])),
  );
}

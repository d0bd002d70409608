import * as vscode from 'vscode';
import type { OnDemandCode } from './loadOnDemand';
import type { TimelinePanel } from './timelinePanel';

export function registerTimelineCommands(panel: TimelinePanel, onDemand: OnDemandCode): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('briefing.timeline.show', () => panel.show()),
    vscode.commands.registerCommand('briefing.timeline.exportSvg', async () => (await onDemand.load())?.exportPicture(panel, 'Timeline', 'timeline', 'svg')),
    vscode.commands.registerCommand('briefing.timeline.exportPng', async () => (await onDemand.load())?.exportPicture(panel, 'Timeline', 'timeline', 'png')),
  );
}

import * as vscode from 'vscode';
import { dateLabel, escapeMarkdown, eventKindOf, eventRowLabel, plainText, type EventFacts, type TimelineEvent } from '../core';
import { GO_TO_EVENT_COMMAND } from './goToEvent';

const ICONS = {
  exact: new vscode.ThemeIcon('calendar'),
  approximate: new vscode.ThemeIcon('question'),
  range: new vscode.ThemeIcon('arrow-both'),
  invalid: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
};

/**
 * The tooltip of an event: everything about it, escaped like hover cards, but its line. A row is
 * not sent again when only lines moved (a line typed above), and VS Code keeps a tooltip once made.
 */
function eventTooltip(event: EventFacts, file: string | undefined): vscode.MarkdownString {
  const lines = [`**${escapeMarkdown(dateLabel(event))}** ${escapeMarkdown(event.text, 1000)}`, ''];
  if (event.actors.length > 0) lines.push(`*Actors:* ${event.actors.map((name) => escapeMarkdown(name, 80)).join(', ')}`, '');
  if (event.places.length > 0) lines.push(`*Places:* ${event.places.map((name) => escapeMarkdown(name, 80)).join(', ')}`, '');
  if (event.tags.length > 0) lines.push(`*Tags:* ${event.tags.map((tag) => escapeMarkdown(`#${tag}`, 80)).join(' ')}`, '');
  const where = [file && `In ${escapeMarkdown(file, 120)}`, !event.valid && 'Invalid date'].filter(Boolean);
  if (where.length > 0) lines.push(where.join(' · '));
  else lines.pop();
  const markdown = new vscode.MarkdownString(lines.join('\n'));
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  return markdown;
}

/**
 * A tree item for an event: date and text (in the workspace scope, the file before the text),
 * actors as description, an icon for its kind
 * of date. Its tooltip is made when hovered (`withEventTooltip`, from `resolveTreeItem`): made
 * with every item, a refresh of a long briefing's 6,000 events built and sent 6,000 of them.
 */
export function eventTreeItem(item: TimelineEvent, id: string, showFile: boolean): vscode.TreeItem {
  const { event } = item;
  const treeItem = new vscode.TreeItem(eventRowLabel(event, showFile ? item.sourceLabel : undefined), vscode.TreeItemCollapsibleState.None);
  treeItem.id = id;
  treeItem.description = plainText(event.actors.join(', '), 80);
  treeItem.iconPath = ICONS[eventKindOf(event)];
  treeItem.contextValue = 'briefingEvent';
  treeItem.command = { command: GO_TO_EVENT_COMMAND, title: 'Go to Event', arguments: [item.source, item.id, event.range.start.line] };
  treeItem.accessibilityInformation = { label: `${dateLabel(event)}: ${plainText(event.text, 200)}${showFile ? `, in ${item.sourceLabel}` : ''}` };
  return treeItem;
}

/** Gives an event's tree item its tooltip, when VS Code asks for it (on hover). */
export function withEventTooltip(treeItem: vscode.TreeItem, item: TimelineEvent, showFile: boolean): vscode.TreeItem {
  treeItem.tooltip = eventTooltip(item.event, showFile ? item.sourceLabel : undefined);
  return treeItem;
}

import * as vscode from 'vscode';
import type { BriefingStore } from '../core';
import { hoverMarkdown, REVEAL_COMMAND } from '../core/hover';
import { entityAt } from '../core/lookup';
import { toRange } from './convert';
import { BRIEFING_SELECTOR } from './selector';

/**
 * Hover cards on mentions and on `name:` values. The card's text is escaped by the core; the
 * MarkdownString trusts only our reveal command and renders no HTML.
 */
export function registerHover(store: BriefingStore): vscode.Disposable {
  return vscode.languages.registerHoverProvider(BRIEFING_SELECTOR, {
    provideHover(document, position, token) {
      const model = store.get(document);
      if (token.isCancellationRequested) return undefined;
      const found = entityAt(model, document.offsetAt(position));
      if (!found) return undefined;
      const markdown = new vscode.MarkdownString(hoverMarkdown(model, found.entity, document.uri.toString()));
      markdown.isTrusted = { enabledCommands: [REVEAL_COMMAND] };
      markdown.supportHtml = false;
      markdown.supportThemeIcons = false;
      return new vscode.Hover(markdown, toRange(found.range));
    },
  });
}

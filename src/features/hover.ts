import * as vscode from 'vscode';
import type { BriefingStore, TextRange } from '../core';
import { hoverMarkdown, REVEAL_COMMAND, sourceHoverMarkdown } from '../core/hover';
import { likelihoodHoverMarkdown, likelihoodTermAt } from '../core/estimative';
import { entityAt, sourceAt } from '../core/lookup';
import { toRange } from './convert';
import { BRIEFING_SELECTOR } from './selector';

/** A card whose Markdown trusts only our reveal command and renders no HTML. */
function card(text: string, range: TextRange): vscode.Hover {
  const markdown = new vscode.MarkdownString(text);
  markdown.isTrusted = { enabledCommands: [REVEAL_COMMAND] };
  markdown.supportHtml = false;
  markdown.supportThemeIcons = false;
  return new vscode.Hover(markdown, toRange(range));
}

/**
 * Hover cards on mentions and `name:` values, on citations and the labels of sources, and on
 * ICD 203 likelihood terms. The cards' text is escaped by the core.
 */
export function registerHover(store: BriefingStore): vscode.Disposable {
  return vscode.languages.registerHoverProvider(BRIEFING_SELECTOR, {
    provideHover(document, position, token) {
      const model = store.get(document);
      if (token.isCancellationRequested) return undefined;
      const offset = document.offsetAt(position);
      const entity = entityAt(model, offset);
      if (entity) return card(hoverMarkdown(model, entity.entity, document.uri.toString()), entity.range);
      const source = sourceAt(model, offset);
      if (source) return card(sourceHoverMarkdown(model, source, document.uri.toString()), source.range);
      const term = likelihoodTermAt(model, offset);
      if (term) return card(likelihoodHoverMarkdown(term), model.lines.range(term.start, term.end));
      return undefined;
    },
  });
}

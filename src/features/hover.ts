import * as vscode from 'vscode';
import {
  hoverMarkdown,
  likelihoodHoverMarkdown,
  likelihoodTermAt,
  relationAt,
  relationHoverMarkdown,
  sourceHoverMarkdown,
  symbolAt,
  type BriefingStore,
  type TextRange,
} from '../core';
import { REVEAL_COMMAND, revealLineTarget } from './commandLinks';
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
 * Hover cards on mentions, `name:` values and relations' `to:` values, on citations and the labels of sources, and on
 * ICD 203 likelihood terms. The cards' text is escaped by the core.
 */
export function registerHover(store: BriefingStore): vscode.Disposable {
  return vscode.languages.registerHoverProvider(BRIEFING_SELECTOR, {
    provideHover(document, position, token) {
      const model = store.get(document);
      if (token.isCancellationRequested) return undefined;
      const offset = document.offsetAt(position);
      const found = symbolAt(model, offset);
      const relation = found?.kind === 'entity' ? found.relation : relationAt(model, offset);
      if (relation) return card(relationHoverMarkdown(model, relation, document.uri.toString(), revealLineTarget), relation.relation.toRange);
      if (found?.kind === 'entity') return card(hoverMarkdown(model, found.entity, document.uri.toString(), revealLineTarget), found.range);
      if (found) return card(sourceHoverMarkdown(model, found, document.uri.toString(), revealLineTarget), found.range);
      const term = likelihoodTermAt(model, offset);
      if (term) return card(likelihoodHoverMarkdown(term), model.lines.range(term.start, term.end));
      return undefined;
    },
  });
}

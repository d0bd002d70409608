import * as vscode from 'vscode';
import { encodeSemanticTokens, semanticTokensEdit, TOKEN_MODIFIERS, TOKEN_TYPES, type Briefing, type BriefingStore } from '../core';
import type { LargeFiles } from './largeFiles';
import { BRIEFING_SELECTOR } from './selector';

export const SEMANTIC_TOKENS_LEGEND = new vscode.SemanticTokensLegend([...TOKEN_TYPES], [...TOKEN_MODIFIERS]);

/**
 * Above this many lines a briefing's colours are only ever the lines in sight (range tokens):
 * whenever whole-document colours arrive, VS Code's window reads every line's tokens again (its
 * bracket pairs), which held up a long briefing's pictures for a tenth of a second after each pause.
 */
export const WHOLE_DOCUMENT_TOKENS_MAX_LINES = 5000;

/**
 * Colours actors and places from the cached model: whole-document tokens with edits (deltas),
 * so a keystroke in a long briefing sends only what changed, and range tokens for the visible part
 * (the only ones of a briefing over `WHOLE_DOCUMENT_TOKENS_MAX_LINES`).
 */
export function registerSemanticTokens(store: BriefingStore, onModelsInvalidated: vscode.Event<void>, largeFiles: LargeFiles): vscode.Disposable {
  // The tokens of a model are computed once, whoever asks.
  const encoded = new WeakMap<Briefing, Uint32Array>();
  const none = new Uint32Array(0);
  const tokensOf = (document: vscode.TextDocument) => {
    if (largeFiles.isLarge(document)) return none;
    const model = store.get(document);
    let data = encoded.get(model);
    if (!data) {
      data = encodeSemanticTokens(model);
      encoded.set(model, data);
    }
    return data;
  };
  const wholeTokensOf = (document: vscode.TextDocument) => {
    // Declined without a word: VS Code then asks for the lines in sight (below). A file over
    // briefing.maxFileSize gets none either way.
    if (document.lineCount > WHOLE_DOCUMENT_TOKENS_MAX_LINES && !largeFiles.isLarge(document)) throw new vscode.CancellationError();
    return tokensOf(document);
  };
  // The last full result sent for each document, the base of the next delta.
  const lastSent = new Map<string, { resultId: string; data: Uint32Array }>();
  let nextResultId = 1;
  const remember = (document: vscode.TextDocument, data: Uint32Array) => {
    const resultId = String(nextResultId++);
    lastSent.set(document.uri.toString(), { resultId, data });
    return resultId;
  };
  const changed = new vscode.EventEmitter<void>();

  const provider: vscode.DocumentSemanticTokensProvider & vscode.DocumentRangeSemanticTokensProvider = {
    onDidChangeSemanticTokens: changed.event,
    provideDocumentSemanticTokens(document) {
      const data = wholeTokensOf(document);
      return new vscode.SemanticTokens(data, remember(document, data));
    },
    provideDocumentSemanticTokensEdits(document, previousResultId) {
      const data = wholeTokensOf(document);
      const previous = lastSent.get(document.uri.toString());
      const resultId = remember(document, data);
      if (!previous || previous.resultId !== previousResultId) return new vscode.SemanticTokens(data, resultId);
      const edit = semanticTokensEdit(previous.data, data);
      return new vscode.SemanticTokensEdits(edit ? [new vscode.SemanticTokensEdit(edit.start, edit.deleteCount, edit.data)] : [], resultId);
    },
    provideDocumentRangeSemanticTokens(document, range) {
      if (largeFiles.isLarge(document)) return new vscode.SemanticTokens(none);
      return new vscode.SemanticTokens(encodeSemanticTokens(store.get(document), { startLine: range.start.line, endLine: range.end.line }));
    },
  };

  return vscode.Disposable.from(
    changed,
    vscode.languages.registerDocumentSemanticTokensProvider(BRIEFING_SELECTOR, provider, SEMANTIC_TOKENS_LEGEND),
    vscode.languages.registerDocumentRangeSemanticTokensProvider(BRIEFING_SELECTOR, provider, SEMANTIC_TOKENS_LEGEND),
    vscode.workspace.onDidCloseTextDocument((document) => lastSent.delete(document.uri.toString())),
    onModelsInvalidated(() => changed.fire()),
  );
}

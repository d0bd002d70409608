import * as vscode from 'vscode';
import { foldingRegions, type BriefingStore } from '../core';
import { BRIEFING_SELECTOR } from './selector';

/** Folds the front matter, sections and multi-line events, from the cached model. */
export function registerFolding(store: BriefingStore): vscode.Disposable {
  return vscode.languages.registerFoldingRangeProvider(BRIEFING_SELECTOR, {
    provideFoldingRanges(document) {
      return foldingRegions(store.get(document)).map(
        (region) => new vscode.FoldingRange(region.startLine, region.endLine, region.kind === 'frontMatter' ? vscode.FoldingRangeKind.Comment : undefined),
      );
    },
  });
}

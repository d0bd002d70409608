import * as vscode from 'vscode';
import { classificationStatus, type BriefingStore } from '../core';
import { REVEAL_COMMAND } from './commandLinks';
import { BRIEFING_LANGUAGE, BRIEFING_SELECTOR } from './selector';

const SEVERITIES = {
  error: vscode.LanguageStatusSeverity.Error,
  warning: vscode.LanguageStatusSeverity.Warning,
  information: vscode.LanguageStatusSeverity.Information,
} as const;

/**
 * The active briefing's classification in the language status (the `{}` beside "Briefing" in the
 * status bar; pin it to keep the marking in sight). Red when a portion is marked above it, with
 * a link to that portion. It updates when the diagnostics are published, not on every keystroke.
 */
export function registerClassificationStatus(store: BriefingStore): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('briefing.classification', BRIEFING_SELECTOR);
  item.name = 'Briefing Classification';
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    if (document?.languageId !== BRIEFING_LANGUAGE) return;
    const status = classificationStatus(store.get(document));
    // The marking is text from the file: no icon syntax in it, and one line's worth.
    const marking = status.text.replace(/\$\(/g, '$\u200b(').slice(0, 60);
    item.text = `$(shield) ${marking}`;
    item.detail = status.detail;
    item.severity = SEVERITIES[status.severity];
    item.command =
      status.problemLine === undefined
        ? undefined
        : { title: 'Show', command: REVEAL_COMMAND, arguments: [document.uri.toString(), status.problemLine], tooltip: 'Go to the portion' };
  };
  update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (event.uris.some((uri) => uri.toString() === active)) update();
    }),
  );
}

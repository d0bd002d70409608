import * as vscode from 'vscode';
import { classificationStatus, TLP_MEANINGS, type BriefingStore } from '../core';
import { REVEAL_COMMAND } from './commandLinks';
import { BRIEFING_LANGUAGE, BRIEFING_SELECTOR } from './selector';

const SEVERITIES = {
  error: vscode.LanguageStatusSeverity.Error,
  warning: vscode.LanguageStatusSeverity.Warning,
  information: vscode.LanguageStatusSeverity.Information,
} as const;

/**
 * The active briefing's classification and TLP in the language status (the `{}` beside "Briefing"
 * in the status bar; pin them to keep the markings in sight). The classification is red when a
 * portion is marked above it, with a link to that portion; the TLP is yellow when `tlp:` is not
 * written as TLP 2.0 writes it, with a link to it. They update when the diagnostics are
 * published, not on every keystroke.
 */
export function registerClassificationStatus(store: BriefingStore): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('briefing.classification', BRIEFING_SELECTOR);
  item.name = 'Briefing Classification';
  const tlpItem = vscode.languages.createLanguageStatusItem('briefing.tlp', BRIEFING_SELECTOR);
  tlpItem.name = 'Briefing TLP';
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    if (document?.languageId !== BRIEFING_LANGUAGE) return;
    const briefing = store.get(document);
    const status = classificationStatus(briefing);
    // The marking is text from the file: no icon syntax in it, and one line's worth.
    const marking = status.text.replace(/\$\(/g, '$\u200b(').slice(0, 60);
    item.text = `$(shield) ${marking}`;
    item.detail = status.detail;
    item.severity = SEVERITIES[status.severity];
    item.command =
      status.problemLine === undefined
        ? undefined
        : { title: 'Show', command: REVEAL_COMMAND, arguments: [document.uri.toString(), status.problemLine], tooltip: 'Go to the portion' };
    const tlp = briefing.frontMatter?.tlp;
    const miswritten = briefing.diagnostics.find((diagnostic) => diagnostic.code === 'invalid-tlp');
    tlpItem.text = `$(circle-filled) ${tlp ? `TLP:${tlp}` : 'No TLP'}`;
    tlpItem.detail = tlp ? TLP_MEANINGS[tlp] : miswritten ? 'not a TLP 2.0 level' : "add 'tlp:' to the front matter";
    tlpItem.severity = miswritten ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    tlpItem.command = miswritten
      ? { title: 'Show', command: REVEAL_COMMAND, arguments: [document.uri.toString(), miswritten.range.start.line], tooltip: "Go to 'tlp:'" }
      : undefined;
  };
  update();
  return vscode.Disposable.from(
    item,
    tlpItem,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (event.uris.some((uri) => uri.toString() === active)) update();
    }),
  );
}

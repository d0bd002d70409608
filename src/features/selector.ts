import type * as vscode from 'vscode';

export const BRIEFING_LANGUAGE = 'briefing';
/** Every scheme: files, untitled documents and virtual file systems alike. */
export const BRIEFING_SELECTOR: vscode.DocumentSelector = { language: BRIEFING_LANGUAGE };

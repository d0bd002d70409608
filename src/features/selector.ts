import type * as vscode from 'vscode';

export const BRIEFING_LANGUAGE = 'briefing';
/** Every scheme: files, untitled documents and virtual file systems alike. */
export const BRIEFING_SELECTOR: vscode.DocumentSelector = { language: BRIEFING_LANGUAGE };
/** The folders no workspace search reads: dependencies and Git's own. */
export const WORKSPACE_EXCLUDE_GLOB = '**/{node_modules,.git}/**';

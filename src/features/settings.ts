import * as vscode from 'vscode';

/** Settings read where they are used, through small functions that tests can replace. */
export const settings = {
  /** Files larger than this (bytes) are not indexed in the background. `briefing.maxFileSize` is in MB. */
  maxFileSize: (): number => vscode.workspace.getConfiguration('briefing').get<number>('maxFileSize', 5) * 1024 * 1024,
};

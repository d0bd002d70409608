import * as vscode from 'vscode';
import { errorMessage, type BriefingSummary } from '../../core';
import { TimeSlice } from '../timeSlice';
import { fileBytes, fileSize } from './fileBytes';

/**
 * Files read at a time: enough to keep the parse busy while the next file is read; more kept
 * Node's file threads competing with the extension host's own on a machine of two cores, which
 * then stalled it the longer (docs/performance.md).
 */
const READ_CONCURRENCY = 2;
/** The reading of this many files or more shows its progress in a notification. */
const PROGRESS_FROM_FILES = 200;
const decoder = new TextDecoder('utf-8', { fatal: false });

/** A file of the workspace index (see workspaceIndex.ts). */
export interface IndexFile {
  readonly uri: vscode.Uri;
  summary: BriefingSummary | undefined;
  /** Set when the file changed on disk or the registries changed: read again when asked. */
  stale: boolean;
  /** Why it is not indexed (too large, unreadable). */
  skipped: string | undefined;
}

/** What the reading asks of the index. */
export interface IndexHost {
  readonly maxFileSize: number;
  /** The summary of a file's text (parsed by the extension's own bundle, which holds the parser). */
  summarize(text: string): BriefingSummary;
  /** Whether the file is still in the index (not deleted while it was read). */
  has(file: IndexFile): boolean;
  /** The file is gone from disk. */
  deleted(file: IndexFile): void;
  /** The file cannot be indexed, and why: a Warning on it. */
  skip(file: IndexFile, message: string): void;
  /** The file was read and summarized. */
  read(file: IndexFile): void;
}

/**
 * Reads the files, a few at a time, yielding to the extension host's other work between them,
 * with the progress in a notification (whose Cancel cancels `cancel`) when there are many.
 */
export async function readBriefings(files: readonly IndexFile[], host: IndexHost, cancel: vscode.CancellationTokenSource): Promise<void> {
  const read = async (report?: (done: number) => void) => {
    let done = 0;
    const slice = new TimeSlice();
    await forEachLimited(files, READ_CONCURRENCY, cancel.token, async (file) => {
      await readBriefing(file, host, slice);
      report?.(++done);
    });
  };
  if (files.length < PROGRESS_FROM_FILES) return read();
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Briefings: reading the workspace', cancellable: true }, async (progress, token) => {
    token.onCancellationRequested(() => cancel.cancel());
    let reported = 0;
    await read((count) => {
      // A step each 1 % (the notification's bar), the count in words.
      if (count - reported < files.length / 100 && count !== files.length) return;
      progress.report({ message: `${count} of ${files.length} files`, increment: ((count - reported) / files.length) * 100 });
      reported = count;
    });
  });
}

/** Reads one file into its summary; a file too large or unreadable is skipped, one deleted meanwhile is dropped. */
export async function readBriefing(file: IndexFile, host: IndexHost, slice?: TimeSlice): Promise<void> {
  try {
    const size = await fileSize(file.uri);
    if (size > host.maxFileSize) {
      host.skip(
        file,
        `This briefing is larger than briefing.maxFileSize (${(size / 1048576).toFixed(1)} MB): the workspace's features (symbols, references, tags, the workspace's events) leave it out while it is not open`,
      );
      return;
    }
    const text = decoder.decode(await fileBytes(file.uri));
    await slice?.turn();
    if (!host.has(file)) return;
    file.summary = host.summarize(text);
    file.stale = false;
    file.skipped = undefined;
    host.read(file);
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') host.deleted(file);
    else host.skip(file, `This briefing could not be read for the workspace's features (${errorMessage(error)})`);
  }
}

/** Runs `task` over `items`, at most `limit` at a time, stopping early when cancelled. */
async function forEachLimited<T>(items: readonly T[], limit: number, token: vscode.CancellationToken, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !token.isCancellationRequested) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

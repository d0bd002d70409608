import * as fs from 'node:fs';
import * as path from 'node:path';

/** The briefings under `folder`, read a folder at a time without holding the thread, in the file system's order. */
export async function briefingFiles(folder: string, found: string[] = []): Promise<string[]> {
  for (const entry of await fs.promises.readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) await briefingFiles(full, found);
    else if (entry.name.endsWith('.briefing')) found.push(full);
  }
  return found;
}

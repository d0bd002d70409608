/** `node:fs/promises` in VS Code for the Web's extension host: there is no file system of Node's there. */
export async function symlink(): Promise<void> {
  throw new Error('node:fs is not available in a web extension host');
}

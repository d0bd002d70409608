// No `vscode` import: the unit tests of the hover cards build the same links.
/** The command that hover links run: our own, and the only one a card trusts. */
export const REVEAL_COMMAND = 'briefing.revealLine';

/** A hover link's target that runs the reveal command on a 0-based line of a document. */
export function revealLineTarget(uri: string, line: number): string {
  return `command:${REVEAL_COMMAND}?${encodeURIComponent(JSON.stringify([uri, line]))}`;
}

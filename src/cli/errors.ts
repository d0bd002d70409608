/** A problem that ends the program with exit code 2 and a one-line message. */
export class UsageError extends Error {}
/** A file that cannot be read as a briefing: exit code 2, without the pointer to --help. */
export class FileError extends UsageError {}

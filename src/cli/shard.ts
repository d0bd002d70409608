/** `--shard I/N`: the part of the files one runner of a CI matrix checks. */
import { posix } from 'node:path';
import { UsageError } from './errors';

export interface Shard {
  /** 1 to `count`, as CI matrices number their jobs (GitLab's CI_NODE_INDEX starts at 1). */
  readonly index: number;
  readonly count: number;
}

export function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard takes I/N, the I-th of N parts, 1 ≤ I ≤ N (got '${value}')`);
  return { index, count };
}

/**
 * Whether a file is in the shard: a hash of its path (with `/` between folders, so that Windows
 * and Linux runners split alike), not of its place in the list, so a file added to the corpus
 * moves no other file to another shard. FNV-1a: small, stable, and spreads paths evenly.
 */
export function inShard(file: string, shard: Shard): boolean {
  const path = posix.normalize(file.replaceAll('\\', '/'));
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) {
    hash ^= path.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shard.count === shard.index - 1;
}

/** The files of the shard, in their order; all of them without `--shard`. */
export function inShardOnly(files: readonly string[], shard: Shard | undefined): readonly string[] {
  return shard ? files.filter((file) => inShard(file, shard)) : files;
}

// Zip files read back by tests (the .vsix, a published Word document), without a library.
import * as zlib from 'node:zlib';
import * as fs from 'node:fs';

/** The names and uncompressed sizes of a zip file's (or a zip's bytes') entries, read from its central directory. */
export function zipEntries(file: string | Uint8Array): { name: string; size: number }[] {
  const data = typeof file === 'string' ? fs.readFileSync(file) : Buffer.from(file);
  const END_OF_DIRECTORY = 0x06054b50;
  const ENTRY = 0x02014b50;
  let end = -1;
  for (let offset = data.length - 22; offset >= Math.max(0, data.length - 22 - 0xffff); offset--) {
    if (data.readUInt32LE(offset) === END_OF_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip file');
  const count = data.readUInt16LE(end + 10);
  let offset = data.readUInt32LE(end + 16);
  const entries: { name: string; size: number }[] = [];
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(offset) !== ENTRY) throw new Error(`bad central directory entry ${i}`);
    const size = data.readUInt32LE(offset + 24);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    entries.push({ name: data.toString('utf8', offset + 46, offset + 46 + nameLength), size });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The content of one entry of a zip file, or of a zip's bytes (stored or deflated). */
export function zipFile(file: string | Uint8Array, name: string): Buffer {
  const data = typeof file === 'string' ? fs.readFileSync(file) : Buffer.from(file);
  let end = data.length - 22;
  while (end >= 0 && data.readUInt32LE(end) !== 0x06054b50) end--;
  let offset = data.readUInt32LE(end + 16);
  for (let i = 0; i < data.readUInt16LE(end + 10); i++) {
    const method = data.readUInt16LE(offset + 10);
    const compressedSize = data.readUInt32LE(offset + 20);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const localHeader = data.readUInt32LE(offset + 42);
    if (data.toString('utf8', offset + 46, offset + 46 + nameLength) === name) {
      const start = localHeader + 30 + data.readUInt16LE(localHeader + 26) + data.readUInt16LE(localHeader + 28);
      const raw = data.subarray(start, start + compressedSize);
      return method === 0 ? raw : zlib.inflateRawSync(raw);
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${name} is not in ${typeof file === 'string' ? file : 'the zip'}`);
}

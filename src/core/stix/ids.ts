/**
 * STIX ids: UUIDv5 (RFC 9562 §5.5: SHA-1 of a namespace and a name). Written here rather than
 * taken from the `uuid` package, which was the first choice: an export makes an id for every
 * object (thousands for a long briefing), and the package's conversions around its hash took
 * two fifths of the export's time. `test/unit/stix.test.ts` checks these ids against the
 * package's on names of every length and script.
 */

/**
 * The namespace of every id a briefing's STIX export makes (a random UUID, fixed once): an id
 * is the UUIDv5 of stable content in it, so the same briefing gives the same ids on every export.
 */
const BRIEFING_NAMESPACE = uuidBytes('b20ecc92-36d5-40e1-932e-7884f6d77b1b');

/** A STIX id, `type--UUIDv5`, from the parts that make an object what it is. */
export function stixId(type: string, ...parts: readonly string[]): string {
  return `${type}--${uuidV5(`${type}\u0000${parts.join('\u0000')}`, BRIEFING_NAMESPACE)}`;
}

/**
 * The id of an object that belongs to another (an event's note to its report): a UUIDv5 in the
 * namespace of that object's UUID, so that the name need not repeat it.
 */
export function stixIdWithin(ownerId: string, type: string, name: string): string {
  let namespace = namespaces.get(ownerId);
  if (namespace === undefined) {
    if (namespaces.size > 100) namespaces.clear();
    namespace = uuidBytes(ownerId.slice(ownerId.indexOf('--') + 2));
    namespaces.set(ownerId, namespace);
  }
  return `${type}--${uuidV5(name, namespace)}`;
}

const namespaces = new Map<string, Uint8Array>();

/** A UUID's 16 bytes, from its text. */
export function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

const utf8 = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const words = new Int32Array(80);
/** The message being hashed, padded: reused from one id to the next, grown when a name needs it. */
let message = new Uint8Array(256);

/** The UUIDv5 of a name (as UTF-8) in a namespace. */
export function uuidV5(name: string, namespace: Uint8Array): string {
  // UTF-8 takes at most 3 bytes per UTF-16 unit; room for the padding too.
  if (16 + name.length * 3 + 72 > message.length) message = new Uint8Array((16 + name.length * 3 + 72) * 2);
  message.set(namespace, 0);
  const length = 16 + utf8.encodeInto(name, message.subarray(16)).written;
  // The message, a 1 bit, zeros, and its length in bits as 64 bits: a whole number of 64-byte blocks.
  const padded = (((length + 8) >> 6) + 1) << 6;
  message[length] = 0x80;
  message.fill(0, length + 1, padded);
  const bits = length * 8;
  const view = new DataView(message.buffer, 0, padded);
  view.setUint32(padded - 8, Math.floor(bits / 0x1_0000_0000));
  view.setUint32(padded - 4, bits >>> 0);

  let h0 = 0x67452301;
  let h1 = 0xefcdab89 | 0;
  let h2 = 0x98badcfe | 0;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0 | 0;
  for (let block = 0; block < padded; block += 64) {
    for (let i = 0; i < 16; i++) words[i] = view.getInt32(block + i * 4);
    for (let i = 16; i < 80; i++) {
      const x = words[i - 3] ^ words[i - 8] ^ words[i - 14] ^ words[i - 16];
      words[i] = (x << 1) | (x >>> 31);
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let i = 0; i < 80; i++) {
      const f = i < 20 ? ((b & c) | (~b & d)) + 0x5a827999 : i < 40 ? (b ^ c ^ d) + 0x6ed9eba1 : i < 60 ? ((b & c) | (b & d) | (c & d)) - 0x70e44324 : (b ^ c ^ d) - 0x359d3e2a;
      const t = (((a << 5) | (a >>> 27)) + f + e + words[i]) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  // The first 16 bytes of the hash, with the version (5) and the variant (RFC 9562) set.
  const byte = (word: number, shift: number) => (word >>> shift) & 0xff;
  return (
    HEX[byte(h0, 24)] +
    HEX[byte(h0, 16)] +
    HEX[byte(h0, 8)] +
    HEX[byte(h0, 0)] +
    '-' +
    HEX[byte(h1, 24)] +
    HEX[byte(h1, 16)] +
    '-' +
    HEX[(byte(h1, 8) & 0x0f) | 0x50] +
    HEX[byte(h1, 0)] +
    '-' +
    HEX[(byte(h2, 24) & 0x3f) | 0x80] +
    HEX[byte(h2, 16)] +
    '-' +
    HEX[byte(h2, 8)] +
    HEX[byte(h2, 0)] +
    HEX[byte(h3, 24)] +
    HEX[byte(h3, 16)] +
    HEX[byte(h3, 8)] +
    HEX[byte(h3, 0)]
  );
}

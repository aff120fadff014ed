// Bytes to text. A byte-order mark decides; else strict UTF-8; else GB18030 (a superset of GBK
// and GB2312). A leading U+FEFF is kept in the text so that offsets count it, as every reader
// that does not strip it (Node's readFileSync among them) does. A text cut off inside its last
// character (a stream closed early, `head -c`) keeps its encoding: the broken character reads as
// U+FFFD, one code point. Bytes that are no text at all throw a DecodeError whose message says
// why in plain words: the CLI prints it after the name.
import type { Encoding } from '../contract.js';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

export class DecodeError extends Error {}

function decodeWith(label: string, bytes: Uint8Array, fatal: boolean): string {
  return new TextDecoder(label, { fatal, ignoreBOM: true }).decode(bytes);
}

/** How far into a file (bytes, or UTF-16 units) a NUL marks it as binary. */
export const SNIFF = 8192;

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  let text: string;
  try {
    text = decodeWith(encoding, bytes, true);
  } catch {
    // An odd number of bytes or a lone surrogate: the byte-order mark promised UTF-16 and lied.
    throw new DecodeError(`starts with a UTF-16 byte-order mark but is not valid UTF-16 text`);
  }
  if (text.slice(0, SNIFF).includes('\0')) throw new DecodeError('binary data (NUL characters), not text');
  return { text, encoding };
}

/** The text of all but a cut-off last character, which reads as U+FFFD; null when that fails too. */
function withCutTail(label: 'utf-8' | 'gb18030', bytes: Uint8Array): string | null {
  // A UTF-8 character is at most 4 bytes, a GB18030 one too: at most 3 of them can be left over.
  for (let cut = bytes.length - 1; cut >= Math.max(1, bytes.length - 3); cut--) {
    const lead = bytes[cut]!;
    const starts = label === 'utf-8' ? lead >= 0xc2 && lead <= 0xf4 : lead >= 0x81 && lead <= 0xfe;
    if (!starts) continue;
    try {
      return decodeWith(label, bytes.subarray(0, cut), true) + '\uFFFD';
    } catch {
      // not a cut-off character: broken before the end
    }
  }
  return null;
}

/**
 * What the first bytes of a text say before any decoding: UTF-16 by its byte-order mark, or
 * nothing yet (null). Throws for UTF-32 and for binary data. `head` is at least the first SNIFF
 * bytes of the text, or all of it.
 */
function sniff(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  // UTF-32 LE starts with FF FE as UTF-16 LE does: tell it apart before reading it as UTF-16.
  if (head.length >= 4 && head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0) {
    throw new DecodeError('UTF-32 text, which is not supported: convert it to UTF-8');
  }
  if (head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff) {
    throw new DecodeError('UTF-32 text, which is not supported: convert it to UTF-8');
  }
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (looksBinary(head)) throw new DecodeError('binary data (NUL bytes), not text');
  return null;
}

/**
 * Throws a DecodeError when the first bytes of a text (at least SNIFF of them, or all) show that
 * it is none (binary data, UTF-32): a stream can stop there instead of being read to its end.
 */
export function assertTextHead(head: Uint8Array): void {
  sniff(head);
}

export function decode(bytes: Uint8Array): Decoded {
  const utf16Bom = sniff(bytes);
  if (utf16Bom) return utf16(bytes, utf16Bom);
  // Whole-text readings first: a GB18030 text must not pass for UTF-8 with a broken end.
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    try {
      return { text: decodeWith(encoding, bytes, true), encoding };
    } catch {
      // the next reading
    }
  }
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    const text = withCutTail(encoding, bytes);
    if (text !== null) return { text, encoding };
  }
  throw new DecodeError('neither UTF-8 nor GB18030 text');
}

/** A text too large to hold, as its bytes from the start, block by block, each time it is called. */
export type Blocks = () => Iterable<Uint8Array>;

/** The first SNIFF bytes of blocks (fewer when the text is shorter). */
function headOf(blocks: Blocks): Uint8Array {
  const parts: Uint8Array[] = [];
  let n = 0;
  for (const b of blocks()) {
    parts.push(b);
    n += b.length;
    if (n >= SNIFF) break;
  }
  return Buffer.concat(parts).subarray(0, SNIFF);
}

/**
 * The encoding of a text read block by block, when a reading of it as a whole succeeds: strict
 * UTF-8, else strict GB18030, as decode() tries first. Null when only decode() of the whole
 * bytes can tell (a byte-order mark, a cut-off or broken end). Throws as decode() does for
 * UTF-32 and binary data.
 */
export function wholeEncoding(blocks: Blocks): 'utf-8' | 'gb18030' | null {
  if (sniff(headOf(blocks))) return null;
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    try {
      for (const _ of decodeBlocks(encoding, blocks, true));
      return encoding;
    } catch {
      // the next reading
    }
  }
  return null;
}

/** The text of blocks in an encoding, piece by piece; `fatal`: throw at the first broken byte. */
export function* decodeBlocks(encoding: 'utf-8' | 'gb18030', blocks: Blocks, fatal = false): Generator<string> {
  const decoder = new TextDecoder(encoding, { fatal, ignoreBOM: true });
  for (const b of blocks()) yield decoder.decode(b, { stream: true });
  yield decoder.decode();
}

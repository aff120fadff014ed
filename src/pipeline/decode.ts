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
const SNIFF = 8192;

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

export function decode(bytes: Uint8Array): Decoded {
  // UTF-32 LE starts with FF FE as UTF-16 LE does: tell it apart before reading it as UTF-16.
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) {
    throw new DecodeError('UTF-32 text, which is not supported: convert it to UTF-8');
  }
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) {
    throw new DecodeError('UTF-32 text, which is not supported: convert it to UTF-8');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be');
  if (looksBinary(bytes)) throw new DecodeError('binary data (NUL bytes), not text');
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

// Bytes to text. A byte-order mark decides; else strict UTF-8; else GB18030 (a superset of GBK
// and GB2312). A leading U+FEFF is kept in the text so that offsets count it, as every reader
// that does not strip it (Node's readFileSync among them) does. Bytes that are no text at all
// throw a DecodeError whose message says why in plain words: the CLI prints it after the name.
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

export function decode(bytes: Uint8Array): Decoded {
  // UTF-32 LE starts with FF FE as UTF-16 LE does: tell it apart before reading it as UTF-16.
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0 && bytes.length >= 4) {
    throw new DecodeError('UTF-32 text, which is not supported: convert it to UTF-8');
  }
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) {
    throw new DecodeError('UTF-32 text, which is not supported: convert it to UTF-8');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be');
  if (looksBinary(bytes)) throw new DecodeError('binary data (NUL bytes), not text');
  try {
    return { text: decodeWith('utf-8', bytes, true), encoding: 'utf-8' };
  } catch {
    // not UTF-8: fall through to the Chinese national encoding
  }
  let text: string;
  try {
    text = decodeWith('gb18030', bytes, true);
  } catch {
    throw new DecodeError('neither UTF-8 nor GB18030 text');
  }
  return { text, encoding: 'gb18030' };
}

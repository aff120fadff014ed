// Bytes to text. A byte-order mark decides; else strict UTF-8; else GB18030 (a superset of GBK
// and GB2312). A leading U+FEFF is kept in the text so that offsets count it, as every reader
// that does not strip it (Node's readFileSync among them) does.
import type { Encoding } from '../contract.js';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

export class DecodeError extends Error {}

function decodeWith(label: string, bytes: Uint8Array, fatal: boolean): string {
  return new TextDecoder(label, { fatal, ignoreBOM: true }).decode(bytes);
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeWith('utf-16le', bytes, true), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeWith('utf-16be', bytes, true), encoding: 'utf-16be' };
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

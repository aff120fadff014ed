// Bytes to text. A byte-order mark decides; else strict UTF-8; else GB18030 (a superset of GBK
// and GB2312) when it reads as text. Other encodings of Chinese give valid GB18030 of other
// characters (Big5 nearly always), so a GB18030 reading is taken only when its first SAMPLE bytes
// are characters a text is written in; else Big5 is named (it is not read: the patterns are in
// simplified characters), or the decoder says it cannot tell. UTF-16 without a byte-order mark is
// told by its NUL bytes, the high half of every ASCII character, at odd or at even offsets. A
// text of a few characters may be too short to tell. A leading U+FEFF is kept in the text so that
// offsets count it, as every reader that does not strip it (Node's readFileSync among them)
// does. A text cut off inside its last character (a stream closed early, `head -c`) keeps its
// encoding: the broken character reads as U+FFFD, one code point. Bytes that are no text at all
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
 * UTF-16 without a byte-order mark, told by its NUL bytes, the high half of every ASCII
 * character: most on odd offsets for little-endian, on even ones for big-endian (the low
 * half of a character such as 一, U+4E00, is NUL too). Binary data has them on both.
 */
function unmarkedUtf16(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0) i % 2 ? odd++ : even++;
  if (odd > 2 * even) return 'utf-16le';
  if (even > 2 * odd) return 'utf-16be';
  return null;
}

/**
 * What the first bytes of a text say before any decoding: UTF-16 by its byte-order mark, or
 * without one by its NUL bytes, or nothing yet (null). Throws for UTF-32 and for binary data.
 * `head` is at least the first SNIFF bytes of the text, or all of it.
 */
function sniff(head: Uint8Array): { bom: 'utf-16le' | 'utf-16be' } | { unmarked: 'utf-16le' | 'utf-16be' } | null {
  // UTF-32 LE starts with FF FE as UTF-16 LE does: tell it apart before reading it as UTF-16.
  if (head.length >= 4 && head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0) {
    throw new DecodeError('UTF-32 text, which is not supported: convert it to UTF-8');
  }
  if (head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff) {
    throw new DecodeError('UTF-32 text, which is not supported: convert it to UTF-8');
  }
  if (head[0] === 0xff && head[1] === 0xfe) return { bom: 'utf-16le' };
  if (head[0] === 0xfe && head[1] === 0xff) return { bom: 'utf-16be' };
  const sniffed = head.subarray(0, SNIFF);
  if (!looksBinary(sniffed)) return null;
  const unmarked = unmarkedUtf16(sniffed);
  // Random bytes have NULs too, and by chance more of them at one parity: read as UTF-16 they
  // are no text (/dev/urandom would otherwise be read to the end of what a device may give).
  if (unmarked && !garbledStart(unmarked, sniffed)) return { unmarked };
  throw new DecodeError(BINARY);
}

const BINARY = 'binary data (NUL bytes), not text';

/** How much of a text's start is read to judge whether a reading of it is text. */
const SAMPLE = 1 << 16;

/**
 * Code points that text in Chinese is written with, in whatever encoding: ASCII and Latin-1,
 * Greek and Cyrillic, punctuation, symbols, numbers and shapes of GB2312 and Big5, kana, the
 * CJK ideographs and their compatibility and full-width forms. What a wrong reading gives
 * instead: control characters, private-use characters (Big5 read as GB18030), bopomofo (GB18030
 * read as Big5), syllables of scripts a Chinese text does not use (random bytes as UTF-16).
 */
const TEXT_RANGES: [number, number][] = [
  [0x09, 0x0d], [0x20, 0x7e], [0xa0, 0xff], [0x370, 0x4ff], [0x2000, 0x22ff], [0x2460, 0x27bf],
  [0x3000, 0x30ff], [0x3200, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff], [0xfe30, 0xfe4f],
  [0xfeff, 0xfeff], [0xff00, 0xffef], [0x20000, 0x3134f],
];

function isTextCharacter(cp: number): boolean {
  for (const [low, high] of TEXT_RANGES) if (cp >= low && cp <= high) return true;
  return false;
}

/**
 * Whether a reading of a text is garbled: more than one character in twenty of its start, and
 * at least three, are none a text is written with (a real text may hold a few private-use
 * characters, for rare names).
 */
function garbled(sample: string): boolean {
  let total = 0;
  let odd = 0;
  for (const c of sample) {
    total++;
    if (!isTextCharacter(c.codePointAt(0)!)) odd++;
  }
  return odd >= 3 && odd * 20 > total;
}

/** Whether the start of `bytes` read in an encoding is garbled: the same whether read whole or in blocks. */
function garbledStart(label: string, bytes: Uint8Array): boolean {
  return garbled(decodeWith(label, bytes.subarray(0, SAMPLE), false));
}

/** The text of a strict reading of `bytes` that is not garbled; null otherwise. */
function readable(label: string, bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = decodeWith(label, bytes, true);
  } catch {
    return null;
  }
  return garbledStart(label, bytes) ? null : text;
}

/**
 * Whether bytes are Big5 by their form: ASCII, or a lead byte and a trail byte of its ranges. (The
 * platform's Big5 decoder drops some bytes it cannot read even when asked to be strict.)
 */
function isBig5(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) continue;
    const trail = bytes[++i];
    if (lead < 0x81 || lead > 0xfe || trail === undefined || !((trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe))) return false;
  }
  return true;
}

/**
 * For a text that is neither UTF-8 nor GB18030 that reads as text, why it is not read. (UTF-16
 * without a byte-order mark is told by its NUL bytes before: without them, bytes of any kind
 * read as UTF-16 of some characters.)
 */
function otherEncoding(bytes: Uint8Array): never {
  if (isBig5(bytes) && !garbledStart('big5', bytes)) throw new DecodeError('Big5 text (traditional Chinese), which is not read: convert it to UTF-8 (iconv -f BIG5 -t UTF-8)');
  return unknown(bytes);
}

/** GB18030 that is garbled is no reason to stop: a text only cut off at its end may follow. */
function unknown(bytes: Uint8Array): never {
  const gb18030 = (() => {
    try {
      return decodeWith('gb18030', bytes, true);
    } catch {
      return withCutTail('gb18030', bytes);
    }
  })();
  if (gb18030 !== null) throw new DecodeError('cannot tell its encoding: not UTF-8, and garbled as GB18030 or Big5: convert it to UTF-8');
  throw new DecodeError('neither UTF-8 nor GB18030 text');
}

/**
 * Throws a DecodeError when the first bytes of a text (at least SNIFF of them, or all) show that
 * it is none (binary data, UTF-32): a stream can stop there instead of being read to its end.
 */
export function assertTextHead(head: Uint8Array): void {
  sniff(head);
}

export function decode(bytes: Uint8Array): Decoded {
  const mark = sniff(bytes);
  if (mark && 'bom' in mark) return utf16(bytes, mark.bom);
  if (mark) {
    const text = readable(mark.unmarked, bytes);
    if (text === null) throw new DecodeError(BINARY);
    return { text, encoding: mark.unmarked };
  }
  try {
    return { text: decodeWith('utf-8', bytes, true), encoding: 'utf-8' };
  } catch {
    // GB18030, or another encoding
  }
  // Whole-text readings first: a GB18030 text must not pass for UTF-8 with a broken end.
  const gb18030 = readable('gb18030', bytes);
  if (gb18030 !== null) return { text: gb18030, encoding: 'gb18030' };
  const utf8 = withCutTail('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const cut = withCutTail('gb18030', bytes);
  if (cut !== null && !garbledStart('gb18030', bytes)) return { text: cut, encoding: 'gb18030' };
  return otherEncoding(bytes);
}

/** A text too large to hold, as its bytes from the start, block by block, each time it is called. */
export type Blocks = () => Iterable<Uint8Array>;

/** The first `size` bytes of blocks (fewer when the text is shorter). */
function headOf(blocks: Blocks, size: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let n = 0;
  for (const b of blocks()) {
    parts.push(b);
    n += b.length;
    if (n >= size) break;
  }
  return Buffer.concat(parts).subarray(0, size);
}

/**
 * The encoding of a text read block by block, when a reading of it as a whole succeeds: strict
 * UTF-8, else strict GB18030 that is not garbled, as decode() tries first. Null when only
 * decode() of the whole bytes can tell (a byte-order mark, UTF-16 without one, a cut-off or
 * broken end, another encoding). Throws as decode() does for UTF-32 and binary data.
 */
export function wholeEncoding(blocks: Blocks): 'utf-8' | 'gb18030' | null {
  const head = headOf(blocks, SAMPLE);
  if (sniff(head)) return null;
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    if (encoding === 'gb18030' && garbledStart(encoding, head)) return null;
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

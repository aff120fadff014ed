// One input to one output document: decode, extract, and wrap with the document's identity.
// A document can also be had as its head and a stream of indicator batches, so that a very
// large input is written out chunk by chunk.
import { createHash } from 'node:crypto';
import { ExtractedDocument, SCHEMA_VERSION, type Encoding, type Indicator } from './contract.js';
import { decode, decodeBlocks, wholeEncoding, type Blocks } from './pipeline/decode.js';
import { extractChunks, extractPieces, type ExtractOptions, type Extractor } from './pipeline/extract.js';
import { WrapWidth } from './pipeline/normalize.js';

export type DocumentHead = Omit<ExtractedDocument, 'indicators'>;

export interface DocumentStream {
  head: DocumentHead;
  /** the decoded text the spans index (read again, whole, when the document was streamed) */
  text(): string;
  batches: Iterable<Indicator[]>;
}

function countCodePoints(text: string): number {
  if (!/[\udc00-\udfff]/.test(text)) return text.length;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    // A low surrogate after a high one is the second half of one code point; alone it is one.
    const c = text.charCodeAt(i);
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
    if (!(c >= 0xdc00 && c <= 0xdfff && prev >= 0xd800 && prev <= 0xdbff)) n++;
  }
  return n;
}

export function streamText(ex: Extractor, source: string, text: string, encoding: Encoding, bytes: Uint8Array, options: ExtractOptions = {}): DocumentStream {
  return {
    head: {
      schemaVersion: SCHEMA_VERSION,
      source,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      encoding,
      chars: countCodePoints(text),
    },
    text: () => text,
    batches: extractChunks(ex, text, options),
  };
}

export function streamBytes(ex: Extractor, source: string, bytes: Uint8Array, options: ExtractOptions = {}): DocumentStream {
  const { text, encoding } = decode(bytes);
  return streamText(ex, source, text, encoding, bytes, options);
}

/**
 * A document too large to hold, read from its bytes block by block: one reading for its
 * encoding, one for its hash, length and wrap width, one for its indicators, a chunk at a time,
 * so that memory does not grow with its size. Null when the text can only be decoded whole (a
 * byte-order mark, a cut-off or broken end): streamBytes then.
 */
export function streamBlocks(ex: Extractor, source: string, blocks: Blocks, options: ExtractOptions = {}): DocumentStream | null {
  const encoding = wholeEncoding(blocks);
  if (!encoding) return null;
  const hash = createHash('sha256');
  const hashed: Blocks = function* () {
    for (const b of blocks()) {
      hash.update(b);
      yield b;
    }
  };
  let chars = 0;
  const width = new WrapWidth();
  // A streaming decoder never splits a pair of surrogates between two pieces.
  for (const piece of decodeBlocks(encoding, hashed)) {
    chars += countCodePoints(piece);
    width.push(piece);
  }
  return {
    head: { schemaVersion: SCHEMA_VERSION, source, sha256: hash.digest('hex'), encoding, chars },
    text: () => [...decodeBlocks(encoding, blocks)].join(''),
    batches: extractPieces(ex, decodeBlocks(encoding, blocks), width.width(), options),
  };
}

export function collect(stream: DocumentStream): ExtractedDocument {
  const indicators: Indicator[] = [];
  for (const batch of stream.batches) for (const i of batch) indicators.push(i);
  return { ...stream.head, indicators };
}

export function documentFromText(ex: Extractor, source: string, text: string, encoding: Encoding, bytes: Uint8Array, options: ExtractOptions = {}): ExtractedDocument {
  return collect(streamText(ex, source, text, encoding, bytes, options));
}

export function documentFromBytes(ex: Extractor, source: string, bytes: Uint8Array, options: ExtractOptions = {}): ExtractedDocument {
  return collect(streamBytes(ex, source, bytes, options));
}

export { ExtractedDocument };

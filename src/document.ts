// One input to one output document: decode (or convert a PDF, a page, a Word file), extract,
// and wrap with the document's identity. A document can also be had as its head and a stream of
// indicator batches, so that a very large input is written out chunk by chunk.
import { createHash } from 'node:crypto';
import type { Encoding, ExtractedDocument, Format, Indicator } from './contract.js';
import { SCHEMA_VERSION } from './field-values.js';
import { convert, pageAt } from './pipeline/convert/index.js';
import type { InputFormat } from './pipeline/convert/detect.js';
import { decode, decodeBlocks, wholeEncoding, type Blocks } from './pipeline/decode.js';
import { extractChunks, extractPieces, type ExtractOptions, type Extractor } from './pipeline/extract.js';
import { WrapWidth } from './pipeline/normalize.js';
import { DateReader, readDocumentDate } from './pipeline/period/date.js';

export type DocumentHead = Omit<ExtractedDocument, 'indicators'>;

export interface DocumentStream {
  head: DocumentHead;
  /** the decoded text the spans index, in pieces (read again, block by block, when the
   * document was streamed) */
  pieces(): Iterable<string>;
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

/** What a converted document adds: its format and, for a PDF, where each page starts. */
export interface Derivation {
  format: Format;
  pageStarts?: number[];
}

/** The indicator with the page its span starts on, in the contract's key order (after text). */
function withPage(i: Indicator, pageStarts: readonly number[]): Indicator {
  const { pattern, explain, ...rest } = i;
  const page = pageAt(pageStarts, i.span[0]);
  return explain ? { ...rest, page, pattern, explain } : { ...rest, page, pattern };
}

function* paged(batches: Iterable<Indicator[]>, pageStarts: readonly number[]): Generator<Indicator[]> {
  for (const batch of batches) yield batch.map((i) => withPage(i, pageStarts));
}

export function streamText(ex: Extractor, source: string, text: string, encoding: Encoding, bytes: Uint8Array, options: ExtractOptions = {}, derivation?: Derivation): DocumentStream {
  const date = readDocumentDate(text);
  const batches = extractChunks(ex, text, options, date);
  return {
    head: {
      schemaVersion: SCHEMA_VERSION,
      source,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      encoding,
      ...(derivation && { format: derivation.format }),
      chars: countCodePoints(text),
      date,
    },
    pieces: () => [text],
    batches: derivation?.pageStarts ? paged(batches, derivation.pageStarts) : batches,
  };
}

export function streamBytes(ex: Extractor, source: string, bytes: Uint8Array, options: ExtractOptions = {}): DocumentStream {
  const { text, encoding } = decode(bytes);
  return streamText(ex, source, text, encoding, bytes, options);
}

/**
 * A document too large to hold, read from its bytes block by block: one reading for its
 * encoding, one for its hash, length, wrap width and date, one for its indicators, a chunk at a time,
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
  const dateReader = new DateReader();
  // A streaming decoder never splits a pair of surrogates between two pieces.
  for (const piece of decodeBlocks(encoding, hashed)) {
    chars += countCodePoints(piece);
    width.push(piece);
    dateReader.push(piece);
  }
  const date = dateReader.date();
  return {
    head: { schemaVersion: SCHEMA_VERSION, source, sha256: hash.digest('hex'), encoding, chars, date },
    pieces: () => decodeBlocks(encoding, blocks),
    batches: extractPieces(ex, decodeBlocks(encoding, blocks), width.width(), date, options),
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

/** A document and the text its spans index: the decoded text, or the text derived from a converted input. */
export interface ReadDocument {
  doc: ExtractedDocument;
  text: string;
}

/**
 * Any input in its format: text decoded, a PDF, a page or a Word file converted first. Throws a
 * DecodeError or a ConvertError for an input that cannot be read.
 */
export async function documentFromInput(ex: Extractor, source: string, bytes: Uint8Array, format: InputFormat, options: ExtractOptions = {}): Promise<ReadDocument> {
  if (format === 'txt') {
    const { text, encoding } = decode(bytes);
    return { doc: documentFromText(ex, source, text, encoding, bytes, options), text };
  }
  const { text, encoding, pageStarts } = await convert(bytes, format);
  return { doc: collect(streamText(ex, source, text, encoding, bytes, options, { format, pageStarts })), text };
}

export { ExtractedDocument };

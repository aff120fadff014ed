// One input to one output document: decode, extract, and wrap with the document's identity.
import { createHash } from 'node:crypto';
import { ExtractedDocument, SCHEMA_VERSION, type Encoding } from './contract.js';
import { decode } from './pipeline/decode.js';
import { extractText, type ExtractOptions, type Extractor } from './pipeline/extract.js';

export function documentFromText(ex: Extractor, source: string, text: string, encoding: Encoding, bytes: Uint8Array, options: ExtractOptions = {}): ExtractedDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    source,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    encoding,
    chars: countCodePoints(text),
    indicators: extractText(ex, text, options),
  };
}

export function documentFromBytes(ex: Extractor, source: string, bytes: Uint8Array, options: ExtractOptions = {}): ExtractedDocument {
  const { text, encoding } = decode(bytes);
  return documentFromText(ex, source, text, encoding, bytes, options);
}

function countCodePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

export { ExtractedDocument };

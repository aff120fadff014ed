// Reading inputs: a regular file whole or, when large, a block at a time; stdin, a device or a
// FIFO (these only when asked) whole, with a bound, since they may never end. The names of
// output files; telling whether two paths are one file.
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { basename } from 'node:path';
import { formatOfName } from '../pipeline/convert/detect.js';
import type { Readable } from 'node:stream';
import { SNIFF } from '../pipeline/decode.js';
import { InputError } from './errors.js';
import type { Input } from './inputs.js';

/** At most what is read of stdin, a device or a FIFO: they are held whole, so they need a bound. */
export const STREAM_LIMIT = 256 << 20;

/** Throws when the first bytes of an input show that it cannot be read (binary data that is no PDF, no Word file). */
export type HeadCheck = (head: Uint8Array) => void;

/**
 * A stream's bytes, whole: up to STREAM_LIMIT of them, and no further than its first SNIFF bytes
 * when `checkHead` finds them unreadable (/dev/zero never ends).
 */
export async function readStream(stream: AsyncIterable<Uint8Array | string>, checkHead: HeadCheck): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  let sniffed = false;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    chunks.push(bytes);
    length += bytes.length;
    if (!sniffed && length >= SNIFF) {
      checkHead(Buffer.concat(chunks).subarray(0, SNIFF));
      sniffed = true;
    }
    if (length > STREAM_LIMIT) throw new InputError(`more than ${STREAM_LIMIT >> 20} MB, more than is read from a pipe or a device: save it to a file and name the file`);
  }
  return Buffer.concat(chunks);
}

function kindOf(stat: Stats): string {
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  return 'of an unknown kind';
}

/**
 * An input's bytes, whole: stdin, a regular file, or, with `specialFiles`, a device, a FIFO or a
 * socket (refused otherwise: reading one may never end, or wait for ever).
 */
export async function readInput(input: Input, stdin: Readable, specialFiles: boolean, checkHead: HeadCheck): Promise<Uint8Array> {
  if (input.kind === 'stdin') return readStream(stdin, checkHead);
  const stat = statSync(input.path);
  // Read at once: an asynchronous read would need several turns of an event loop that the
  // extraction on this thread keeps busy.
  if (stat.isFile()) return readFileSync(input.path);
  if (!specialFiles) throw new InputError(`not a regular file (${kindOf(stat)}); add --special-files to read it`);
  return readStream(createReadStream(input.path), checkHead);
}

/** How much of a large file is read at a time. */
const BLOCK = 1 << 20;

/** A file's bytes from the start, a block at a time, each time the result is called. */
export function fileBlocks(path: string): () => Generator<Uint8Array> {
  return function* () {
    const fd = openSync(path, 'r');
    try {
      for (;;) {
        const block = Buffer.allocUnsafe(BLOCK);
        const n = readSync(fd, block, 0, BLOCK, null);
        if (n === 0) return;
        yield block.subarray(0, n);
      }
    } finally {
      closeSync(fd);
    }
  };
}

/** The file a path leads to, links followed (its device and inode); null when there is none. */
export function fileIdentity(path: string): string | null {
  try {
    const stat = statSync(path, { bigint: true });
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return null;
  }
}

/**
 * NAME.json for NAME.txt; NAME.pdf.json for NAME.pdf (and .html, .htm, .docx), so that the same
 * report as NAME.txt and NAME.pdf in one folder keeps two outputs; stdin.json for stdin.
 */
export function outputName(source: string): string {
  if (source === '-') return 'stdin.json';
  const name = basename(source);
  return (formatOfName(name) ? name : name.replace(/\.[^.]*$/, '')) + '.json';
}

/** The derived text of a converted input, beside its JSON: NAME.pdf.txt; stdin.txt for stdin. */
export function derivedTextName(source: string): string {
  return source === '-' ? 'stdin.txt' : basename(source) + '.txt';
}

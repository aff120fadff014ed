// The extract command: inputs in, documents out, in input order. Files are read one at a time
// and extracted by a pool of workers (or on this thread for one job); a file too large to pass
// around whole is extracted here, chunk by chunk, and written as it goes.
import { closeSync, mkdirSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { streamBlocks, streamBytes, streamText } from '../document.js';
import { detectFormat, formatOfName, HEAD_BYTES, type InputFormat } from '../pipeline/convert/detect.js';
import { assertTextHead, decode, DecodeError } from '../pipeline/decode.js';
import type { Extractor } from '../pipeline/extract.js';
import { writeFileAtomic } from './atomic.js';
import { describeFsError, EXIT, InputError, OutputError, UserError } from './errors.js';
import { derivedTextName, fileBlocks, fileIdentity, outputName, readInput, STREAM_LIMIT } from './files.js';
import { extractJob } from './jobs.js';
import { resolveInputs, type Input, type Resolved } from './inputs.js';
import { csv, jsonFiles, jsonLines, terminalView, writeTo, type Sink } from './output.js';
import { inProcess, threadPool, workerHeapMb, type Job } from './pool.js';
import { NO_PROGRESS, progressBar } from './progress.js';
import type { Io } from './main.js';
import { hashFile, isCurrent, settingsOf, sha256, type Settings } from './resume.js';
import { makeChalk } from './view.js';

/**
 * Text larger than this is extracted on the main thread, a file chunk by chunk: 8 MB for a
 * worker's heap of 160. A worker takes some 14 MB before its first document, and about 11 MB of
 * heap for each MB of a text dense with figures (measured with heaps of 20 to 48 MB): a worker
 * could hold 1.6 times this or more.
 */
export function largeFileBytes(heapMb: number): number {
  return ((heapMb - 16) * 2 ** 20) / 18;
}

/** What every command that extracts takes. */
export interface ExtractionOptions {
  explain?: boolean;
  patterns?: string[];
  builtinPatterns: boolean;
  jobs?: number;
  /** how to read the inputs: by their content and name (auto), or all in one format */
  inputFormat: 'auto' | InputFormat;
  /** read devices, FIFOs and sockets too */
  specialFiles?: boolean;
  /** no progress bar and no summary on stderr */
  quiet?: boolean;
}

export interface RunOptions extends ExtractionOptions {
  json?: boolean;
  format?: 'jsonl' | 'csv' | 'view';
  out?: string;
  resume?: boolean;
  input: 'files' | 'jsonl';
  /** a folder for the text derived from each converted input */
  textOut?: string;
  /** with CSV, a row for each document without indicators */
  allDocuments?: boolean;
  /** colors on a terminal: from --color/--no-color, else NO_COLOR, FORCE_COLOR and the terminal */
  color: boolean;
}

/** How the inputs are read: files or records, and the options that change what a job is. */
type InputOptions = Pick<ExtractionOptions, 'inputFormat' | 'specialFiles'> & Partial<Pick<RunOptions, 'input' | 'out'>> & {
  /** text larger than this is extracted on this thread */
  largeFile: number;
};

/** The folder of --out or --text-out, made when missing; anything else there is a usage error. */
function outputFolder(option: string, dir: string): void {
  try {
    if (statSync(dir).isDirectory()) return;
  } catch {
    try {
      mkdirSync(dir, { recursive: true });
      return;
    } catch (e) {
      throw new UserError(`${option} ${dir}: cannot make this folder: ${describeFsError(e)}`);
    }
  }
  throw new UserError(`${option} ${dir}: not a folder`);
}

/** No input is overwritten by its own output, in the folder of --out or --text-out. */
function refuseOverwritingInputs(option: string, dir: string, inputs: Input[], nameOf: (source: string) => string): void {
  for (const input of inputs) {
    if (input.kind !== 'file') continue;
    const identity = fileIdentity(input.path);
    if (identity && identity === fileIdentity(join(dir, nameOf(input.path)))) throw new UserError(`${input.path}: ${option} ${dir} would overwrite this input with its output`);
  }
}

function chooseFormat(options: RunOptions, io: Io): 'jsonl' | 'csv' | 'view' {
  return options.format ?? (options.json || !io.isTTY ? 'jsonl' : 'view');
}

async function chooseSink(options: RunOptions, io: Io, settings: Settings): Promise<Sink> {
  if (options.out) return jsonFiles(options.out, settings);
  const format = chooseFormat(options, io);
  if (format === 'csv') return csv(io.stdout, { allDocuments: options.allDocuments });
  if (format === 'view') return terminalView(io.stdout, await makeChalk(options.color), io.columns || 80);
  // Records in, lines out, one for one: a record that gives no document has its error record.
  return jsonLines(io.stdout, { errorRecords: options.input === 'jsonl' });
}

/** Whether the output of an input with this hash is current (always false without --resume). */
type Current = (source: string, inputHash: () => string | null) => boolean;

/**
 * Lines of a stream, read a chunk at a time as they are asked for, so that a slow consumer holds
 * back the reading (readline reads ahead without limit). A line is at most STREAM_LIMIT bytes,
 * and a NUL byte ends the stream: JSON Lines hold none, so the rest is binary data.
 */
async function* linesOf(stream: Readable): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  // Lines hold whole characters: a decoder kept across them only drops a byte-order mark at the start.
  const line = (pieces: Buffer[]) => decoder.decode(Buffer.concat(pieces), { stream: true }).replace(/\r$/, '');
  let pieces: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    const nul = bytes.indexOf(0);
    const end = nul >= 0 ? nul : bytes.length;
    let start = 0;
    let at: number;
    while ((at = bytes.indexOf(0x0a, start)) >= 0 && at < end) {
      pieces.push(bytes.subarray(start, at));
      yield line(pieces);
      pieces = [];
      length = 0;
      start = at + 1;
    }
    if (nul >= 0) throw new InputError('binary data (NUL bytes), not text');
    pieces.push(bytes.subarray(start));
    length += bytes.length - start;
    if (length > STREAM_LIMIT) throw new InputError(`a line of more than ${STREAM_LIMIT >> 20} MB; a record must be shorter`);
  }
  if (length) yield line(pieces);
}

/** A record's id as a source: a string without NUL (it names a file with --out) or a number. */
function recordSource(id: unknown, n: number): string | { problem: string } {
  if (id === undefined) return `line ${n}`;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  if (typeof id !== 'string') return { problem: '"id" must be a string or a number' };
  if (id.includes('\0')) return { problem: '"id" holds a NUL character' };
  return id;
}

/**
 * JSON Lines records from stdin as jobs, one for each line that is not blank. With `out`, a record
 * whose file another record writes is a problem of its own: the first one keeps the file.
 */
async function* recordJobs(stdin: Readable, out: string | undefined, largeFile: number, current: Current): AsyncGenerator<Job> {
  const writers = new Map<string, { id: string; input: string }>();
  let n = 0;
  try {
    for await (const line of linesOf(stdin)) {
      n++;
      if (!line.trim()) continue;
      const input = `stdin line ${n}`;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        yield { source: `line ${n}`, input, outcome: { error: 'not JSON' } };
        continue;
      }
      const { id, text } = (record ?? {}) as { id?: unknown; text?: unknown };
      const source = recordSource(id, n);
      if (typeof source !== 'string') {
        yield { source: `line ${n}`, input, outcome: { error: source.problem } };
        continue;
      }
      if (typeof text !== 'string') {
        yield { source, input, outcome: { error: 'no "text" string' } };
        continue;
      }
      if (out) {
        const name = outputName(source);
        const other = writers.get(name);
        if (other) {
          yield { source, input, outcome: { error: `${JSON.stringify(source)} and ${JSON.stringify(other.id)} (${other.input}) would both write ${name}` } };
          continue;
        }
        writers.set(name, { id: source, input });
        if (current(source, () => sha256(text))) {
          yield { source, input, outcome: { skipped: source } };
          continue;
        }
      }
      // A worker's heap is bounded: a large text is extracted on this thread, as a large file is.
      if (Buffer.byteLength(text) > largeFile) yield { source, input, outcome: { large: source, text } };
      else yield { source, input, text };
    }
  } catch (e) {
    // The line that could not be read ends the input: what follows is no lines of text.
    yield { source: `line ${n + 1}`, input: `stdin line ${n + 1}`, outcome: { error: describeFsError(e) } };
  }
}

/** The inputs as jobs, read one at a time; JSON Lines records from stdin with --input jsonl. */
async function* jobsOf(inputs: Input[], options: InputOptions, io: Io, current: Current): AsyncGenerator<Job> {
  if (options.input === 'jsonl') yield* recordJobs(io.stdin, options.out, options.largeFile, current);
  else for (const input of inputs) yield await fileJob(input, options, io, current);
}

/** The first bytes of a file, for its format. */
function readHead(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    return head.subarray(0, readSync(fd, head, 0, HEAD_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

/** The input's format: forced by --input-format, else told by its first bytes and its name. */
function formatOf(head: Uint8Array, options: InputOptions, name?: string): InputFormat {
  return options.inputFormat === 'auto' ? detectFormat(head, name) : options.inputFormat;
}

/** A job of an input's bytes, to convert first when they are not text. */
function bytesJob(source: string, bytes: Uint8Array, format: InputFormat): Job {
  return format === 'txt' ? { source, bytes } : { source, bytes, format };
}

/**
 * One input file (or stdin) as a job; a file that cannot be read is a job with its error. Never
 * rejects. A text larger than options.largeFile is extracted on this thread (a worker's heap is
 * bounded), a regular file a block at a time: even its hash, for --resume.
 */
async function fileJob(input: Input, options: InputOptions, io: Io, current: Current): Promise<Job> {
  const source = input.kind === 'stdin' ? '-' : input.path;
  const name = input.kind === 'file' ? source : undefined;
  // Binary bytes that are no PDF nor Word file stop the reading of a stream that may never end.
  const checkHead = (head: Uint8Array) => {
    if (formatOf(head.subarray(0, HEAD_BYTES), options, name) === 'txt') assertTextHead(head);
  };
  try {
    if (input.kind === 'file') {
      const stat = statSync(source);
      // A large text is read block by block; a PDF, a page or a Word file is converted whole.
      if (stat.isFile() && stat.size > options.largeFile && formatOf(readHead(source), options, source) === 'txt') {
        if (current(source, () => hashFile(source))) return { source, outcome: { skipped: source } };
        return { source, outcome: { large: source } };
      }
    }
    const bytes = await readInput(input, io.stdin, Boolean(options.specialFiles), checkHead);
    if (current(source, () => sha256(bytes))) return { source, outcome: { skipped: source } };
    const format = formatOf(bytes.subarray(0, HEAD_BYTES), options, name);
    if (format === 'txt' && bytes.length > options.largeFile) return { source, outcome: { large: source, bytes } };
    return bytesJob(source, bytes, format);
  } catch (e) {
    return { source, outcome: { error: describeFsError(e) } };
  }
}

/** Two inputs that would write the same file stop the run before anything is written. */
function refuseClashes(option: string, sources: string[], nameOf: (source: string) => string): void {
  const names = new Map<string, string>();
  for (const source of sources) {
    const other = names.get(nameOf(source));
    if (other) throw new UserError(`${option}: ${other} and ${source} would both write ${nameOf(source)}`);
    names.set(nameOf(source), source);
  }
}

/** Inputs of fewer bytes in all are read on one thread unless --jobs says otherwise: a worker's start costs more than it saves. */
export const SMALL_RUN = 2 << 20;

/**
 * Threads to extract on: as asked (default: one a core, or one for a run of files under
 * SMALL_RUN bytes in all), but no more than there are cores, nor than inputs (when their number
 * is known): a thread more only costs its start and its memory.
 */
export function threadCount(requested: number | undefined, inputs: number | undefined, cores: number, bytes?: number): number {
  const wanted = requested ?? (bytes !== undefined && bytes < SMALL_RUN ? 1 : cores);
  return Math.max(1, Math.min(wanted, cores, inputs ?? Infinity));
}

export async function runExtract(operands: string[], options: RunOptions, extractor: Extractor, io: Io): Promise<number> {
  if (options.input === 'jsonl' && operands.length) throw new UserError('--input jsonl reads stdin: give no input files');
  if (options.input !== 'jsonl' && !operands.length) throw new UserError('no input given: name files, folders, globs, or - for stdin (see --help)');
  if (options.resume && !options.out) throw new UserError('--resume goes with --out DIR');
  if (options.input === 'jsonl' && options.inputFormat !== 'auto') throw new UserError('--input jsonl reads text records: --input-format is for files');
  if (options.allDocuments && (options.out || chooseFormat(options, io) !== 'csv')) throw new UserError('--all-documents goes with --format csv');
  const resolved = options.input === 'jsonl' ? { inputs: [], problems: [] } : resolveInputs(operands);
  const { inputs } = resolved;
  const sources = inputs.map((input) => (input.kind === 'stdin' ? '-' : input.path));
  if (options.out) {
    outputFolder('--out', options.out);
    refuseClashes('--out', sources, outputName);
    refuseOverwritingInputs('--out', options.out, inputs, outputName);
  }
  // Only a converted input has a derived text; its name is what tells, before it is read.
  if (options.textOut) {
    const converted = inputs.filter((i) => i.kind === 'stdin' || formatOfName(i.path));
    refuseClashes('--text-out', sources.filter((s) => s === '-' || formatOfName(s)), derivedTextName);
    refuseOverwritingInputs('--text-out', options.textOut, converted, derivedTextName);
  }
  const settings = settingsOf(extractor, Boolean(options.explain), options.inputFormat);
  const current: Current = (source, inputHash) => Boolean(options.resume && options.out) && isCurrent(options.out!, outputName(source), inputHash(), settings);
  return extractInto(await chooseSink(options, io, settings), resolved, options, extractor, io, current);
}

/** A file's size; 0 for one that cannot be read (it is reported when it is read). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** The input bytes in all, unless stdin is one of the inputs. */
function totalBytes(inputs: Input[]): number | undefined {
  return inputs.every((i) => i.kind === 'file') ? inputs.reduce((sum, i) => sum + (i.kind === 'file' ? sizeOf(i.path) : 0), 0) : undefined;
}

/** The input bytes of a job, as the progress bar counts them. */
function jobSize(job: Job): number {
  if (job.bytes) return job.bytes.length;
  if (job.text !== undefined) return Buffer.byteLength(job.text);
  const large = job.outcome && 'large' in job.outcome ? job.outcome : undefined;
  if (!large) return 0;
  return large.bytes?.length ?? (large.text !== undefined ? Buffer.byteLength(large.text) : sizeOf(large.large));
}

/**
 * Extracts the inputs, in input order, into a sink: one document after the other, an input that
 * cannot be read reported on stderr (`extract: INPUT: REASON`) and the others still processed.
 * On a terminal, stderr shows a progress bar meanwhile. Resolves to the exit code.
 */
export async function extractInto(
  sink: Sink,
  { inputs, problems }: Resolved,
  options: ExtractionOptions & Partial<Pick<RunOptions, 'input' | 'out' | 'textOut'>>,
  extractor: Extractor,
  io: Io,
  current: Current = () => false,
): Promise<number> {
  const jsonl = options.input === 'jsonl';
  const bytes = jsonl ? undefined : totalBytes(inputs);
  const progress = io.stderrIsTTY && !options.quiet ? progressBar(io.stderr, jsonl ? {} : { total: inputs.length, totalBytes: bytes }) : NO_PROGRESS;
  const say = async (line: string) => {
    progress.erase();
    await writeTo(io.stderr, line);
  };
  let failed = problems.length > 0;
  for (const p of problems) await say(`extract: ${p.operand}: ${p.reason}\n`);
  const explain = Boolean(options.explain);
  const threads = threadCount(options.jobs, jsonl ? undefined : inputs.length, availableParallelism(), bytes);
  const here = (job: Job) => extractJob(extractor, job, explain);
  const heapMb = workerHeapMb(process.env);
  const engine = threads > 1 ? threadPool(threads, { builtin: options.builtinPatterns, patternDirs: options.patterns ?? [], explain }, here, heapMb) : inProcess(here);
  // What the messages call each job's input, the text a sink that shows it needs, and the input
  // bytes the progress bar counts, in job order: the engine gives one outcome per job, in order.
  const queued: { source: string; input: string; text: () => string; size: number }[] = [];

  // A converted input's text comes back with its document.
  async function* remembered(): AsyncGenerator<Job> {
    for await (const job of jobsOf(inputs, { ...options, largeFile: largeFileBytes(heapMb) }, io, current)) {
      const { bytes, text } = job;
      const shown = !sink.needsText ? () => '' : bytes && !job.format ? () => decode(bytes).text : () => text ?? '';
      queued.push({ source: job.source, input: job.input ?? job.source, text: shown, size: jobSize(job) });
      yield job;
    }
  }

  // A document whose file cannot be written is reported, and the others are still written.
  async function deliver(input: string, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (e) {
      if (!(e instanceof OutputError)) throw e;
      failed = true;
      await say(`extract: ${input}: ${e.message}\n`);
    }
  }

  try {
    for await (const outcome of engine.run(remembered())) {
      const { source, input, text, size } = queued.shift()!;
      // A document on the terminal that shows the bar: the bar gives way first.
      if (io.isTTY) progress.erase();
      if ('error' in outcome) {
        failed = true;
        await say(`extract: ${input}: ${outcome.error}\n`);
        await sink.failed?.(source, outcome.error);
      } else if ('doc' in outcome) {
        const { indicators, ...head } = outcome.doc;
        const derived = outcome.derived;
        await deliver(input, async () => {
          if (derived !== undefined && options.textOut) writeFileAtomic(join(options.textOut, derivedTextName(head.source)), derived);
          await sink.write(head, [indicators], () => [derived ?? text()]);
        });
      } else if ('large' in outcome) {
        // A file is read a block at a time, so that memory does not grow with it; a text that only
        // decodes whole (UTF-16, a cut-off end) is read whole.
        const { bytes, text: recordText } = outcome;
        try {
          const stream =
            recordText !== undefined
              ? streamText(extractor, source, recordText, 'utf-8', Buffer.from(recordText, 'utf8'), { explain })
              : bytes
                ? streamBytes(extractor, source, bytes, { explain })
                : (streamBlocks(extractor, source, fileBlocks(source), { explain }) ?? streamBytes(extractor, source, readFileSync(source), { explain }));
          await deliver(input, () => sink.write(stream.head, stream.batches, stream.pieces));
        } catch (e) {
          // The input could not be read or decoded (it may change while it is read); anything
          // else, writing the output included, is not about this input.
          const reading = e instanceof DecodeError || ['open', 'read'].includes((e as NodeJS.ErrnoException).syscall ?? '');
          if (!reading) throw e;
          failed = true;
          await say(`extract: ${input}: ${e instanceof DecodeError ? e.message : describeFsError(e)}\n`);
        }
      }
      progress.advance(size);
    }
    progress.erase();
    await sink.end();
  } finally {
    progress.erase();
    await engine.close();
  }
  return failed ? EXIT.usage : EXIT.ok;
}

// Writing a file so that nothing is lost and nothing is overwritten by mistake. The text goes to
// a temporary file in the target's folder, created exclusively (never an existing file, never
// through a link) under a random name that nobody can plant in advance, and is renamed over the
// target once complete: a reader never sees half a file. Only a regular file, or nothing, is
// ever replaced. Temporary files are removed on an error, and when SIGINT or SIGTERM stops the
// process.
import { randomBytes } from 'node:crypto';
import { closeSync, createWriteStream, lstatSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { describeFsError, OutputError } from './errors.js';

/** A hidden name in the folder of `path`, with 128 random bits: never the same twice. */
export function temporaryName(path: string): string {
  return join(dirname(path), `.extract-${randomBytes(16).toString('hex')}.tmp`);
}

/** Throws an OutputError unless `path` is a regular file or nothing (a link is not followed). */
export function assertReplaceable(path: string): void {
  let stat;
  try {
    stat = lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new OutputError(path, describeFsError(e));
  }
  if (stat.isDirectory()) throw new OutputError(path, 'is a folder');
  if (!stat.isFile()) throw new OutputError(path, 'not a regular file; refusing to replace it');
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
/** Temporary files that exist now; signal handlers are installed only while there are some. */
const live = new Set<string>();

function onSignal(signal: NodeJS.Signals): void {
  for (const tmp of live) rmSync(tmp, { force: true });
  live.clear();
  for (const s of SIGNALS) process.off(s, onSignal);
  // Then die of the signal as if no handler had been there, so that the shell sees it.
  process.kill(process.pid, signal);
}

function openTemporary(path: string): { tmp: string; fd: number } {
  const tmp = temporaryName(path);
  let fd: number;
  try {
    fd = openSync(tmp, 'wx');
  } catch (e) {
    throw new OutputError(path, describeFsError(e));
  }
  if (!live.size) for (const s of SIGNALS) process.on(s, onSignal);
  live.add(tmp);
  return { tmp, fd };
}

function discard(tmp: string): void {
  rmSync(tmp, { force: true });
  live.delete(tmp);
  if (!live.size) for (const s of SIGNALS) process.off(s, onSignal);
}

/** Renames the complete temporary file over the target, which must still be replaceable. */
function commit(tmp: string, path: string): void {
  assertReplaceable(path);
  try {
    renameSync(tmp, path);
  } catch (e) {
    throw new OutputError(path, describeFsError(e));
  }
  live.delete(tmp);
  if (!live.size) for (const s of SIGNALS) process.off(s, onSignal);
}

/** Writes `text` to `path` whole or not at all; an OutputError says why not. */
export function writeFileAtomic(path: string, text: string): void {
  assertReplaceable(path);
  const { tmp, fd } = openTemporary(path);
  try {
    try {
      writeFileSync(fd, text);
    } finally {
      closeSync(fd);
    }
    commit(tmp, path);
  } catch (e) {
    discard(tmp);
    throw e instanceof OutputError ? e : new OutputError(path, describeFsError(e));
  }
}

/**
 * Writes to `path`, whole or not at all, what `write` writes to the stream it is given. A
 * failure of the stream or of the rename is an OutputError; any other error of `write` (the
 * input it reads as it goes) passes through unchanged. Either way `path` stays as it was.
 */
export async function writeStreamAtomic(path: string, write: (stream: Writable) => Promise<void>): Promise<void> {
  assertReplaceable(path);
  const { tmp, fd } = openTemporary(path);
  const stream = createWriteStream(tmp, { fd });
  // Held here, so that an error the stream meets between two writes is never unhandled.
  let failure: Error | undefined;
  stream.on('error', (e) => (failure ??= e));
  try {
    await write(stream);
    await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
    if (failure) throw failure;
    commit(tmp, path);
  } catch (e) {
    stream.destroy();
    discard(tmp);
    if (e === failure || e === stream.errored) throw new OutputError(path, describeFsError(e));
    throw e;
  }
}

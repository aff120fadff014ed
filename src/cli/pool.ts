// Extraction on N threads: this one and N-1 workers, each loading the patterns and the
// dictionary once. Jobs go to a worker while one has room and are extracted here otherwise, so
// that no core waits while this thread only reads and writes. run() yields outcomes in input
// order, keeping a bounded number of jobs in flight so that memory does not grow with the inputs.
import { Worker } from 'node:worker_threads';
import type { ExtractedDocument, Format } from '../contract.js';
import { UserError } from './errors.js';

export interface Job {
  source: string;
  /** what messages call the input, when not its source (a JSON Lines record: its line) */
  input?: string;
  /** the input's bytes (a file) or its text (a JSON Lines record) */
  bytes?: Uint8Array;
  text?: string;
  /** the bytes are a PDF, an HTML page or a Word file, to convert before extracting */
  format?: Format;
  /** an outcome known without extracting (an input that could not be read), kept in its place */
  outcome?: Outcome;
}

export type Outcome =
  /** `derived`: the text a converted input gave, which its spans index */
  | { doc: ExtractedDocument; derived?: string }
  /** why the input could not be read, said after its name */
  | { error: string }
  /**
   * an input too large to pass to a worker: the caller extracts it, in its place, from its bytes
   * or text when it has been read (stdin, a JSON Lines record), else from the file `large` names
   */
  | { large: string; bytes?: Uint8Array; text?: string }
  /** with --resume, an output that is already current */
  | { skipped: string };

export interface WorkerSetup {
  builtin: boolean;
  patternDirs: string[];
  explain: boolean;
}

export interface Extractor {
  /** extracts jobs in order: the i-th outcome belongs to the i-th job */
  run(jobs: AsyncIterable<Job>): AsyncGenerator<Outcome>;
  close(): Promise<void>;
}

interface Pending {
  resolve: (o: Outcome) => void;
  reject: (e: Error) => void;
}

/** A worker's heap, in MB, unless EXTRACT_WORKER_HEAP_MB says otherwise (a machine with little memory, the tests). */
const WORKER_HEAP_MB = 160;

/** The heap cap of a worker: EXTRACT_WORKER_HEAP_MB when it is set, a whole number of 16 or more. */
export function workerHeapMb(env: Record<string, string | undefined>): number {
  const value = env.EXTRACT_WORKER_HEAP_MB;
  if (value === undefined || value === '') return WORKER_HEAP_MB;
  const mb = Number(value);
  if (!Number.isInteger(mb) || mb < 16) throw new UserError(`EXTRACT_WORKER_HEAP_MB wants a whole number of megabytes, 16 or more, got ${JSON.stringify(value)}`);
  return mb;
}
/** Jobs a worker holds at once: one in hand and one waiting, so it never waits for this thread. */
const WORKER_DEPTH = 2;
/** Outcomes held for input order, per thread. */
const IN_FLIGHT_PER_THREAD = 4;

/**
 * `threads` threads in all: `threads - 1` workers, and this one, which extracts a job with
 * `here` whenever every worker has its fill.
 */
export function threadPool(threads: number, setup: WorkerSetup, here: (job: Job) => Promise<Outcome>, heapMb = WORKER_HEAP_MB): Extractor {
  // A worker's heap is capped: documents come and go, and a cap keeps the sum of the heaps within
  // the memory a corpus run may take, whatever the corpus size.
  const workers = Array.from(
    { length: threads - 1 },
    () => new Worker(new URL('./worker.js', import.meta.url), { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: heapMb } }),
  );
  // A worker answers its jobs in the order it was given them.
  const pending = new Map<Worker, Pending[]>(workers.map((w) => [w, []]));
  for (const w of workers) {
    w.on('message', (outcome: Outcome) => pending.get(w)!.shift()!.resolve(outcome));
    w.on('error', (e) => {
      for (const p of pending.get(w)!.splice(0)) p.reject(e);
    });
  }
  const leastBusy = () => {
    let best: Worker | undefined;
    for (const w of workers) if (pending.get(w)!.length < WORKER_DEPTH && (!best || pending.get(w)!.length < pending.get(best)!.length)) best = w;
    return best;
  };
  const running = new Set<Promise<Outcome>>();
  const submit = (w: Worker, job: Job) => {
    const done = new Promise<Outcome>((resolve, reject) => {
      pending.get(w)!.push({ resolve, reject });
      w.postMessage(job);
    });
    running.add(done);
    const settled = () => void running.delete(done);
    done.then(settled, settled);
    return done;
  };
  return {
    async *run(jobs) {
      const inFlight: Slot[] = [];
      for await (const job of jobs) {
        // Let the event loop deliver what workers have finished, so that their room is known:
        // reading and extracting here never wait on it otherwise.
        await new Promise((resolve) => setImmediate(resolve));
        const w = job.outcome ? undefined : leastBusy();
        inFlight.push(w ? slotOf(submit(w, job)) : known(job.outcome ?? (await here(job))));
        while (inFlight.length >= threads * IN_FLIGHT_PER_THREAD) yield await inFlight.shift()!.promise;
        // Hand finished outcomes on at once: the writer need not wait for the window to fill.
        while (inFlight[0]?.outcome) yield inFlight.shift()!.outcome!;
      }
      while (inFlight.length) yield await inFlight.shift()!.promise;
    },
    async close() {
      // Each worker finishes the jobs it holds first: one stopped inside the segmenter's native
      // code aborts the process (node-addon-api throws from a call it cannot finish).
      await Promise.allSettled(running);
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** A job's place in the output order, with its outcome once it is known. */
interface Slot {
  promise: Promise<Outcome>;
  outcome?: Outcome;
}

const known = (outcome: Outcome): Slot => ({ promise: Promise.resolve(outcome), outcome });

function slotOf(promise: Promise<Outcome>): Slot {
  const slot: Slot = { promise };
  // A failure is seen where the promise is awaited, in its turn.
  promise.then((o) => (slot.outcome = o), () => {});
  return slot;
}

/** The same interface on the main thread: for one job at a time, and for --jobs 1. */
export function inProcess(extract: (job: Job) => Promise<Outcome>): Extractor {
  return {
    async *run(jobs) {
      for await (const job of jobs) yield await extract(job);
    },
    async close() {},
  };
}

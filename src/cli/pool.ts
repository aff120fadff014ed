// Extraction off the main thread: N workers, each loading the patterns and the dictionary once.
// Jobs go out in input order and come back in any order; run() yields them in input order,
// keeping at most a few jobs in flight so that memory does not grow with the number of inputs.
import { Worker } from 'node:worker_threads';
import type { ExtractedDocument } from '../contract.js';

export interface Job {
  source: string;
  /** the input's bytes (a file) or its text (a JSON Lines record) */
  bytes?: Uint8Array;
  text?: string;
  /** an outcome known without extracting (an input that could not be read), kept in its place */
  outcome?: Outcome;
}

export type Outcome =
  | { doc: ExtractedDocument }
  | { error: string }
  /** a file too large to pass to a worker: the caller extracts it, in its place */
  | { large: string }
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

const WORKER_HEAP_MB = 160;

export function workerPool(size: number, setup: WorkerSetup): Extractor {
  // A worker's heap is capped: documents come and go, and a cap keeps the sum of the heaps within
  // the memory a corpus run may take, whatever the corpus size.
  const workers = Array.from(
    { length: size },
    () => new Worker(new URL('./worker.js', import.meta.url), { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }),
  );
  const idle = [...workers];
  const waiting: ((w: Worker) => void)[] = [];
  const pending = new Map<Worker, Pending>();
  for (const w of workers) {
    w.on('message', (outcome: Outcome) => {
      const p = pending.get(w)!;
      pending.delete(w);
      release(w);
      p.resolve(outcome);
    });
    w.on('error', (e) => {
      const p = pending.get(w);
      pending.delete(w);
      p?.reject(e);
    });
  }
  const release = (w: Worker) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };
  const acquire = () => new Promise<Worker>((resolve) => {
    const w = idle.pop();
    if (w) resolve(w);
    else waiting.push(resolve);
  });
  const submit = async (job: Job): Promise<Outcome> => {
    const w = await acquire();
    return new Promise<Outcome>((resolve, reject) => {
      pending.set(w, { resolve, reject });
      w.postMessage(job);
    });
  };
  return {
    async *run(jobs) {
      const inFlight: Promise<Outcome>[] = [];
      for await (const job of jobs) {
        inFlight.push(job.outcome ? Promise.resolve(job.outcome) : submit(job));
        if (inFlight.length >= size * 2) yield await inFlight.shift()!;
      }
      while (inFlight.length) yield await inFlight.shift()!;
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** The same interface on the main thread: for one job at a time, and for --jobs 1. */
export function inProcess(extract: (job: Job) => Outcome): Extractor {
  return {
    async *run(jobs) {
      for await (const job of jobs) yield extract(job);
    },
    async close() {},
  };
}

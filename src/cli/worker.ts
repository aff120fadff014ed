// A worker thread of the pool: loads the patterns and the dictionary once, then extracts jobs.
import { parentPort, workerData } from 'node:worker_threads';
import { loadLibrary } from '../patterns/load.js';
import { createExtractor } from '../pipeline/extract.js';
import { extractJob } from './jobs.js';
import type { Job, WorkerSetup } from './pool.js';

const setup = workerData as WorkerSetup;
const extractor = createExtractor(loadLibrary({ builtin: setup.builtin, extraDirs: setup.patternDirs }));
// Jobs are answered in the order they came: a conversion awaits, and the next job waits for it.
let last: Promise<unknown> = Promise.resolve();
parentPort!.on('message', (job: Job) => {
  last = last.then(async () => parentPort!.postMessage(await extractJob(extractor, job, setup.explain)));
});

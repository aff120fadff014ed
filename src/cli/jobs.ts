// One job to one outcome, the same in a worker and on the main thread.
import { documentFromBytes, documentFromText } from '../document.js';
import { DecodeError } from '../pipeline/decode.js';
import type { Extractor } from '../pipeline/extract.js';
import type { Job, Outcome } from './pool.js';

export function extractJob(extractor: Extractor, job: Job, explain: boolean): Outcome {
  if (job.outcome) return job.outcome;
  try {
    if (job.text !== undefined) return { doc: documentFromText(extractor, job.source, job.text, 'utf-8', Buffer.from(job.text, 'utf8'), { explain }) };
    return { doc: documentFromBytes(extractor, job.source, job.bytes!, { explain }) };
  } catch (e) {
    if (e instanceof DecodeError) return { error: `${job.source}: ${e.message}` };
    throw e;
  }
}

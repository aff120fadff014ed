// One job to one outcome, the same in a worker and on the main thread.
import { documentFromBytes, documentFromInput, documentFromText } from '../document.js';
import { ConvertError } from '../pipeline/convert/index.js';
import { DecodeError } from '../pipeline/decode.js';
import type { Extractor } from '../pipeline/extract.js';
import type { Job, Outcome } from './pool.js';

export async function extractJob(extractor: Extractor, job: Job, explain: boolean): Promise<Outcome> {
  if (job.outcome) return job.outcome;
  try {
    if (job.text !== undefined) return { doc: documentFromText(extractor, job.source, job.text, 'utf-8', Buffer.from(job.text, 'utf8'), { explain }) };
    if (!job.format) return { doc: documentFromBytes(extractor, job.source, job.bytes!, { explain }) };
    const { doc, text } = await documentFromInput(extractor, job.source, job.bytes!, job.format, { explain });
    return { doc, derived: text };
  } catch (e) {
    if (e instanceof DecodeError || e instanceof ConvertError) return { error: e.message };
    throw e;
  }
}

// The output contract (../shared/INDICATORS.md): the zod schema is the single source of the
// types the code uses and of the JSON Schema that `extract schema` prints.
import { z } from 'zod';
import { DIRECTIONS, QUALIFIERS, SCHEMA_VERSION } from './field-values.js';

export { SCHEMA_VERSION };

export const Direction = z.enum(DIRECTIONS);
export const Qualifier = z.enum(QUALIFIERS);

export const Explanation = z
  .object({
    clause: z.string().describe('the clause of normalized text the indicator was read from'),
    rules: z.record(z.string(), z.string()).describe('for each field, the rule that set it'),
  })
  .describe('why each field has its value; only with --explain');

const IsoDate = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD');

export const Period = z
  .object({
    text: z.string().min(1).describe('the words that gave the period, as written'),
    from: IsoDate.nullable().describe('when it starts (YYYY, YYYY-MM or YYYY-MM-DD), or null when the text cannot tell'),
    to: IsoDate.nullable().describe('when it ends, or null when the text cannot tell'),
  })
  .strict()
  .describe('the time the figure refers to (docs/period.md)');

export const DocumentDate = z
  .object({
    text: z.string().min(1).describe('the date as written'),
    value: IsoDate.describe('YYYY, YYYY-MM or YYYY-MM-DD, as precise as the text'),
    span: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]).describe('[start, end) in code points'),
  })
  .strict()
  .describe("the document's own date (docs/period.md)");

export const Indicator = z
  .object({
    metric: z.string().min(1).describe('the shortest noun phrase that names what is measured'),
    canonical: z.string().min(1).describe('the metric with synonyms and what is not part of a metric (place, time) taken out, to group the same metric'),
    value: z.number().describe('the number with every multiplier applied; the lower bound of a range'),
    upper: z.number().optional().describe('the upper bound of a range; absent otherwise'),
    unit: z.string().min(1).describe('the unit or measure word, multiplier taken out: 元, %, 百分点, 个 ...'),
    direction: Direction.nullable().describe('up, down or flat for a change or a gap; null for a level or a count'),
    basis: z.string().nullable().describe('what a change is measured against: yoy, pop, or the benchmark words'),
    qualifier: Qualifier.nullable().describe('over, nearly, about or under'),
    subject: z.string().nullable().describe('the place or body the figure belongs to, when the sentence names it'),
    target: z.boolean().describe('true for a goal, plan or forecast'),
    period: Period.nullable().describe('when the figure holds, or null when the text does not say'),
    span: z
      .tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])
      .describe('[start, end) in Unicode code points of the decoded document'),
    text: z.string().describe('the document text of the span'),
    page: z.number().int().positive().optional().describe('PDF only: the 1-based page where the span starts'),
    pattern: z.string().describe('the id of the pattern that produced the indicator'),
    explain: Explanation.optional(),
  })
  .strict();

export const Encoding = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'gb18030']);
export const Format = z.enum(['pdf', 'html', 'docx']);

export const ExtractedDocument = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    source: z.string().describe('the input as named on the command line, "-" for stdin, or the id given'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('of the input bytes'),
    encoding: Encoding.describe('the encoding the input was decoded from (utf-8 for a PDF or a Word file: the derived text)'),
    format: Format.optional().describe('pdf, html or docx: the input was converted, and spans index the text derived from it; absent for text'),
    chars: z.number().int().nonnegative().describe('length of the decoded text in code points'),
    date: DocumentDate.nullable().describe("the document's own date, or null when the text does not give one"),
    indicators: z.array(Indicator),
  })
  .strict();

/** With --input jsonl, the output line of an input line that gives no document. */
export const ErrorRecord = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    source: z.string().describe('the id of the record, or "line N" when it has none that can be read'),
    error: z.string().describe('why the line gives no document'),
  })
  .strict()
  .describe('with --input jsonl, stands in the output for a line that gives no document, so that output lines up with input');

export type Direction = z.infer<typeof Direction>;
export type Qualifier = z.infer<typeof Qualifier>;
export type Indicator = z.infer<typeof Indicator>;
export type Period = z.infer<typeof Period>;
export type DocumentDate = z.infer<typeof DocumentDate>;
export type Encoding = z.infer<typeof Encoding>;
export type Format = z.infer<typeof Format>;
export type ExtractedDocument = z.infer<typeof ExtractedDocument>;
export type ErrorRecord = z.infer<typeof ErrorRecord>;

/** The schema of a document, with that of the error record of --input jsonl in its $defs. */
export function jsonSchema(): unknown {
  const { $schema: _, ...errorRecord } = z.toJSONSchema(ErrorRecord, { target: 'draft-2020-12' });
  return { ...z.toJSONSchema(ExtractedDocument, { target: 'draft-2020-12' }), $defs: { ErrorRecord: errorRecord } };
}

// The shapes of the files in patterns/: a pattern file (what it matches, how the match maps to
// fields, and the examples and counterexamples that the test suite runs), fragments.yaml and
// the vocabulary files. They are built, and zod loaded, only when a file must be validated: the
// built-in files are validated at build time (dist/patterns.json), so a run needs none of this.
import { createRequire } from 'node:module';
import type { z as Zod } from 'zod';
import { DIRECTIONS, QUALIFIERS } from '../field-values.js';

function build() {
  const { z } = createRequire(import.meta.url)('zod') as { z: typeof Zod };
  const Kind = z.enum(['change', 'level', 'count', 'ignore']);

  const ExpectedIndicator = z
    .object({
      metric: z.string(),
      value: z.number(),
      upper: z.number().optional(),
      unit: z.string(),
      direction: z.enum(DIRECTIONS).nullable().default(null),
      basis: z.string().nullable().default(null),
      qualifier: z.enum(QUALIFIERS).nullable().default(null),
      subject: z.string().nullable().optional(),
      target: z.boolean().default(false),
      period: z
        .object({ text: z.string().min(1), from: z.string().nullable(), to: z.string().nullable() })
        .strict()
        .nullable()
        .optional()
        .describe('the period it must have; not checked when absent'),
      text: z.string().describe('the span of the sentence the indicator must cover, exactly'),
      pattern: z.string().optional().describe('the pattern that must produce it; this file by default'),
    })
    .strict();

  const Example = z
    .object({
      text: z.string().min(1),
      gives: z.array(ExpectedIndicator).min(1),
    })
    .strict();

  const PatternFile = z
    .object({
      id: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/, 'ids look like family.name'),
      description: z.string().min(1),
      order: z.number().int().describe('patterns are tried in ascending order; the first that matches wins'),
      kind: Kind,
      before: z.string().optional().describe('regex that must end where the figure starts, in its clause'),
      after: z.string().optional().describe('regex that must start where the figure ends, in its clause'),
      figure: z.string().optional().describe("regex the figure's own text must match (add ^ and $ to anchor it)"),
      within: z.string().optional().describe('regex for a stretch of the clause that must cover the figure'),
      unit: z.string().optional().describe('regex the whole canonical unit must match; "" when none is written'),
      assumeUnit: z.string().optional().describe('the unit of a figure written with none'),
      verbBefore: z.boolean().optional().describe('the figure must (true) or must not (false) follow a verb, by the segmenter'),
      numeral: z.enum(['arabic', 'chinese', 'any']).default('any'),
      direction: z.enum(DIRECTIONS).nullable().optional().describe('fixed direction; else from the named groups up/down/flat'),
      target: z.boolean().optional().describe('the figure is a goal whatever its context'),
      examples: z.array(Example).default([]),
      counterexamples: z.array(z.string().min(1)).default([]),
    })
    .strict();
  /** An expected indicator as an example writes it: fields left out take their defaults. */

  const FragmentFile = z.record(
    z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'fragment names are UPPER_SNAKE_CASE'),
    z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  );

  const Words = z.array(z.string().min(1)).min(1);
  const MetricFile = z
    .object({
      synonyms: z
        .array(z.object({ canonical: z.string().min(1), whole: Words.optional(), end: Words.optional(), anywhere: Words.optional() }).strict())
        .min(1),
      leading: Words,
      trailing: Words,
      examples: z.array(z.object({ metric: z.string().min(1), canonical: z.string().min(1) }).strict()).min(1),
    })
    .strict();

  const Month = z.number().int().min(1).max(12);
  const Iso = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD');
  const ExpectedPeriod = z
    .object({ text: z.string().min(1), from: Iso.nullable(), to: Iso.nullable() })
    .strict()
    .nullable();
  const PeriodFile = z
    .object({
      parts: z.array(z.object({ words: Words, months: z.tuple([Month, Month]), afterYearOnly: z.array(z.string()).optional() }).strict()).min(1),
      wholeYear: Words,
      vague: Words,
      relative: z.array(z.object({ words: Words, from: z.enum(['date', 'force']), offset: z.number().int() }).strict()).min(1),
      lookingBack: z.array(z.object({ words: Words, years: z.number().int().min(1) }).strict()).min(1),
      lookingAhead: z.array(z.object({ words: Words, years: z.number().int().min(1) }).strict()).min(1),
      plans: z.array(z.object({ words: Words, years: z.tuple([z.number().int(), z.number().int()]) }).strict()).min(1),
      planTimes: z.object({ whole: Words, last: Words }).strict(),
      since: Words,
      deadline: Words,
      upTo: Words,
      sameTime: Words,
      basisBefore: Words,
      comparedBefore: Words,
      comparedAfter: Words,
      notPeriodBefore: Words,
      dayNotBefore: Words,
      titlesNotPeriod: Words,
      examples: z.array(z.object({ text: z.string().min(1), periods: z.array(ExpectedPeriod).min(1) }).strict()).min(1),
      counterexamples: z.array(z.string().min(1)).min(1),
    })
    .strict();

  return { Kind, ExpectedIndicator, PatternFile, FragmentFile, MetricFile, ExpectedPeriod, PeriodFile };
}

type Schemas = ReturnType<typeof build>;
let built: Schemas | undefined;

/** The schemas of the pattern folder's files, built on first use. */
export const fileSchemas = (): Schemas => (built ??= build());

export type Kind = Zod.infer<Schemas['Kind']>;
export type ExpectedIndicator = Zod.infer<Schemas['ExpectedIndicator']>;
/** An expected indicator as an example writes it: fields left out take their defaults. */
export type ExpectedIndicatorInput = Zod.input<Schemas['ExpectedIndicator']>;
export type PatternFile = Zod.infer<Schemas['PatternFile']>;
export type FragmentFile = Zod.infer<Schemas['FragmentFile']>;
export type MetricFile = Zod.infer<Schemas['MetricFile']>;
export type ExpectedPeriod = Zod.infer<Schemas['ExpectedPeriod']>;
export type PeriodFile = Zod.infer<Schemas['PeriodFile']>;

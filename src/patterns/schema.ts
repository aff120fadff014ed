// The shape of a pattern file in patterns/: what it matches, how the match maps to fields, and
// the examples and counterexamples that the test suite runs.
import { z } from 'zod';
import { Direction, Qualifier } from '../contract.js';

export const Kind = z.enum(['change', 'level', 'count', 'ignore']);
export type Kind = z.infer<typeof Kind>;

export const ExpectedIndicator = z
  .object({
    metric: z.string(),
    value: z.number(),
    upper: z.number().optional(),
    unit: z.string(),
    direction: Direction.nullable().default(null),
    basis: z.string().nullable().default(null),
    qualifier: Qualifier.nullable().default(null),
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
export type ExpectedIndicator = z.infer<typeof ExpectedIndicator>;

export const Example = z
  .object({
    text: z.string().min(1),
    gives: z.array(ExpectedIndicator).min(1),
  })
  .strict();

export const PatternFile = z
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
    direction: Direction.nullable().optional().describe('fixed direction; else from the named groups up/down/flat'),
    target: z.boolean().optional().describe('the figure is a goal whatever its context'),
    examples: z.array(Example).default([]),
    counterexamples: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type PatternFile = z.infer<typeof PatternFile>;
/** An expected indicator as an example writes it: fields left out take their defaults. */
export type ExpectedIndicatorInput = z.input<typeof ExpectedIndicator>;

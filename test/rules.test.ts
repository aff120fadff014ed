// Runs every example and counterexample of every field rule (src/pipeline/read/): an example must
// give exactly its tuples and the rule must apply in it; a counterexample must give its tuples
// without the rule applying.
import { describe, expect, it } from 'vitest';
import { builtinExtractor, createExtractor, extract, loadLibrary } from '../src/index.js';
import type { RuleExample } from '../src/pipeline/read/rule.js';
import { FIELD_RULES } from '../src/pipeline/read/rules.js';
import { expectGives, RULE_PATTERNS } from './helpers.js';

const withRulePatterns = createExtractor(loadLibrary({ extraDirs: [RULE_PATTERNS] }));

function read(example: RuleExample): { fired: Set<string>; doc: ReturnType<typeof extract> } {
  const fired = new Set<string>();
  const extractor = example.withRulePatterns ? withRulePatterns : builtinExtractor();
  return { fired, doc: extract(example.text, { fired, extractor }) };
}

describe.each(FIELD_RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  if (rule.examples.length) {
    it.each(rule.examples.map((e) => [e.text, e] as const))('example %s', (text, example) => {
      const { fired, doc } = read(example);
      expectGives(text, doc, example.gives);
      expect(fired.has(id), `${id} applies`).toBe(true);
    });
  }
  if (rule.counterexamples.length) {
    it.each(rule.counterexamples.map((e) => [e.text, e] as const))('counterexample %s', (text, example) => {
      const { fired, doc } = read(example);
      expectGives(text, doc, example.gives);
      expect(fired.has(id), `${id} does not apply`).toBe(false);
    });
  }
});

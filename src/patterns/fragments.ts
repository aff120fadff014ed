// Named regex fragments and word sets (patterns/fragments.yaml), expanded into regex source.
import type { FragmentFile } from './schema.js';

/** Fragments the code reads directly, besides using them inside patterns. */
export const REQUIRED_SETS = [
  'UP', 'DOWN', 'FLAT', 'YOY', 'POP', 'QUAL_OVER', 'QUAL_NEARLY', 'QUAL_ABOUT', 'QUAL_UNDER',
  'TARGET_CUE', 'PLACE_WHOLE', 'PLACE_SUFFIX', 'TIME_WORD', 'LIGHT_VERB', 'PEOPLE_NOUN',
  'MEASURE_HEAD', 'IDIOM', 'TIME_UNIT', 'CURRENCY', 'UNIT_ANY', 'PERCENT', 'DETERMINER', 'QUAL_BEFORE',
  'PLAN_HEADING', 'REVIEW_HEADING', 'PLAN_SENTENCE', 'ACTION_VERB', 'SEGMENTER_NOUN', 'LEVEL_VERB', 'PLACE_SUBJECT', 'BODY_SUFFIX', 'QUAL_FALSE_FRIEND', 'AREA_WORD', 'RATE_OF_CHANGE_UP', 'RATE_OF_CHANGE_DOWN', 'TARGET_WORD', 'AGE_GROUP', 'DEED_UP', 'DEED_DOWN', 'LONE_VERB', 'METHOD_PHRASE',
  // the field rules' vocabulary
  'LIST_GAP', 'RESPECTIVELY', 'RESPECTIVELY_NEAR', 'EACH_MEMBER', 'AVERAGE_ONLY', 'MEASURED_UNIT', 'RATE_UNIT', 'TOTAL_WORD', 'UPGRADE_VERB', 'THRESHOLD_WORD',
  'NEGATION', 'DENOMINATOR', 'SERVICE_NUMBER', 'POSITION_WORD', 'PLACE_CHAR', 'PLACE_NAME_END', 'DATE_END', 'DATE_LEAD', 'PHRASE_EDGE_START', 'PHRASE_EDGE_END', 'OWNED_NOUN', 'DEATH_WORD', 'INJURY_WORD', 'MONEY_NOUN', 'COMPLETION_VERB', 'TIME_MEASURE', 'GOAL_LANGUAGE', 'REVIEW_OPENING', 'PREDICATE_TAIL',
] as const;
export type SetName = (typeof REQUIRED_SETS)[number];

export class FragmentError extends Error {
  constructor(
    readonly fragment: string,
    message: string,
  ) {
    super(message);
  }
}

const REFERENCE = /\{([A-Z][A-Z0-9_]*)\}/g;

export function escapeRegex(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

/**
 * An alternation of words written as a trie (个(?:百分点|工作日)?|…): the same matches, longest
 * first, but each character is tried once instead of once per word that starts with it.
 */
export function trieSource(words: string[]): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const word of words) {
    let node = root;
    for (const ch of word) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const render = (node: TrieNode): string => {
    const branches = [...node.next.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([ch, child]) => escapeRegex(ch) + render(child));
    if (!branches.length) return '';
    const body = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
    const grouped = branches.length === 1 && [...body].length > 1 ? `(?:${body})` : body;
    return node.end ? `${grouped}?` : body;
  };
  return render(root);
}

export class Fragments {
  private readonly sources = new Map<string, string>();
  private readonly sets = new Map<string, string[]>();

  constructor(readonly defs: FragmentFile) {
    for (const name of Object.keys(defs)) this.resolve(name, []);
  }

  /** The words of a word-set fragment, longest first. */
  words(name: string): string[] {
    const words = this.sets.get(name);
    if (!words) throw new FragmentError(name, `fragment {${name}} is not a word set`);
    return words;
  }

  has(name: string): boolean {
    return name in this.defs;
  }

  /** Regex source for a fragment, wrapped in a non-capturing group. */
  source(name: string): string {
    const s = this.sources.get(name);
    if (s === undefined) throw new FragmentError(name, `unknown fragment {${name}}`);
    return s;
  }

  /** Replaces every {NAME} in a regex source by the fragment's source. */
  expand(pattern: string): string {
    return pattern.replace(REFERENCE, (_, name: string) => this.source(name));
  }

  private resolve(name: string, stack: string[]): string {
    const done = this.sources.get(name);
    if (done !== undefined) return done;
    if (stack.includes(name)) throw new FragmentError(name, `fragment {${name}} refers to itself through ${stack.join(' -> ')}`);
    const def = this.defs[name];
    if (def === undefined) throw new FragmentError(stack[stack.length - 1] ?? name, `unknown fragment {${name}}`);
    let source: string;
    if (Array.isArray(def)) {
      const words = new Set<string>();
      for (const item of def) {
        for (const word of item.split(/\s+/).filter(Boolean)) {
          const ref = /^\{([A-Z][A-Z0-9_]*)\}$/.exec(word);
          if (ref) {
            this.resolve(ref[1]!, [...stack, name]);
            for (const w of this.words(ref[1]!)) words.add(w);
          } else words.add(word);
        }
      }
      const sorted = [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
      this.sets.set(name, sorted);
      source = `(?:${trieSource(sorted)})`;
    } else {
      const inner = def.replace(REFERENCE, (_, ref: string) => this.resolve(ref, [...stack, name]));
      source = `(?:${inner})`;
      try {
        new RegExp(source, 'u');
      } catch (e) {
        throw new FragmentError(name, `fragment {${name}} does not compile: ${(e as Error).message}`);
      }
    }
    this.sources.set(name, source);
    return source;
  }
}

// The segmenter's dictionary as a trie in typed arrays, built once at build time
// (scripts/build-dict.mjs) and loaded as one file, and the cut that nodejieba's `cut(text)`
// makes with it (cppjieba's MixSegment without HMM, that is MPSegment): the text split at
// its separators, then in each run the route of dictionary words whose summed
// log-frequencies are largest, unknown characters alone at the dictionary's least weight.
// JavaScript's Math.log may differ from the C library's in the last bit, so a route that wins
// by less than TIE_MARGIN is not trusted: the caller cuts that text with nodejieba instead.

/** One word of the dictionary, in the order the dictionary files give it. */
export interface DictionaryEntry {
  word: string;
  /** its frequency, or null for a user word at the median weight */
  frequency: number | null;
  /** its part of speech, or '' */
  tag: string;
  /** whether the tag is what the tool reads as the word's part of speech (the main dictionary's) */
  tagged: boolean;
}

export interface WordTrie {
  /** first child edge of each node; edges of node n are childStart[n] .. childStart[n+1] */
  childStart: Int32Array;
  /** the characters of the edges, sorted within a node */
  edgeChar: Uint16Array;
  edgeNode: Int32Array;
  /** the node of each first character (0: none) */
  rootChild: Int32Array;
  /** the log-frequency of the word that ends at each node, NaN where none does */
  weight: Float64Array;
  /** the index into tags of each node's part of speech, NO_TAG where it has none */
  tagIndex: Uint8Array;
  tags: string[];
  minWeight: number;
  medianWeight: number;
}

const NO_TAG = 255;
const MAGIC = 0x5452_4945; // "TRIE"
/** cppjieba's separators: each is a run of its own, and no word crosses one. */
const SEPARATORS = new Set([' ', '\t', '\n', '，', '。'].map((c) => c.charCodeAt(0)));
/** Two routes this close are a tie that the C library's logarithms may break the other way. */
const TIE_MARGIN = 1e-9;
/** Each part of the file starts on a multiple of 8 bytes, where a Float64Array may view it. */
const pad8 = (n: number) => (n + 7) & ~7;

/**
 * The trie of dictionary entries, with cppjieba's weights: log(frequency / sum of the main
 * dictionary's frequencies), the median of those for a user word; a later entry of a word
 * replaces an earlier one. Words must be of the Basic Multilingual Plane.
 */
export function buildWordTrie(main: DictionaryEntry[], user: DictionaryEntry[]): Uint8Array {
  const sum = main.reduce((s, e) => s + e.frequency!, 0);
  const weights = main.map((e) => Math.log(e.frequency! / sum));
  const sorted = [...weights].sort((a, b) => a - b);
  const minWeight = sorted[0]!;
  const medianWeight = sorted[Math.floor(sorted.length / 2)]!;
  // A tree of Maps first, then laid out breadth first so that a node's children are contiguous.
  interface Node {
    children: Map<number, Node>;
    weight: number;
    tag: string | null;
  }
  const root: Node = { children: new Map(), weight: NaN, tag: null };
  const nodeOf = (word: string): Node => {
    let node = root;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      let next = node.children.get(c);
      if (!next) node.children.set(c, (next = { children: new Map(), weight: NaN, tag: null }));
      node = next;
    }
    return node;
  };
  const all = [...main.map((e, k) => [e, weights[k]!] as const), ...user.map((e) => [e, e.frequency ? Math.log(e.frequency / sum) : medianWeight] as const)];
  for (const [e, w] of all) {
    if (!e.word) continue;
    const node = nodeOf(e.word);
    node.weight = w;
    if (e.tagged) node.tag = e.tag || null;
  }
  const tags: string[] = [];
  const sortedChildren = new Map<Node, [number, Node][]>();
  const order: Node[] = [root];
  for (let k = 0; k < order.length; k++) {
    const children = [...order[k]!.children.entries()].sort((a, b) => a[0] - b[0]);
    sortedChildren.set(order[k]!, children);
    for (const [, child] of children) order.push(child);
  }
  const index = new Map(order.map((n, k) => [n, k]));
  const nodes = order.length;
  const edges = nodes - 1;
  const childStart = new Int32Array(nodes + 1);
  const edgeChar = new Uint16Array(edges);
  const edgeNode = new Int32Array(edges);
  const weight = new Float64Array(nodes);
  const tagIndex = new Uint8Array(nodes);
  let e = 0;
  order.forEach((n, k) => {
    childStart[k] = e;
    for (const [c, child] of sortedChildren.get(n)!) {
      edgeChar[e] = c;
      edgeNode[e++] = index.get(child)!;
    }
    weight[k] = n.weight;
    tagIndex[k] = n.tag === null ? NO_TAG : tagNumber(tags, n.tag);
  });
  childStart[nodes] = e;
  const head = new TextEncoder().encode(JSON.stringify({ nodes, edges, minWeight, medianWeight, tags }));
  // header: magic, length of the JSON head; then the head and the arrays, each padded to 8.
  const parts = [weight, childStart, edgeNode, edgeChar, tagIndex];
  const size = pad8(8 + head.length) + parts.reduce((s, p) => s + pad8(p.byteLength), 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, head.length, true);
  out.set(head, 8);
  let at = pad8(8 + head.length);
  for (const p of parts) {
    out.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), at);
    at += pad8(p.byteLength);
  }
  return out;
}

/** The index of a part of speech in the list, added to it when new; a byte holds it, NO_TAG aside. */
function tagNumber(tags: string[], tag: string): number {
  let t = tags.indexOf(tag);
  if (t < 0) t = tags.push(tag) - 1;
  if (t >= NO_TAG) throw new Error('word-trie: more parts of speech than a byte holds');
  return t;
}

/** The trie of a file that buildWordTrie wrote; the arrays are views of its bytes. */
export function readWordTrie(bytes: Uint8Array): WordTrie {
  // Typed arrays need aligned offsets: copy once if the bytes do not start on a multiple of 8.
  const data = bytes.byteOffset % 8 ? bytes.slice() : bytes;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.byteLength < 8 || view.getUint32(0, true) !== MAGIC) throw new Error('word-trie: not a word trie file');
  const headLength = view.getUint32(4, true);
  const head = JSON.parse(new TextDecoder().decode(data.subarray(8, 8 + headLength))) as { nodes: number; edges: number; minWeight: number; medianWeight: number; tags: string[] };
  let at = data.byteOffset + pad8(8 + headLength);
  const take = <T>(make: (buffer: ArrayBufferLike, offset: number, length: number) => T, length: number, bytesEach: number): T => {
    const array = make(data.buffer, at, length);
    at += pad8(length * bytesEach);
    return array;
  };
  const weight = take((b, o, n) => new Float64Array(b, o, n), head.nodes, 8);
  const childStart = take((b, o, n) => new Int32Array(b, o, n), head.nodes + 1, 4);
  const edgeNode = take((b, o, n) => new Int32Array(b, o, n), head.edges, 4);
  const edgeChar = take((b, o, n) => new Uint16Array(b, o, n), head.edges, 2);
  const tagIndex = take((b, o, n) => new Uint8Array(b, o, n), head.nodes, 1);
  const rootChild = new Int32Array(0x10000);
  for (let e = childStart[0]!; e < childStart[1]!; e++) rootChild[edgeChar[e]!] = edgeNode[e]!;
  return { childStart, edgeChar, edgeNode, rootChild, weight, tagIndex, tags: head.tags, minWeight: head.minWeight, medianWeight: head.medianWeight };
}

/** The child of a node by a character, or 0. */
function childOf(trie: WordTrie, node: number, c: number): number {
  let lo = trie.childStart[node]!;
  let hi = trie.childStart[node + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = trie.edgeChar[mid]!;
    if (m === c) return trie.edgeNode[mid]!;
    if (m < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** The part of speech the dictionary gives a word, or undefined for a word it lacks or leaves untagged. */
export function tagOfWord(trie: WordTrie, word: string): string | undefined {
  const node = nodeOfWord(trie, word);
  const k = node ? trie.tagIndex[node]! : NO_TAG;
  return k === NO_TAG ? undefined : trie.tags[k];
}

/** The node of a whole word, or 0. */
function nodeOfWord(trie: WordTrie, word: string): number {
  if (!word) return 0;
  let node = trie.rootChild[word.charCodeAt(0)]!;
  for (let i = 1; i < word.length && node; i++) node = childOf(trie, node, word.charCodeAt(i));
  return node;
}

/** Words added at run time (nodejieba's insertWord): each at the median weight, by first character. */
export type AddedWords = Map<number, string[]>;

/**
 * The ends of the words of `text` in cppjieba's cut, or null when two routes of a run tie
 * within TIE_MARGIN. `text` holds no surrogates.
 */
export function cutEnds(trie: WordTrie, added: AddedWords, text: string): number[] | null {
  const ends: number[] = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !SEPARATORS.has(text.charCodeAt(i))) continue;
    if (i > from && !cutRun(trie, added, text, from, i, ends)) return null;
    if (i < text.length) ends.push(i + 1);
    from = i + 1;
  }
  return ends;
}

let best = new Float64Array(256);
let bestEnd = new Int32Array(256);

/**
 * Pushes the word ends of text[from, to) by the route of largest weight; false on a near tie.
 * With no near tie the largest is unique, so the order in which words are weighed is free.
 */
function cutRun(trie: WordTrie, added: AddedWords, text: string, from: number, to: number, ends: number[]): boolean {
  const n = to - from;
  if (best.length < n + 1) {
    best = new Float64Array(2 * n + 2);
    bestEnd = new Int32Array(2 * n + 2);
  }
  best[n] = 0;
  const addedLengths: number[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const at = from + i;
    const first = text.charCodeAt(at);
    addedLengths.length = 0;
    for (const word of added.get(first) ?? []) if (word.length <= n - i && text.startsWith(word, at)) addedLengths.push(word.length);
    let top = -Infinity;
    let topEnd = i + 1;
    let tie = false;
    const weigh = (length: number, weight: number) => {
      const val = best[i + length]! + weight;
      if (Math.abs(val - top) < TIE_MARGIN) tie = true;
      if (val > top) {
        top = val;
        topEnd = i + length;
      }
    };
    let node = trie.rootChild[first]!;
    const single = node ? trie.weight[node]! : NaN;
    if (!addedLengths.includes(1)) weigh(1, Number.isNaN(single) ? trie.minWeight : single);
    for (let j = i + 1; j < n && node; j++) {
      node = childOf(trie, node, text.charCodeAt(from + j));
      const w = node ? trie.weight[node]! : NaN;
      if (!Number.isNaN(w) && !addedLengths.includes(j + 1 - i)) weigh(j + 1 - i, w);
    }
    for (const length of addedLengths) weigh(length, trie.medianWeight);
    if (tie) return false;
    best[i] = top;
    bestEnd[i] = topEnd;
  }
  for (let i = 0; i < n; i = bestEnd[i]!) ends.push(from + bestEnd[i]!);
  return true;
}

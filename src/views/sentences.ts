// The sentence around an indicator, as the views show it. A sentence ends where the extractor's
// sentences end (src/pipeline/clauses.ts: 。！？!? and line breaks), so a sentence here is one there.

export const SENTENCE_END: ReadonlySet<string> = new Set([...'。！？!?\n']);
/** How much of a sentence the CSV keeps on either side of a span: a text without sentence ends
 * (a table flattened to one line) must not put the whole document in every row. */
const CONTEXT = 200;

/** [start, end) of the sentence that holds the span, in code points, `charAt(k)` being the k-th
 * code point of the text; `lo` and `hi` bound the search (the part of the text at hand). */
export function sentenceBounds(charAt: (k: number) => string, [s, e]: readonly [number, number], lo: number, hi: number): [number, number] {
  let start = Math.max(lo, Math.min(s, hi));
  let end = Math.max(start, Math.min(e, hi));
  while (start > lo && !SENTENCE_END.has(charAt(start - 1))) start--;
  while (end < hi && (end === 0 || !SENTENCE_END.has(charAt(end - 1)))) end++;
  return [start, end];
}

/** The sentence as one line: line breaks and runs of spaces of a printed page are one space. */
export function oneLine(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

/**
 * The sentences around spans given in the order of their starts, read from the text a piece at
 * a time (a large file is decoded block by block): only the text from CONTEXT code points before
 * the current span on is held. A sentence cut at CONTEXT is marked with an ellipsis.
 */
export function sentenceReader(pieces: Iterable<string>): (span: readonly [number, number]) => string {
  const source = pieces[Symbol.iterator]();
  // held[k - base] is the k-th code point of the text; what comes before base is let go.
  let held: string[] = [];
  let base = 0;
  let skipped = 0;
  // whether the code point just before base ends a sentence (the text's start does)
  let endBefore = true;
  let ended = false;
  const charAt = (k: number) => held[k - base + skipped]!;
  const heldEnd = () => base + held.length - skipped;
  return (span) => {
    while (!ended && heldEnd() < span[1] + CONTEXT) {
      const next = source.next();
      if (next.done) ended = true;
      else for (const ch of next.value) held.push(ch);
    }
    const from = Math.min(Math.max(base, span[0] - CONTEXT), heldEnd());
    if (from > base) {
      endBefore = SENTENCE_END.has(charAt(from - 1));
      skipped += from - base;
      base = from;
      // Code points are let go in bulk, not one at a time.
      if (skipped > held.length / 2) {
        held = held.slice(skipped);
        skipped = 0;
      }
    }
    const hi = Math.min(heldEnd(), span[1] + CONTEXT);
    const [start, end] = sentenceBounds(charAt, span, base, hi);
    let text = '';
    for (let k = start; k < end; k++) text += charAt(k);
    const cutBefore = start === base && !endBefore;
    const cutAfter = end === hi && hi > base && !(ended && hi === heldEnd()) && !SENTENCE_END.has(charAt(hi - 1));
    return (cutBefore ? '…' : '') + oneLine(text) + (cutAfter ? '…' : '');
  };
}

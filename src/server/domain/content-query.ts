/**
 * @module Turning what a partner typed into a full-text query: words, the prefix being typed, and
 * the typo alternatives found through the vocabulary's trigrams. Pure functions, except
 * {@link typoAlternatives}, which asks the vocabulary.
 */
import type { Queryable } from '../store/index.js';

export interface Token {
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Words with their UTF-16 offsets, lowercased the way PostgreSQL's `simple` configuration does. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    out.push({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Typos allowed in a word of this many letters: Meilisearch's defaults (1 from 5, 2 from 9). */
export const typoBudget = (word: string): number => {
  const n = [...word].length;
  return n >= 9 ? 2 : n >= 5 ? 1 : 0;
};

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string, max = Infinity): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= s.length; i++) rows.push([i, ...new Array<number>(t.length).fill(0)]);
  for (let j = 0; j <= t.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= s.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = v;
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
  }
  return rows[s.length]![t.length]!;
}

/** One word of the query and what may stand for it in a document. */
export interface Term {
  word: string;
  /** The word is still being typed: any lexeme starting with it matches. */
  prefix: boolean;
  /** Vocabulary words within the typo budget (of the word, or of its prefix while typing). */
  typos: string[];
}

export interface ParsedQuery {
  terms: Term[];
}

const MAX_TERMS = 8;

/** The words of `q`; the last one is a prefix unless `q` ends in a space. */
export function parseQuery(q: string): ParsedQuery {
  const tokens = tokenize(q);
  const seen = new Set<string>();
  const terms: Term[] = [];
  tokens.forEach((t, i) => {
    if (seen.has(t.word) || terms.length >= MAX_TERMS) return;
    seen.add(t.word);
    const last = i === tokens.length - 1 && !/[\s\p{P}]$/u.test(q);
    terms.push({ word: t.word, prefix: last, typos: [] });
  });
  return { terms };
}

/** Near words of the vocabulary, for typo alternatives and for suggestions. */
export async function nearWords(
  db: Queryable,
  words: string[],
  perWord = 30,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (words.length === 0) return out;
  // `%` and `<%` use the GIN trigram index; the thresholds are low on purpose (a transposition
  // in a five-letter word keeps only a fifth of its trigrams) and the edit distance decides.
  const { rows } = await db.query<{ w: string; word: string }>(
    `select q.w, c.word
       from unnest($1::text[]) as q(w)
       cross join lateral (
         select u.word from (
           select l.word from content_lexemes l where l.word % q.w
           union
           select l.word from content_lexemes l where l.word %> q.w) u
          order by similarity(u.word, q.w) desc, u.word
          limit $2) c`,
    [words, perWord],
  );
  for (const r of rows) {
    const list = out.get(r.w) ?? [];
    list.push(r.word);
    out.set(r.w, list);
  }
  return out;
}

/** Sets the trigram thresholds for the rest of the transaction. */
export async function lowerTrigramThresholds(db: Queryable): Promise<void> {
  await db.query(
    `select set_config('pg_trgm.similarity_threshold', '0.2', true),
            set_config('pg_trgm.word_similarity_threshold', '0.45', true)`,
  );
}

/** Fills each term's `typos` from the vocabulary. */
export async function typoAlternatives(db: Queryable, parsed: ParsedQuery): Promise<void> {
  const fuzzy = parsed.terms.filter((t) => typoBudget(t.word) > 0);
  const near = await nearWords(
    db,
    fuzzy.map((t) => t.word),
  );
  for (const t of fuzzy) {
    const budget = typoBudget(t.word);
    const n = [...t.word].length;
    for (const cand of near.get(t.word) ?? []) {
      // The word itself, and while typing every word it begins, are matched already.
      if (cand === t.word || (t.prefix && cand.startsWith(t.word))) continue;
      let ok = editDistance(t.word, cand, budget) <= budget;
      if (!ok && t.prefix) {
        // While typing, the word may be the start of a longer one: compare with its prefixes.
        const letters = [...cand];
        for (let k = Math.max(1, n - budget); k <= Math.min(letters.length, n + budget); k++) {
          if (editDistance(t.word, letters.slice(0, k).join(''), budget) <= budget) {
            ok = true;
            break;
          }
        }
      }
      if (ok) t.typos.push(cand);
    }
  }
}

/** A lexeme as tsquery text: quoted, with quotes and backslashes escaped. */
const lexeme = (w: string) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** The tsquery of the words as typed (with the prefix): what ranks an exact match first. */
export function exactTsquery(p: ParsedQuery): string {
  return p.terms.map((t) => lexeme(t.word) + (t.prefix ? ':*' : '')).join(' & ');
}

/** The tsquery that decides what matches: each word or one of its typo alternatives. */
export function fullTsquery(p: ParsedQuery): string {
  return p.terms
    .map((t) => {
      const alts = [lexeme(t.word) + (t.prefix ? ':*' : ''), ...t.typos.map(lexeme)];
      return alts.length === 1 ? alts[0]! : `(${alts.join(' | ')})`;
    })
    .join(' & ');
}

/** The `[start, end)` ranges of `text` that matched: whole words, or the typed part of a prefix. */
export function highlightRanges(text: string, p: ParsedQuery): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const tok of tokenize(text)) {
    let hit: [number, number] | undefined;
    for (const t of p.terms) {
      if (tok.word === t.word || t.typos.includes(tok.word)) {
        hit = [tok.start, tok.end];
        break;
      }
      if (t.prefix && tok.word.startsWith(t.word)) {
        // Lowercasing can change a word's length (İ → i̇); then the whole word is marked.
        const sameLength = tok.word.length === tok.end - tok.start;
        hit = [tok.start, sameLength ? tok.start + t.word.length : tok.end];
      }
    }
    if (hit) ranges.push(hit);
  }
  return ranges;
}

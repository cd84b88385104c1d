/**
 * Text read from a picture (a campaign flyer, a screenshot of a chat, a caption burned into a
 * photo) by OCR, scored like a post. Pure: the OCR itself runs on the server (tesseract.js, a
 * background job); this turns what it recognised into the text an officer reads and the score.
 */
import { MENTION_KINDS, type LexiconEntryKind } from './lexicon.ts';
import type { ScreenablePost, ScreeningResult } from './scorer.ts';
import type { Screener } from './screener.ts';

/** A lexicon term found in the recognised text: what to highlight, and why. */
export interface ImageTextMatch {
  /** UTF-16 offsets in the tidied text, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly kind: LexiconEntryKind;
  /** The term as the lexicon writes it ("Mas Bayu", "coblos"). */
  readonly term: string;
  /** Whether the term names a candidate pair (a name, number, slogan, party, hashtag) rather than a cue. */
  readonly mention: boolean;
}

export interface ImageTextScreening {
  /** The recognised text, tidied: what is stored, shown, and what the offsets refer to. */
  readonly text: string;
  readonly result: ScreeningResult;
  /** Every lexicon hit, ordered by position; overlapping hits of one span are reported once. */
  readonly matches: readonly ImageTextMatch[];
}

/** Characters OCR reads from borders, rules and noise rather than from letters. */
const NOISE = /[|_~¦©®°¬•·=<>{}[\]\\^]+/g;

/**
 * Tidies OCR output: words hyphenated across a line break are joined ("Banyu-\nwangi"), stray
 * border symbols dropped, spaces folded, lines without a letter or digit removed. Line breaks
 * stay: they separate a flyer's lines, as the normaliser treats them.
 */
export function tidyRecognisedText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/(\p{L})-\n[ \t]*(\p{Ll})/gu, '$1$2')
    .replace(NOISE, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, ' ').trim())
    .filter((line) => /[\p{L}\p{N}]/u.test(line))
    .join('\n');
}

/**
 * Scores the text recognised in a picture like a post of the same kind and account (a flyer
 * shared by an ASN is scored as that ASN's share), and lists the lexicon terms found in it.
 */
export function screenImageText(screener: Screener, recognised: string, post: Omit<ScreenablePost, 'text'>): ImageTextScreening {
  const text = tidyRecognisedText(recognised);
  const matches: ImageTextMatch[] = [];
  for (const hit of screener.matchText(text)) {
    const last = matches.at(-1);
    if (last && last.start === hit.start && last.end === hit.end) continue;
    matches.push({ start: hit.start, end: hit.end, kind: hit.entry.kind, term: hit.entry.term, mention: MENTION_KINDS.has(hit.entry.kind) });
  }
  return { text, result: screener.screen({ ...post, text }), matches };
}

import { createCandidateDirectory } from './directory.ts';
import { lexiconNormaliser, type Lexicon } from './lexicon.ts';
import { createMatcher, type LexiconHit } from './matcher.ts';
import { DEFAULT_SCREENING_MODEL } from './model/default.ts';
import type { NormalisedToken } from './normalise.ts';
import { DEFAULT_SCORING_CONFIG, scorePost, type ScoringConfig, type ScreenablePost, type ScreeningResult } from './scorer.ts';

const NO_HITS: readonly LexiconHit[] = Object.freeze([]);

/** Normaliser, matcher and scorer compiled for one lexicon: build once, screen many posts. */
export interface Screener {
  readonly lexicon: Lexicon;
  readonly config: ScoringConfig;
  normalise(text: string): NormalisedToken[];
  match(tokens: readonly NormalisedToken[]): LexiconHit[];
  /** `match(normalise(text))` in one pass, without allocating the tokens. */
  matchText(text: string): LexiconHit[];
  screen(post: ScreenablePost): ScreeningResult;
}

/**
 * `config` overrides the defaults field by field (a nested record is replaced whole). The
 * committed learned model is used unless `config.model` says otherwise (null: cues alone).
 */
export function createScreener(lexicon: Lexicon, config: Partial<ScoringConfig> = {}): Screener {
  const normaliser = lexiconNormaliser(lexicon);
  const matcher = createMatcher(lexicon.entries);
  const directory = createCandidateDirectory(lexicon.candidates);
  const scoring = { ...DEFAULT_SCORING_CONFIG, model: DEFAULT_SCREENING_MODEL, ...config };
  return {
    lexicon,
    config: scoring,
    normalise: (text) => normaliser.normalise(text),
    match: (tokens) => matcher.match(tokens),
    matchText: (text) => matcher.matchText(text, normaliser),
    screen: (post) => {
      // Most posts name no candidate: they score nothing whatever cues they hold (scorePost's
      // own rule), so their hits are never built.
      const hits = matcher.matchTextNamingCandidate(post.text, normaliser);
      if (hits === null) return scorePost(post, NO_HITS, directory, scoring);
      // The model reads the words too, but only of the few posts that name a candidate.
      const tokens = scoring.model ? matcher.lastTokenList() : undefined;
      return scorePost(post, hits, directory, scoring, tokens);
    },
  };
}

/**
 * Social-media screening: normalise Indonesian social-media text, match it against a lexicon
 * built from the candidate registry and the general campaign vocabulary, and score each post
 * for human triage. Pure functions, no I/O.
 */
export { BALLOT_NUMBER_TEMPLATES, DEFAULT_CUES, NUMBER_GESTURES, NUMBER_WORDS, type CueList, type CueLists } from './cues.ts';
export { createCandidateDirectory, type CandidateDirectory } from './directory.ts';
export {
  evaluateScreening,
  parseLabelledPosts,
  type LabelledPost,
  type ScreeningEvaluation,
  type ScreeningLabel,
  type ScreeningMistake,
} from './evaluate.ts';
export {
  applyLexiconEdits,
  buildLexicon,
  CUE_KINDS,
  lexiconNormaliser,
  lexiconVocabulary,
  MENTION_KINDS,
  type CandidateName,
  type CandidatePair,
  type Lexicon,
  type LexiconCandidate,
  type LexiconEdit,
  type LexiconEntry,
  type LexiconEntryKind,
} from './lexicon.ts';
export { createMatcher, type LexiconHit, type Matcher, type TokenList } from './matcher.ts';
export { screenImageText, tidyRecognisedText, type ImageTextMatch, type ImageTextScreening } from './image-text.ts';
export { createNameFuzzer, editDistance, maxNameEdits, maxPairNameEdits, type NameFuzzer } from './fuzzy.ts';
export {
  contributions,
  describeSource,
  featureBucket,
  hashFeature,
  linearScore,
  loadScreeningModel,
  modelLogits,
  postFeatures,
  type CueFeature,
  type FeatureHashing,
  type FeatureSource,
  type LinearModel,
  type LinearModelJson,
  type PostFeatures,
  type ScreeningModel,
  type ScreeningModelJson,
} from './model.ts';
export { DEFAULT_SCREENING_MODEL } from './model/default.ts';
export { COMMON_NAMES, HONORIFICS, NAME_TITLES, PARTY_ALIASES } from './names.ts';
export {
  BASE_VOCABULARY,
  createNormaliser,
  stemWord,
  type NormalisedToken,
  type Normaliser,
  type TokenKind,
  type TokenSink,
} from './normalise.ts';
export {
  DEFAULT_SCORING_CONFIG,
  modelInputs,
  scorePost,
  type ModelInputs,
  type MentionKind,
  type PostKind,
  type ReasonCode,
  type ScoreReason,
  type ScoringConfig,
  type ScreenablePost,
  type ScreeningCategory,
  type ScreeningResult,
  type TextSpan,
} from './scorer.ts';
export { createScreener, type Screener } from './screener.ts';
export { SLANG } from './slang.ts';
export { COMMON_WORDS, NUMBER_CONTEXT_WORDS, VERBATIM_CUE_WORDS } from './words.ts';

import { readFileSync } from 'node:fs';
import { z } from 'zod';
import shippedAnswerability from './answerability-model.json' with { type: 'json' };
import { linearModelSchema, type LinearModel } from './linear-model.js';
import shippedLines from './line-model.json' with { type: 'json' };
import shippedRanking from './ranking-model.json' with { type: 'json' };

/**
 * Every number that shapes answer quality, in one place. Each value says how it was chosen.
 * "Tune split" means eval/clinical-coding/tune.jsonl (plus the shared dev set); the test splits
 * are never used to choose anything here. The answerability model's coefficients are fitted by
 * `npm run fit` (scripts/quality/fit-answerability.ts) and read from answerability-model.json.
 */
export interface QualityParameters {
  retrieval: {
    /** Candidates taken from each of the dense and keyword searches before fusion. Kept from round 1. */
    candidates: number;
    /** Reciprocal-rank-fusion constant k. Kept from round 1 (k = 20 favoured the top ranks on dev). */
    rrfK: number;
    /** Line score weights: lexical evidence, weighted coverage, label coverage, line-level cosine, value-type bonus. Grid-searched on the tune split. */
    line: { evidence: number; coverage: number; about: number; dense: number; quantity: number; definesAcronym: number };
  };
  matching: {
    /** Strength of a match through a lexicon relation or a spelling fix (1 = the word itself). Ordered by how much meaning each relation keeps; checked on the tune split. */
    relation: { stemVariant: number; spelling: number; synonym: number; similar: number; derived: number; broader: number; narrower: number; curated: number };
    /** Largest edit distance accepted as a typo, by token length (short tokens need an exact match). */
    maxTypoDistance: (length: number) => number;
    /** Weight of alternative terms in the keyword (BM25) query, relative to the word asked. */
    keywordAlternativeWeight: number;
    /** Weight of the previous question's terms carried into a follow-up. Kept from round 1. */
    carriedWeight: number;
  };
  answer: {
    /** Lines quoted at most, and how far below the lead line (in the line model's log-odds) a further line may be. */
    maxLines: number;
    extraLineLogOdds: number;
    /** Sections whose lines may join an answer (top-ranked first). */
    sectionsConsidered: number;
    /** A partial answer (topic covered, specific thing not) needs a related line at least this close (cosine). Set from the tune split's near misses. */
    partialMinSimilarity: number;
  };
}

export const QUALITY: QualityParameters = {
  retrieval: {
    candidates: 80,
    rrfK: 20,
    line: { evidence: 0.15, coverage: 0.3, about: 0.3, dense: 0.6, quantity: 0.5, definesAcronym: 0.3 },
  },
  matching: {
    relation: { stemVariant: 0.85, spelling: 0.9, synonym: 0.7, similar: 0.6, derived: 0.55, broader: 0.5, narrower: 0.35, curated: 0.6 },
    maxTypoDistance: (length) => (length < 5 ? 0 : length < 8 ? 1 : 2),
    keywordAlternativeWeight: 0.4,
    carriedWeight: 0.5,
  },
  answer: {
    maxLines: 3,
    extraLineLogOdds: 1,
    sectionsConsidered: 3,
    partialMinSimilarity: 0.35,
  },
};

/** The fitted answerability model: a logistic regression plus the probability above which the bot answers. */
export const answerabilityModelSchema = linearModelSchema.extend({ threshold: z.number().min(0).max(1) });
export type AnswerabilityModel = z.infer<typeof answerabilityModelSchema>;

/** The shipped answerability model, or one read from a file (the fit script's experiments). */
export function loadAnswerabilityModel(path?: string): AnswerabilityModel {
  return answerabilityModelSchema.parse(path ? JSON.parse(readFileSync(path, 'utf8')) : shippedAnswerability);
}

/** The shipped line model (log-odds that a candidate line states the answer), or one read from a file. */
export function loadLineModel(path?: string): LinearModel {
  return linearModelSchema.parse(path ? JSON.parse(readFileSync(path, 'utf8')) : shippedLines);
}

/** The shipped section-ranking model (its log-odds order the candidate sections), or one read from a file. */
export function loadRankingModel(path?: string): LinearModel {
  return linearModelSchema.parse(path ? JSON.parse(readFileSync(path, 'utf8')) : shippedRanking);
}


/**
 * Every number that shapes answer quality, in one place. Each value says how it was chosen.
 * "Tune split" means eval/clinical-coding/tune.jsonl (plus the shared dev set); the test splits
 * are never used to choose anything here. The fitted models (section ranking, line selection,
 * answerability) live in ./models/, one file per embedder, written by `npm run fit` (models.ts).
 */
export interface QualityParameters {
  retrieval: {
    /** Candidates taken from each of the dense and keyword searches before fusion. Kept from round 1. */
    candidates: number;
    /** Reciprocal-rank-fusion constant k. Kept from round 1 (k = 20 favoured the top ranks on dev). */
    rrfK: number;
    /** Texts embedded per question at most: the whole question and its first sentences (scenario questions). */
    maxViews: number;
    /**
     * Hand-set line relevance (round 1's weights; the per-line cosine weight doubled to 0.6 when it
     * became exact): a feature of the fitted section-ranking and line models, which weigh it against the rest.
     */
    line: { evidence: number; headingEvidence: number; coverage: number; about: number; dense: number; quantity: number; definesAcronym: number };
  };
  matching: {
    /** Strength of a match through a lexicon relation or a spelling fix (1 = the word itself). Ordered by how much meaning each relation keeps; checked on the tune split. */
    relation: { stemVariant: number; spelling: number; synonym: number; similar: number; derived: number; broader: number; narrower: number; curated: number; embedding: number; abbreviation: number };
    /**
     * A question word the guides never use is matched to the guide words nearest to it in the
     * embedder's space (src/retrieval/word-neighbours.ts): those at least `minSimilarity` close,
     * the `perWord` closest. Chosen on the coding tune split; unrelated word pairs score about
     * 0.25–0.45 with USE-lite, related ones 0.5–0.75.
     */
    neighbours: { minSimilarity: number; perWord: number };
    /**
     * How many guide words a chat abbreviation may stand for ("neuro": "neurology", "neurosurgery"),
     * the most frequent first. Round 10: 1, 2 and 3 measure the same on every tune split; an
     * abbreviation's strength (relation.abbreviation, as strong as a curated abbreviation) measured
     * the same at 0.45 and 0.75.
     */
    abbreviationReadings: number;
    /**
     * An English word the guides never use is also read as clipping one of the guides' frequent words
     * ("para" → "paralegal", "cali" → "california"): only words of at least `minClippedEnglishWord`
     * letters (before a plural "s"; "lit", "pro" are too short to say which), and only into the first
     * `clippedWordShare` of the guides' words by frequency (a guide's main words, not its rare ones).
     * Round 15, chosen on the paralegal tune split's colloquial questions before any test split was read;
     * three letters measured the same on every tune split.
     */
    minClippedEnglishWord: number;
    /**
     * A question word that pins something down (a place, an occupation, a code: src/answer/specific-words.ts)
     * counts as present when a guide word matches it at least this strongly: a spelling fix, a curated
     * abbreviation or chat clipping ("cali" → "california"), a WordNet synonym; a broader, derived or
     * merely similar-in-embedding word does not. Round 15 (was the spelling strength, 0.9), chosen on the tune splits.
     */
    pinnedMatch: number;
    clippedWordShare: number;
    /** Largest edit distance accepted as a typo, by token length (short tokens need an exact match). */
    maxTypoDistance: (length: number) => number;
    /** Weight of alternative terms in the keyword (BM25) query, relative to the word asked. */
    keywordAlternativeWeight: number;
    /** Weight of the previous question's terms carried into a follow-up. Kept from round 1. */
    carriedWeight: number;
    /**
     * Weight of the names the previous answer gave (its acronyms), carried so "what about the other
     * one?" can refer to them. A quarter of the previous question's words: what the user asked about
     * is what a follow-up continues ("how much is the test?" after "Tell me about the RMA"), not every
     * credential the answer happened to mention. Chosen in round 10 on the tune splits among 1, ½, ¼
     * and 0 of carriedWeight (coding follow-ups 0.762 / 0.810 / 0.857 / 0.857, medical assistant
     * 0.750 / 0.833 / 0.833 / 0.833, fourth guide 0.909 / 0.909 / 0.909 / 0.818).
     */
    carriedEntityWeight: number;
    /** Weight of hint terms a question's shape adds ("where" → settings; "why" → reasons; money → pay words). Kept from round 1; never required to match. */
    shapeHintWeight: number;
    reasonHintWeight: number;
    /** How much a word of the guide's own subject ("coding" in a coding guide) counts, in the keyword search and the rerank: it is true of every section. Kept from round 1 (the keyword search uses it since round 5). */
    topicalTermWeight: number;
  };
  answer: {
    /**
     * Lines quoted at most, and how far below the lead line (in the line model's log-odds) a further
     * line may be. 2 (round 8; was 1): a second or third line is often where the answer is when the
     * lead misses. On every tune split fact recall rose or held (coding .595 → .607, dev .932 → .955,
     * medical assistant .667 → .708, fourth guide .575 → .600, cross-guide .833 → .889) and citation
     * precision fell (coding .520 → .441, dev .837 → .776); 3 and above only fill every answer to three lines.
     */
    maxLines: number;
    /**
     * Longest statement (in words) that a following paragraph opening with a label ("What helps: …")
     * carries on in an answer: a challenge or problem set as a line of its own is short. 15 (round 17):
     * the dental hygienist guide's challenges have 5–9 words; a paragraph of explanation is longer.
     */
    maxStatementWords: number;
    extraLineLogOdds: number;
    /** Two lines sharing more than this share of their terms (Jaccard) are near-copies; only one is quoted. Kept from round 1. */
    nearCopyOverlap: number;
    /** Sections whose lines may join an answer (top-ranked first). */
    sectionsConsidered: number;
    /**
     * Lines a partial answer quotes under "What it says": the lead and, when the line model rates it
     * nearly as likely (within extraLineLogOdds), one more, as an answer would. Round 10, from 1: a
     * second line often holds what was asked when the decision was unsure (coding tune fact recall,
     * which counts the lines a partial answer shows, 0.619 → 0.643; pharmacy 0.610 → 0.634).
     */
    partialLines: number;
    /** A partial answer (topic covered, specific thing not) needs a related line at least this close (cosine). Set from the tune split's near misses. */
    partialMinSimilarity: number;
    /**
     * How much worse a wrong refusal is than a wrong answer to an off-topic question, when the
     * fit script picks the answer threshold. 2: a refusal hides what the guide says and was the
     * complaint that started this work (issue 10), while an off-topic answer shows itself as such
     * by quoting the guide.
     */
    refusalCost: number;
    /**
     * An occupation word is one of the guide's own names for its subject ("coder" in a guide on
     * clinical coding specialists) when the guide uses it in at least this share as many sections
     * as its title's job word; rarer ones name other roles ("pharmacist" in a pharmacy technician
     * guide). 0.5 sits between the four guides' own synonyms (0.66) and other roles (0.15–0.32).
     */
    ownOccupationShare: number;
  };
  /** Telling several loaded guides apart (src/retrieval/guide-router.ts). */
  guides: {
    /** A word names a guide when that guide uses it in at least this many lines… */
    minUses: number;
    /** …and at least this many times as often as any other loaded guide. */
    dominance: number;
    /** Question weight of such words needed to name a guide (1 = one word of the question itself; carried follow-up words count half). */
    minNamingWeight: number;
    /** A second guide named at least this share as strongly as the first is kept too ("X and Y"). */
    coNamedShare: number;
  };
  intents: {
    /**
     * A message is routed to a feature (card, comparison, quiz, short reply) only when its closest
     * intent exemplar beats every other intent's closest exemplar by at least this cosine. Chosen on
     * the tune half of tests/commands/intents/paraphrases.ts with USE-lite.
     */
    minMargin: number;
    /**
     * A short reply to chit-chat needs the message to look like chit-chat: its closest chat exemplar
     * at least this close. Round 8: the tune chat paraphrases score 0.66 and above; follow-ups the
     * chat exemplars were nearest to ("anything working against it?", "any downsides to it?") 0.37–0.46.
     */
    minChatSimilarity: number;
  };
  followUps: {
    /** Lines of a section, not yet shown in the conversation, that a repeating follow-up gives instead. */
    nextLines: number;
    /**
     * A message of at most this many content words that does not read as a follow-up ("how do I
     * qualify?", "fee?") is also read as one, and the reading the answer decision is surer of wins.
     * Round 8: 3 and 2 gave the same tune numbers (fourth guide's follow-ups .727 → .909, no other change).
     */
    shortQuestionTerms: number;
    /**
     * A follow-up that names what it wants ("and the procedure code updates?") is answered again
     * when the repeated lines hold at least this share of its own words; only a follow-up with
     * nothing of its own to match ("what then?") gets the next lines instead. Set by reasoning
     * (half the words asked), checked on the tune split's conversations.
     */
    restateSupport: number;
  };
  refusals: {
    /** Suggested questions or commands a refusal offers (from the closest sections). */
    suggestions: number;
  };
  report: {
    /** Two unanswered questions whose embeddings (the answer embedder's) are at least this close ask the same thing. Not fitted: set by reading USE-lite groupings. */
    sameQuestion: number;
  };
}

export const QUALITY: QualityParameters = {
  retrieval: {
    candidates: 80,
    rrfK: 20,
    maxViews: 4,
    line: { evidence: 0.15, headingEvidence: 0.7, coverage: 0.3, about: 0.3, dense: 0.6, quantity: 0.5, definesAcronym: 0.3 },
  },
  matching: {
    relation: { stemVariant: 0.85, spelling: 0.9, synonym: 0.7, similar: 0.6, derived: 0.55, broader: 0.5, narrower: 0.35, curated: 0.6, embedding: 0.3, abbreviation: 0.6 },
    neighbours: { minSimilarity: 0.55, perWord: 3 },
    abbreviationReadings: 2,
    minClippedEnglishWord: 4,
    pinnedMatch: 0.6,
    clippedWordShare: 0.15,
    maxTypoDistance: (length) => (length < 5 ? 0 : length < 8 ? 1 : 2),
    keywordAlternativeWeight: 0.4,
    carriedWeight: 0.5,
    carriedEntityWeight: 0.125,
    shapeHintWeight: 0.6,
    reasonHintWeight: 0.4,
    topicalTermWeight: 0.25,
  },
  answer: {
    maxLines: 3,
    maxStatementWords: 15,
    extraLineLogOdds: 2,
    nearCopyOverlap: 0.6,
    sectionsConsidered: 3,
    partialMinSimilarity: 0.35,
    partialLines: 2,
    refusalCost: 2,
    ownOccupationShare: 0.5,
  },
  // Set by reasoning, then checked on the cross-guide tune split (eval/cross-guide/tune.jsonl):
  // two uses keep a one-off mention from naming a guide; five times as often leaves words both
  // careers share ("certification", "salary") to both.
  guides: { minUses: 2, dominance: 5, minNamingWeight: 1, coNamedShare: 0.5 },
  intents: { minMargin: 0.02, minChatSimilarity: 0.55 },
  followUps: { nextLines: 3, restateSupport: 0.5, shortQuestionTerms: 3 },
  refusals: { suggestions: 3 },
  report: { sameQuestion: 0.75 },
};

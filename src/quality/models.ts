import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { linearModelSchema } from './linear-model.js';
import hashing from './models/hashing-256.json' with { type: 'json' };
import useLite from './models/local-use-lite-512.json' with { type: 'json' };

/** The fitted answerability model: a logistic regression plus the probability above which the bot answers. */
export const answerabilityModelSchema = linearModelSchema.extend({ threshold: z.number().min(0).max(1) });
export type AnswerabilityModel = z.infer<typeof answerabilityModelSchema>;

/**
 * The three fitted models, for one embedder: similarities mean different things under different
 * embedders, so each is fitted (scripts/quality/fit-*.ts) with the embedder it will run with.
 *  - ranking: orders candidate sections (log-odds that a section holds the answer);
 *  - lines: orders candidate lines (log-odds that a line states the answer);
 *  - answerability: answer, or say the guide doesn't cover it.
 */
export const qualityModelsSchema = z.object({
  embedder: z.string(),
  ranking: linearModelSchema,
  lines: linearModelSchema,
  answerability: answerabilityModelSchema,
});
export type QualityModels = z.infer<typeof qualityModelsSchema>;

const SHIPPED = [useLite, hashing].map((m) => qualityModelsSchema.parse(m));

/** The file name the fit scripts write an embedder's models to. */
export function modelFileName(embedderId: string): string {
  return `${embedderId.replace(/[^a-z0-9.-]+/gi, '-').replace(/^-|-$/g, '')}.json`;
}

/**
 * The models fitted for an embedder. An embedder nobody fitted for (an OpenAI model, say) gets
 * the default USE-lite models and `fallback: true`; `npm run fit` with that embedder configured
 * fits its own (docs/evaluation.md).
 */
export function loadQualityModels(embedderId: string, path?: string): QualityModels & { fallback: boolean } {
  if (path) return { ...qualityModelsSchema.parse(JSON.parse(readFileSync(path, 'utf8'))), fallback: false };
  const fitted = SHIPPED.find((m) => m.embedder === embedderId);
  return { ...(fitted ?? SHIPPED[0]!), fallback: !fitted };
}

/**
 * The labelled questions the fit scripts learn from: the shared dev set and the coding guide's
 * tune split. Test splits and the second guide are never read here, so their numbers stay honest.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/index.js';
import { CareerAdvisor } from '../../src/core/index.js';
import { HashingEmbeddings } from '../../src/embeddings/index.js';
import { isConversation, isInScope, readEvalFile } from '../../src/eval/index.js';
import { modelFileName, qualityModelsSchema, type QualityModels } from '../../src/quality/index.js';

export const TRAINING_FILES = ['../shared/eval/dev.jsonl', 'eval/clinical-coding/tune.jsonl', 'eval/clinical-coding/oos-tune.jsonl'].filter((f) => existsSync(f));

export interface LabelledQuestion {
  id: string;
  question: string;
  /** Expected sections (in-scope questions and turns that name them); undefined for out-of-scope. */
  sections?: string[];
  answerable: boolean;
  /** Conversation the question belongs to (turns are asked in order within it). */
  conversationId?: string;
}

export function trainingQuestions(files = TRAINING_FILES): LabelledQuestion[] {
  return files.flatMap((file) =>
    readEvalFile(file).flatMap((item): LabelledQuestion[] => {
      if (isConversation(item)) {
        return item.turns.map((turn, i) => ({ id: `${item.id}#${i + 1}`, question: turn.question, answerable: true, conversationId: `fit-${item.id}`, ...sectionsOf(turn) }));
      }
      return [{ id: item.id, question: item.question, answerable: isInScope(item), ...(isInScope(item) ? { sections: item.sections } : {}) }];
    }),
  );
}

function sectionsOf(turn: object): { sections?: string[] } {
  const sections = (turn as { sections?: unknown }).sections;
  return Array.isArray(sections) ? { sections: sections.map(String) } : {};
}

/**
 * The advisor the models are fitted with: the configured embedder (USE-lite by default), or with
 * `--embedder hashing` the hashing embedder tests and model-less machines use, on its own index.
 */
export async function openTrainingAdvisor(argv = process.argv): Promise<CareerAdvisor> {
  if (argv.includes('hashing')) {
    const dir = join(tmpdir(), 'career-advisor-fit-hashing');
    return CareerAdvisor.open(loadConfig({ ...process.env, INDEX_DIR: join(dir, 'index'), CACHE_DIR: join(dir, 'cache'), INDEX_AUTO_REBUILD: 'true' }), { embedder: new HashingEmbeddings() });
  }
  return CareerAdvisor.open(loadConfig());
}

/** Replaces one model in the embedder's model file (src/quality/models/<embedder>.json). */
export function saveModel(embedderId: string, key: 'ranking' | 'lines' | 'answerability', model: QualityModels[typeof key]): string {
  const path = join('src/quality/models', modelFileName(embedderId));
  const current = existsSync(path) ? qualityModelsSchema.parse(JSON.parse(readFileSync(path, 'utf8'))) : undefined;
  const next = { ...(current ?? { embedder: embedderId, ranking: model, lines: model, answerability: model }), embedder: embedderId, [key]: model };
  writeFileSync(path, `${JSON.stringify(next, null, 2)}\n`);
  return path;
}

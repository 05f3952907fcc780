/**
 * The labelled questions the fit scripts learn from: the shared dev set and the coding guide's
 * tune split. Test splits and the second guide are never read here, so their numbers stay honest.
 */
import { existsSync } from 'node:fs';
import { loadConfig } from '../../src/config/index.js';
import { CareerAdvisor } from '../../src/core/index.js';
import { isConversation, isInScope, readEvalFile } from '../../src/eval/index.js';

export const TRAINING_FILES = ['../shared/eval/dev.jsonl', 'eval/clinical-coding/tune.jsonl'].filter((f) => existsSync(f));

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

export async function openTrainingAdvisor(): Promise<CareerAdvisor> {
  return CareerAdvisor.open(loadConfig());
}

import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './temp-dir.js';

export const CODING_GUIDE = 'clinical-coding-specialist-guide.md';
export const PHARMACY_GUIDE = 'pharmacy-technician-guide.md';
/** A third guide, written blind to the code (eval/medical-assistant): credentials named in their own headings. */
export const MEDICAL_ASSISTANT_GUIDE = 'medical-assistant-guide.md';

/** A fresh knowledge folder holding both guides: the shipped one and the pharmacy technician fixture. */
export function twoGuideKnowledgeDir(): string {
  const dir = tempDir('career-advisor-two-guides-');
  copyFileSync(fileURLToPath(new URL(`../../knowledge/${CODING_GUIDE}`, import.meta.url)), join(dir, CODING_GUIDE));
  copyFileSync(fileURLToPath(new URL(`../fixtures/guides/${PHARMACY_GUIDE}`, import.meta.url)), join(dir, PHARMACY_GUIDE));
  return dir;
}

/** A knowledge folder holding only the medical assistant fixture. */
export function medicalAssistantKnowledgeDir(): string {
  const dir = tempDir('career-advisor-medical-assistant-');
  copyFileSync(fileURLToPath(new URL(`../fixtures/guides/${MEDICAL_ASSISTANT_GUIDE}`, import.meta.url)), join(dir, MEDICAL_ASSISTANT_GUIDE));
  return dir;
}

/** A knowledge folder holding only the pharmacy technician fixture. */
export function pharmacyKnowledgeDir(): string {
  const dir = tempDir('career-advisor-pharmacy-');
  copyFileSync(fileURLToPath(new URL(`../fixtures/guides/${PHARMACY_GUIDE}`, import.meta.url)), join(dir, PHARMACY_GUIDE));
  return dir;
}

/** A knowledge folder with one thin guide: a credential and a training line, and none of the rest a plan uses. */
export function thinGuideKnowledgeDir(): string {
  const dir = tempDir('career-advisor-thin-');
  writeFileSync(
    join(dir, 'beekeeper.md'),
    '# Beekeeper Guide\n\n## Credentials\n\n- Certified Hive Keeper (CHK): Entry-level certification from the Apiary Board\n\n## Training\n\nMost keepers train through a 6 month program with a local club.\n',
  );
  return dir;
}

/** Markdown a user should never see: bold/italic markers, inline code, links, heading marks, HTML tags. */
export const MARKUP = /\*\*|__|`|\]\(|^#{1,6}\s|<\/?[a-z][^>]*>/m;

import type { KnowledgeIndex } from '../../index/index.js';
import type { Section } from '../../ingest/index.js';
import { allLines, guideSections, headingLine, sectionLines, sectionTitle, splitDefinition, withoutAnswerPrefix, type GuideLine } from './guide-lines.js';

/** A guide line with the term/definition split out when it is a "Term: definition" bullet. */
export interface DefinedLine {
  term: string;
  definition: string;
  line: GuideLine;
}

/** "Entry-Level (0-2 years): $28,000-$35,000 annually". */
export interface SalaryBand extends DefinedLine {
  /** The money figure as written: "$28,000-$35,000". */
  range: string;
  /** Years of experience the band covers, when its label says ("0-2 years", "5+ years"). */
  years?: { min: number; max?: number };
}

/** "Intermediate Position: Senior Coder or Coding Lead → 3-5 years experience". */
export interface CareerStage {
  label: string;
  roles: string;
  /** As written: "3-5 years experience". */
  experience: string;
  years: { min: number; max?: number };
  line: GuideLine;
}

/** "Step 4: Obtain Professional Certification" and the sentences under it. */
export interface GuideStep {
  n: number;
  title: string;
  heading: GuideLine;
  body: GuideLine[];
}

/** A figure stated in one guide line. */
export interface FigureLine {
  value: string;
  line: GuideLine;
}

/**
 * Structured facts read from the guide by content (money figures in compensation sections,
 * "→ N years" progression lines, "Step N:" headings, month durations…), not by fixed line text,
 * so an edited guide gives updated plans and quizzes. Missing facts are simply absent.
 */
export interface GuideFacts {
  salaryBands: SalaryBand[];
  /** Other salary lines, e.g. "Average Salary: $35,000-$50,000+ annually". */
  otherSalaries: SalaryBand[];
  stages: CareerStage[];
  steps: GuideStep[];
  trainingProgram?: FigureLine;
  certificationTime?: FigureLine;
  highSchool?: GuideLine;
  degrees: DefinedLine[];
  certificationExpected?: GuideLine;
  advancement: DefinedLine[];
  specializations: DefinedLine[];
  workSettings: DefinedLine[];
  continuingEducation?: FigureLine;
  examPreparation?: GuideLine;
  growth: Array<FigureLine & { year?: string }>;
  codeDates: Array<{ codeSet: string; date: string; line: GuideLine }>;
  remoteExperience?: GuideLine;
  remotePay?: DefinedLine;
  managementPath?: GuideLine;
  /** Lists of "Term: definition" bullets under one heading (work settings, skills, tips…). */
  lists: Array<{ section: Section; items: DefinedLine[] }>;
}

const MONEY = /\$[\d,]+(?:\s*[-–]\s*\$[\d,]+)?\+?/;
const MONTHS = /\b(\d+(?:\s*[-–]\s*\d+)?)[\s-]*months?\b/i;
const YEARS_RANGE = /(\d+)\s*(?:[-–]|to)\s*(\d+)\s*years?/i;
const YEARS_PLUS = /(\d+)\+\s*years?/i;
const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December';

const cache = new WeakMap<object, GuideFacts>();

function yearsOf(text: string): { min: number; max?: number } | undefined {
  const range = YEARS_RANGE.exec(text);
  if (range) return { min: Number(range[1]), max: Number(range[2]) };
  const plus = YEARS_PLUS.exec(text);
  return plus ? { min: Number(plus[1]) } : undefined;
}

function defined(line: GuideLine): DefinedLine | undefined {
  if (line.kind !== 'bullet') return undefined;
  const parts = splitDefinition(line.text);
  return parts ? { ...parts, line } : undefined;
}

function months(line: GuideLine): FigureLine | undefined {
  const m = MONTHS.exec(line.text);
  return m ? { value: `${m[1]!.replace(/\s+/g, '')} months`, line } : undefined;
}

const headed = (line: GuideLine, pattern: RegExp) => line.section.headingPath.some((h) => pattern.test(h));

/** Reads the facts once per index. */
export function guideFacts(index: Pick<KnowledgeIndex, 'documents'>): GuideFacts {
  const cached = cache.get(index);
  if (cached) return cached;
  const lines = allLines(index).map((l) => (l.kind === 'sentence' ? withoutAnswerPrefix(l) : l));
  const definitions = lines.map(defined).filter((d): d is DefinedLine => !!d);

  const salaryLines = definitions.filter((d) => MONEY.test(d.definition)).map((d): SalaryBand => ({ ...d, range: MONEY.exec(d.definition)![0], years: yearsOf(d.term) }));
  const inCompensation = (d: DefinedLine) => headed(d.line, /compensation|salar|pay/i);

  const stages: CareerStage[] = [];
  for (const line of lines) {
    const m = /^([^:→]{3,60}):\s*(.+?)\s*→\s*(\d+(?:\s*[-–]\s*\d+)?\+?\s*years?[^→]*)$/.exec(line.text);
    const years = m ? yearsOf(m[3]!) : undefined;
    if (m && years) stages.push({ label: m[1]!.trim(), roles: m[2]!.trim(), experience: m[3]!.trim(), years, line });
  }

  const steps: GuideStep[] = [];
  for (const section of guideSections(index)) {
    const m = /^Step\s+(\d+)\s*[:.–-]\s*(.+)$/i.exec(sectionTitle(section));
    if (m) steps.push({ n: Number(m[1]), title: m[2]!.trim(), heading: headingLine(section), body: sectionLines(section) });
  }
  steps.sort((a, b) => a.n - b.n);

  const educationLines = lines.filter((l) => headed(l, /education|training|requirement/i));
  const trainingProgram = educationLines.filter((l) => /program/i.test(l.text)).map(months).find(Boolean);
  const certificationTime = lines.filter((l) => /certification/i.test(l.text) && !/program/i.test(l.text)).map(months).find(Boolean);
  const listSections = new Map<Section, DefinedLine[]>();
  for (const d of definitions) {
    const list = listSections.get(d.line.section) ?? [];
    list.push(d);
    listSections.set(d.line.section, list);
  }

  const ce = lines.find((l) => /continuing education/i.test(l.text) && /\bcredits?\b/i.test(l.text) && /\d/.test(l.text));
  const ceValue = ce ? /(\d+(?:\s*[-–]\s*\d+)?)\s+(?:continuing education\s+)?credits/i.exec(ce.text) : null;

  const facts: GuideFacts = {
    salaryBands: salaryLines.filter(inCompensation),
    otherSalaries: salaryLines.filter((d) => !inCompensation(d)),
    stages,
    steps,
    trainingProgram,
    certificationTime,
    highSchool: educationLines.find((l) => l.kind === 'bullet' && /high school|GED/i.test(l.text)),
    degrees: definitions.filter((d) => headed(d.line, /education|requirement/i) && /degree/i.test(d.term)),
    certificationExpected: lines.find((l) => /employers/i.test(l.text) && /require|prefer/i.test(l.text) && /certification/i.test(l.text)),
    advancement: definitions.filter((d) => headed(d.line, /advancement/i)),
    specializations: definitions.filter((d) => headed(d.line, /speciali[sz]ation/i) && /coding$/i.test(d.term)),
    workSettings: definitions.filter((d) => headed(d.line, /work settings?|work environment/i)),
    continuingEducation: ce && ceValue ? { value: ceValue[1]!.replace(/\s+/g, ''), line: ce } : undefined,
    examPreparation: lines.find((l) => /prepar/i.test(l.text) && (/exam/i.test(l.text) || headed(l, /exam/i)) && l.kind === 'sentence'),
    growth: lines
      .filter((l) => /grow/i.test(l.text) && /\d+(?:\s*[-–]\s*\d+)?%/.test(l.text))
      .map((line) => ({ value: /\d+(?:\s*[-–]\s*\d+)?%/.exec(line.text)![0], year: /\bthrough\s+((?:19|20)\d\d)\b/.exec(line.text)?.[1], line })),
    codeDates: lines.flatMap((line) =>
      [...line.text.matchAll(new RegExp(`\\b((?:${MONTH_NAMES})\\s+\\d{1,2}(?:st|nd|rd|th)?)\\s*\\(([^)]+)\\)`, 'g'))].map((m) => ({ date: m[1]!, codeSet: m[2]!.trim(), line })),
    ),
    remoteExperience: lines.find((l) => headed(l, /remote/i) && /experienced/i.test(l.text)),
    remotePay: definitions.find((d) => /remote/i.test(d.term) && /compensation|salar|pay/i.test(d.definition)),
    managementPath: lines.find((l) => /progress/i.test(l.text) && /manager|director/i.test(l.text) && l.kind === 'sentence' && /experience/i.test(l.text)),
    lists: [...listSections].map(([section, items]) => ({ section, items })),
  };
  cache.set(index, facts);
  return facts;
}

/** The compensation band for a number of years of experience (the later band wins at a boundary). */
export function bandForYears(facts: GuideFacts, years: number): SalaryBand | undefined {
  let found: SalaryBand | undefined;
  for (const band of facts.salaryBands) {
    if (!band.years) continue;
    const { min, max } = band.years;
    if (years >= min && (max === undefined || years <= max)) found = band;
  }
  return found;
}

/** The first compensation band whose label matches (e.g. /speciali|lead/ → "Specialist/Lead Positions"). */
export function bandForLabel(facts: GuideFacts, pattern: RegExp): SalaryBand | undefined {
  return facts.salaryBands.find((b) => pattern.test(b.term));
}

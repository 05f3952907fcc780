import type { KnowledgeIndex } from '../../index/index.js';
import { headingDefinition, tableCells, type Section } from '../../ingest/index.js';
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

/** "Intermediate Position: Senior Technician or Team Lead → 3-5 years experience". */
export interface CareerStage {
  label: string;
  roles: string;
  /** As written: "3-5 years experience". */
  experience: string;
  years: { min: number; max?: number };
  line: GuideLine;
  /** What a ladder table says of the stage besides its years ("Run large cases, train juniors"). */
  about?: string;
}

/** "Senior Technician: Team Lead → 3-5 years experience.", "Senior paralegal → 5–10 years: Run large cases." (`withYears` false: no years). */
export function describeStage(stage: CareerStage, withYears = true): string {
  const years = withYears ? ` → ${stage.experience}` : '';
  if (stage.roles !== stage.label) return `${stage.label}: ${stage.roles}${years}.`;
  return `${stage.label}${years}${stage.about ? `: ${stage.about.replace(/[.;]\s*$/, '')}` : ''}.`;
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
  /** The credential the line is about, when its section is headed by one ("CCMA (NHA): …"). */
  about?: string;
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

const MONEY = /\$[\d,]+(?:\.\d+)?(?:\s*[-–]\s*\$[\d,]+(?:\.\d+)?)?\+?/;
const MONTHS = /\b(\d+(?:\s*[-–]\s*\d+)?)[\s-]*months?\b/i;
const YEARS_RANGE = /(\d+)\s*(?:[-–]|to)\s*(\d+)\s*years?/i;
const YEARS_PLUS = /(\d+)\+\s*years?/i;
const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** "Senior Technician or Team Lead → 3-5 years experience" after a label. */
const ARROW_STAGE = /^([^:→]{3,60}):\s*(.+?)\s*→\s*(\d+(?:\s*[-–]\s*\d+)?\+?\s*years?[^→]*)$/;
/** A heading "Stage 2: Certified Pharmacy Technician (1-3 years)". */
const HEADING_STAGE = /^(?:(.{1,30}?):\s*)?(.+?)\s*\((\d+(?:\s*[-–]\s*\d+)?\+?\s*years?)\)$/i;
const STAGE_PARENT = /progress|career path|stages|advancement|ladder/i;

const cache = new WeakMap<object, GuideFacts>();

function yearsOf(text: string): { min: number; max?: number } | undefined {
  const range = YEARS_RANGE.exec(text);
  if (range) return { min: Number(range[1]), max: Number(range[2]) };
  const plus = YEARS_PLUS.exec(text);
  return plus ? { min: Number(plus[1]) } : undefined;
}

/** A table row "Level: Trainee (0-1 year); Hourly pay: $16.50; Annual pay: $34,000": the first cell is the term. */
function tableRow(line: GuideLine): DefinedLine | undefined {
  const cells = line.text.split('; ').map(splitDefinition);
  if (cells.length < 2 || cells.some((c) => !c)) return undefined;
  return { term: cells[0]!.definition, definition: line.text.slice(line.text.indexOf('; ') + 2), line };
}

function defined(line: GuideLine): DefinedLine | undefined {
  if (line.kind !== 'bullet') return undefined;
  const row = tableRow(line);
  if (row) return row;
  const parts = splitDefinition(line.text);
  return parts ? { ...parts, line } : undefined;
}

function months(line: GuideLine): FigureLine | undefined {
  const m = MONTHS.exec(line.text);
  return m ? { value: `${m[1]!.replace(/\s+/g, '')} months`, line } : undefined;
}

const headed = (line: GuideLine, pattern: RegExp) => line.section.headingPath.some((h) => pattern.test(h));

/** The money of a band: a yearly figure when a row gives hourly and yearly ones. */
function bandRange(definition: string): string | undefined {
  const cells = definition.split('; ');
  if (cells.length === 1) return MONEY.exec(definition)?.[0];
  // A table row is a salary only when a column says pay (a "Typical cost" column is not).
  const pay = cells.filter((cell) => /pay|salar|wage|earn|income|annual/i.test(cell.split(':')[0]!) && MONEY.test(cell));
  const yearly = pay.find((cell) => /annual|year|salar/i.test(cell)) ?? pay[0];
  return yearly ? MONEY.exec(yearly)![0] : undefined;
}

const firstAmount = (range: string) => Number(range.replace(/^\$/, '').split(/[^\d,.]/)[0]!.replace(/,/g, ''));

/** Salary lines in compensation sections (bands) and elsewhere; per-hour extras ("$1 to $2 more") are not salaries. */
function readSalaries(definitions: DefinedLine[]): Pick<GuideFacts, 'salaryBands' | 'otherSalaries'> {
  const salaries = definitions
    .map((d) => ({ d, range: bandRange(d.definition) }))
    .filter((x): x is { d: DefinedLine; range: string } => x.range !== undefined)
    .map(({ d, range }): SalaryBand => ({ ...d, range, years: yearsOf(d.term) }))
    .filter((b) => b.years !== undefined || firstAmount(b.range) >= 1000);
  const inCompensation = (d: DefinedLine) => headed(d.line, /compensation|salar|pay/i);
  return { salaryBands: salaries.filter(inCompensation), otherSalaries: salaries.filter((d) => !inCompensation(d)) };
}

/**
 * Career stages: "Label: roles → N years" lines, rows of a ladder table with a column of years
 * ("Stage: Senior paralegal; Typical years: 5–10; …"), or headings "Stage 1: Roles (0-1 year)"
 * under a progression heading.
 */
function readStages(index: Pick<KnowledgeIndex, 'documents'>, lines: GuideLine[]): CareerStage[] {
  const stages: CareerStage[] = [];
  for (const line of lines) {
    const m = ARROW_STAGE.exec(line.text);
    const years = m ? yearsOf(m[3]!) : undefined;
    if (m && years) stages.push({ label: m[1]!.trim(), roles: m[2]!.trim(), experience: m[3]!.trim(), years, line });
  }
  if (stages.length === 0) stages.push(...lines.flatMap((line) => tableStage(line) ?? []));
  if (stages.length > 0) return stages;
  for (const section of guideSections(index)) {
    const m = section.headingPath.slice(0, -1).some((h) => STAGE_PARENT.test(h)) ? HEADING_STAGE.exec(sectionTitle(section)) : null;
    const years = m ? yearsOf(m[3]!) : undefined;
    if (m && years) stages.push({ label: (m[1] ?? m[2]!).trim(), roles: m[2]!.trim(), experience: m[3]!.trim(), years, line: headingLine(section) });
  }
  return stages;
}

/** A ladder table's column of years: "Typical years", "Experience", "Years in role". */
const YEARS_COLUMN = /\byears?\b|\bexperience\b/i;

/** A years cell: a number, a range or "8+" (a range may end in "+"), then a bracket, a clause or nothing. */
const LEADING_YEARS = /^(\d+(?:\s*[-–]\s*\d+)?\+?)(?:\s*years?)?(?=\s*(?:\(|,|;|$))/i;

/** A row of a table under a progression heading whose years column reads as years ("0–2", "10+", "4–8 years"). */
function tableStage(line: GuideLine): CareerStage | undefined {
  const cells = line.section.headingPath.some((h) => STAGE_PARENT.test(h)) ? tableCells(line.text, true) : undefined;
  const yearsCell = cells?.find((c) => YEARS_COLUMN.test(c.header) && LEADING_YEARS.test(c.value));
  if (!cells || !yearsCell || cells[0] === yearsCell) return undefined;
  // The figure a cell opens with: "0–2 (up to 5 in a formal apprenticeship)" is "0–2 years".
  const figure = LEADING_YEARS.exec(yearsCell.value)![1]!;
  const experience = `${figure} years`;
  const years = yearsOf(experience);
  // What the row says of the stage besides its years and pay ("What changes: Run large cases, …").
  const about = cells.find((c, i) => i > 0 && c !== yearsCell && !/\$\d/.test(c.value))?.value;
  return years ? { label: cells[0]!.value, roles: cells[0]!.value, experience, years, line, ...(about ? { about } : {}) } : undefined;
}

/** Getting-started steps: "Step N: …" headings, else the items of a numbered "step by step" list that open with a short sentence. */
function readSteps(index: Pick<KnowledgeIndex, 'documents'>): GuideStep[] {
  const steps: GuideStep[] = [];
  for (const section of guideSections(index)) {
    const m = /^Step\s+(\d+)\s*[:.–-]\s*(.+)$/i.exec(sectionTitle(section));
    if (m) steps.push({ n: Number(m[1]), title: m[2]!.trim(), heading: headingLine(section), body: sectionLines(section) });
  }
  if (steps.length > 0) return steps.sort((a, b) => a.n - b.n);
  const list = guideSections(index).find((s) => /\bstep/i.test(sectionTitle(s)));
  const items = list ? sectionLines(list).filter((l) => l.kind === 'bullet') : [];
  // Steps are whole sentences; the notes nested under a step ("Paid employer training if …") are not.
  for (const item of items.filter((i) => /[.!?]$/.test(i.text))) {
    const lead = /^(.{3,120}?[.!?])(?:\s|$)/.exec(item.text)?.[1];
    if (lead) steps.push({ n: steps.length + 1, title: lead.replace(/[.!]$/, ''), heading: item, body: [item] });
  }
  return steps;
}

/** "continuing education", "continuing legal education", "continuing medical education". */
const CONTINUING_EDUCATION = /continuing\s+(?:\w+\s+)?education/i;

/**
 * The continuing-education requirement: a line giving hours or credits that names continuing
 * education or stands in a section about it (a table row "Requirement: NALA CP; Hours: 50; Cycle:
 * 5 years"); lines of such a section first, as the guide's own account of it.
 */
function readContinuingEducation(lines: GuideLine[]): FigureLine | undefined {
  const inSection = (l: GuideLine) => CONTINUING_EDUCATION.test(sectionTitle(l.section));
  const candidates = lines.filter((l) => (CONTINUING_EDUCATION.test(l.text) || inSection(l)) && /\b(?:credits?|hours?)\b/i.test(l.text) && /\d/.test(l.text));
  const line = [...candidates.filter(inSection), ...candidates.filter((l) => !inSection(l))].find((l) => hoursIn(l.text) !== undefined);
  const value = line ? hoursIn(line.text) : undefined;
  const about = line ? headingDefinition(sectionTitle(line.section))?.acronym : undefined;
  return line && value ? { value, line, ...(about ? { about } : {}) } : undefined;
}

/** "20 continuing education hours", "36 credits", or a table cell "Hours: 50 (at least 5 in ethics)". */
function hoursIn(text: string): string | undefined {
  const inText = /(\d+(?:\s*[-–]\s*\d+)?)\s+(?:continuing (?:\w+ )?education\s+)?(?:credits|hours)/i.exec(text)?.[1];
  const inCell = tableCells(text, true)?.find((c) => /^(?:credits?|hours?)$/i.test(c.header))?.value.match(/^\d+(?:\s*[-–]\s*\d+)?/)?.[0];
  return (inText ?? inCell)?.replace(/\s+/g, '');
}

/** "Term: definition" bullets grouped by the section they are in. */
function readLists(definitions: DefinedLine[]): GuideFacts['lists'] {
  const bySection = new Map<Section, DefinedLine[]>();
  for (const d of definitions) bySection.set(d.line.section, [...(bySection.get(d.line.section) ?? []), d]);
  return [...bySection].map(([section, items]) => ({ section, items }));
}

/** Figures and single lines about training, certification, growth and remote work. */
function readFigures(lines: GuideLine[], definitions: DefinedLine[]): Omit<GuideFacts, 'salaryBands' | 'otherSalaries' | 'stages' | 'steps' | 'lists' | 'continuingEducation'> {
  const educationLines = lines.filter((l) => headed(l, /education|training|requirement/i));
  return {
    trainingProgram: educationLines.filter((l) => /program/i.test(l.text)).map(months).find(Boolean),
    // Time to get certified, not a renewal cycle ("Recertification: every 60 months").
    certificationTime: lines.filter((l) => /\bcertification\b/i.test(l.text) && !/program|\brecertif|\brenew/i.test(l.text)).map(months).find(Boolean),
    highSchool: educationLines.find((l) => l.kind === 'bullet' && /high school|GED/i.test(l.text)),
    degrees: definitions.filter((d) => headed(d.line, /education|requirement/i) && /degree/i.test(d.term)),
    certificationExpected: lines.find((l) => /employers/i.test(l.text) && /require|prefer/i.test(l.text) && /certification/i.test(l.text)),
    advancement: definitions.filter((d) => headed(d.line, /advancement/i)),
    specializations: definitions.filter((d) => /speciali[sz]ation/i.test(sectionTitle(d.line.section))),
    workSettings: definitions.filter((d) => headed(d.line, /work settings?|work environment/i)),
    examPreparation: lines.find((l) => /prepar/i.test(l.text) && (/exam/i.test(l.text) || headed(l, /exam/i)) && l.kind === 'sentence'),
    growth: lines
      .filter((l) => /grow/i.test(l.text) && /\d+(?:\s*[-–]\s*\d+)?%/.test(l.text))
      .map((line) => ({ value: /\d+(?:\s*[-–]\s*\d+)?%/.exec(line.text)![0], year: /\b(?:through|to)\s+((?:19|20)\d\d)\b/.exec(line.text)?.[1], line })),
    codeDates: lines.flatMap((line) =>
      [...line.text.matchAll(new RegExp(`\\b((?:${MONTH_NAMES})\\s+\\d{1,2}(?:st|nd|rd|th)?)\\s*\\(([^)]+)\\)`, 'g'))].map((m) => ({ date: m[1]!, codeSet: m[2]!.trim(), line })),
    ),
    remoteExperience: lines.find((l) => headed(l, /remote/i) && /experienced/i.test(l.text)),
    remotePay: definitions.find((d) => /remote/i.test(d.term) && /compensation|salar|pay/i.test(d.definition)),
    managementPath: lines.find((l) => /progress/i.test(l.text) && /manager|director/i.test(l.text) && l.kind === 'sentence' && /experience/i.test(l.text)),
  };
}

/** Reads the facts once per index. */
export function guideFacts(index: Pick<KnowledgeIndex, 'documents'>): GuideFacts {
  const cached = cache.get(index);
  if (cached) return cached;
  const lines = allLines(index).map((l) => (l.kind === 'sentence' ? withoutAnswerPrefix(l) : l));
  const definitions = lines.map(defined).filter((d): d is DefinedLine => !!d);
  const facts: GuideFacts = {
    ...readSalaries(definitions),
    stages: readStages(index, lines),
    steps: readSteps(index),
    continuingEducation: readContinuingEducation(lines),
    lists: readLists(definitions),
    ...readFigures(lines, definitions),
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

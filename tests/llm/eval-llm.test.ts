import { execFileSync, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/index.js';
import type { EvalReport } from '../../src/eval/index.js';
import { groundedReply, isRewriteRequest } from '../../scripts/ops/fake-llm.js';
import { REPO_ROOT, tempDir, withSharedUseCache } from '../helpers/guide-files.js';
import { FakeOpenAIServer, messageText, type ChatCompletionRequest, type ChatReply } from '../fakes/openai/index.js';

/**
 * `career-advisor eval FILE --llm`: the built CLI as a child process, answering through the real
 * ChatOpenAI client against the fake OpenAI server, which answers like a grounded model except
 * for one question it gets wrong once (repaired) and one it always gets wrong (falls back).
 */
const CLI = join(REPO_ROOT, 'dist', 'adapters', 'cli', 'main.js');
const REPAIRED = 'What does CPMA stand for?';
const FALLS_BACK = 'Who offers the CBCS credential?';
const ITEMS = [
  { id: 'e1', question: 'Which AHIMA certification is for hospital inpatient coding?', sections: ['Professional Certifications'], facts: ['CCS'] },
  { id: 'e2', question: REPAIRED, sections: ['Professional Certifications'], facts: ['Certified Professional Medical Auditor'] },
  { id: 'e3', question: FALLS_BACK, sections: ['Professional Certifications'], facts: ['National Healthcare Association'] },
  { id: 'c1', turns: [{ question: 'Which AHIMA credential is for inpatient coding?', facts: ['CCS'] }, { question: 'And the one for physician offices?', facts: ['CCS-P'] }] },
];

const fake = new FakeOpenAIServer();
const asked = new Map<string, number>();
let work: string;
let indexDir: string;
let cacheDir: string;
let evalFile: string;

/** A grounded model that invents a fee for two questions: once for REPAIRED, every time for FALLS_BACK. */
function model(request: ChatCompletionRequest): ChatReply {
  if (isRewriteRequest(request)) return groundedReply(request);
  const question = /Question: (.+)$/m.exec(messageText(request.messages.find((m) => m.role === 'user')!))?.[1] ?? '';
  const times = (asked.get(question) ?? 0) + 1;
  asked.set(question, times);
  const reply = groundedReply(request) as { json: { answer: string; cited: number[]; abstained: boolean } };
  const invent = question === FALLS_BACK || (question === REPAIRED && times === 1);
  if (!invent || reply.json.abstained) return reply;
  return { json: { ...reply.json, answer: reply.json.answer.replace(/ \[(\d+)\]$/, ', and the exam fee is $987,654 [$1]') } };
}

function cliEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(configSchema.shape)) delete env[key];
  return { ...env, INDEX_DIR: indexDir, CACHE_DIR: cacheDir, STORE_PATH: join(work, 'store.db'), INDEX_AUTO_REBUILD: 'false', NO_COLOR: '1', ...extra };
}

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: work, env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const llm = () => ({ LLM_PROVIDER: 'openai', OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: 'test', LLM_MAX_RETRIES: '0', LLM_TIMEOUT_MS: '5000', LLM_DEADLINE_MS: '10000' });

beforeAll(async () => {
  if (!existsSync(CLI)) execFileSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'ignore' });
  work = tempDir('career-advisor-eval-llm-');
  indexDir = join(work, 'index');
  evalFile = join(work, 'eval.jsonl');
  writeFileSync(evalFile, ITEMS.map((item) => JSON.stringify(item)).join('\n'));
  const ingest = await withSharedUseCache((dir) => {
    cacheDir = dir;
    return run(['ingest', '--quiet']);
  });
  if (ingest.code !== 0) throw new Error(ingest.stderr);
  fake.setDefaultReply(model);
  await fake.start();
}, 240_000);

afterAll(async () => {
  await fake.stop();
});

describe('career-advisor eval --llm', () => {
  it('reports verification shares, tokens per answer and latency through the configured model', async () => {
    asked.clear();
    const result = await run(['eval', '--json', '--llm', evalFile], llm());
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as EvalReport;
    const answers = fake.chatRequests.filter((r) => !isRewriteRequest(r));
    const llmReport = report.llm!;
    // Five questions; REPAIRED took two calls, FALLS_BACK two (first try and the repair).
    expect(llmReport.answers).toBe(5);
    expect(answers).toHaveLength(7);
    expect(llmReport.passed_first_time).toBeCloseTo(3 / 5);
    expect(llmReport.passed_after_repair).toBeCloseTo(1 / 5);
    expect(llmReport.fell_back).toBeCloseTo(1 / 5);
    expect(llmReport.fallback_reasons).toEqual({ unverified: 1 });
    expect(llmReport.rewrites).toEqual({ asked: 1, rewritten: 1, unchanged: 0, fell_back: 0 });
    expect(llmReport.tokens_per_answer.input).toBeGreaterThan(llmReport.tokens_per_answer.output);
    expect(llmReport.tokens_per_answer.total).toBeCloseTo(llmReport.tokens_per_answer.input + llmReport.tokens_per_answer.output);
    expect(report.latency_ms.p50).toBeGreaterThan(0);
    expect(report.latency_ms.p95).toBeGreaterThanOrEqual(report.latency_ms.p50);
    // The fallen-back answer is the extractive one, never the invented fee.
    expect(JSON.stringify(report.failures)).not.toContain('987,654');
  }, 120_000);

  it('prints the LLM rows in the table', async () => {
    asked.clear();
    const result = await run(['eval', '--llm', evalFile], llm());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^passed verification first time\s+0\.600$/m);
    expect(result.stdout).toMatch(/^passed after repair\s+0\.200$/m);
    expect(result.stdout).toMatch(/^fell back to extractive\s+0\.200 \(unverified 1\)$/m);
    expect(result.stdout).toMatch(/^tokens per answer \(in\/out\/total\)\s+\d+\/\d+\/\d+$/m);
    expect(result.stdout).toMatch(/^latency p95 \(ms\)\s+\d+\.\d$/m);
  }, 120_000);

  it('--llm without a configured model is a clear error; without --llm the model is not used', async () => {
    const refused = await run(['eval', '--llm', evalFile]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('LLM_PROVIDER=openai');
    const before = fake.chatRequests.length;
    const extractive = await run(['eval', '--json', evalFile], llm());
    expect(extractive.code, extractive.stderr).toBe(0);
    expect(fake.chatRequests.length).toBe(before);
    expect((JSON.parse(extractive.stdout) as EvalReport).llm).toBeUndefined();
  }, 120_000);
});

import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerSchema } from '../../../src/answer/index.js';
import { configSchema } from '../../../src/config/index.js';
import { citationProblems, copyKnowledge, REPO_ROOT, tempDir, withSharedUseCache } from '../../helpers/guide-files.js';

/**
 * The built CLI, spawned as a process with the default (real USE-lite) embedder. The index is
 * built once per file by `career-advisor ingest`; later tests reuse it or its embedding cache.
 * If dist/ is missing it is built once with `npm run build` (an existing dist/ is used as is).
 */
const CLI = join(REPO_ROOT, 'dist', 'adapters', 'cli', 'main.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let knowledgeDir: string;
let work: string;
let indexDir: string;
let cacheDir: string;

/** The environment for the CLI: none of the caller's settings leak in, only ours. */
function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(configSchema.shape)) delete env[key];
  delete env.CAREER_ADVISOR_REPORT_RSS;
  return { ...env, KNOWLEDGE_DIR: knowledgeDir, INDEX_DIR: indexDir, CACHE_DIR: cacheDir, STORE_PATH: join(work, 'store.db'), INDEX_AUTO_REBUILD: 'false', NO_COLOR: '1', ...extra };
}

function run(args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: work, env: cliEnv(options.env), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 200_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

beforeAll(async () => {
  if (!existsSync(CLI)) execFileSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'ignore' });
  knowledgeDir = copyKnowledge();
  work = tempDir('career-advisor-cli-');
  indexDir = join(work, 'index');
  // Shared with retrieval-use.test.ts within this vitest run: USE-lite embeds the guide only once.
  const ingest = await withSharedUseCache((dir) => {
    cacheDir = dir;
    return run(['ingest']);
  });
  if (ingest.code !== 0) throw new Error(`ingest failed (${ingest.code}):\n${ingest.stderr}`);
}, 240_000);

describe('career-advisor ingest', () => {
  it('built the index and printed a summary table', () => {
    const manifest = JSON.parse(readFileSync(join(indexDir, 'manifest.json'), 'utf8')) as { embedder: { id: string }; counts: { chunks: number } };
    expect(manifest.embedder.id).toBe('local:use-lite-512');
    expect(manifest.counts.chunks).toBeGreaterThan(200);
  });

  it('--if-needed leaves an up-to-date index alone', async () => {
    const before = readFileSync(join(indexDir, 'manifest.json'), 'utf8');
    const result = await run(['ingest', '--if-needed']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/up to date/);
    expect(readFileSync(join(indexDir, 'manifest.json'), 'utf8')).toBe(before);
  });
});

/** An --jsonl output line without its `line` number, to check the answer against answerSchema. */
function withoutLine(output: Record<string, unknown>): Record<string, unknown> {
  const { line: _line, ...rest } = output;
  return rest;
}

describe('career-advisor ask', () => {
  it('prints the answer and a numbered Sources list', async () => {
    const result = await run(['ask', 'Which AHIMA certification is for hospital inpatient coding?']);
    expect(result.code, result.stderr).toBe(0);
    // The guide is named once, on the Sources line, not on every source.
    const [answer, sources] = result.stdout.split('\nSources — clinical-coding-specialist-guide.md\n');
    expect(answer).toMatch(/Certified Coding Specialist \(CCS\).*\[1\]/);
    expect(sources).toContain('[1] Education and Certification Pathways › Professional Certifications\n');
    expect(sources).not.toContain('.md');
    expect(result.stdout).not.toContain('\x1b[');
  });

  it('answers "How much do entry-level coders make?" with $28,000 and its source', async () => {
    const result = await run(['ask', 'How much do entry-level coders make?']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('$28,000');
    expect(result.stdout).toContain('\nSources — clinical-coding-specialist-guide.md\n');
    expect(result.stdout).toMatch(/\[\d\] Salary and Compensation › Compensation Overview/);
  });

  it('--json prints exactly one JSON object valid under answerSchema', async () => {
    const question = 'Which AHIMA certification is for hospital inpatient coding?';
    const result = await run(['ask', '--json', question]);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = answerSchema.parse(JSON.parse(lines[0]!));
    expect(answer.question).toBe(question);
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/\bCCS\b/);
    expect(citationProblems(answer)).toEqual([]);
  });

  it('--jsonl answers one line per input, in order, with errors in place and sessions kept', async () => {
    const input = [
      JSON.stringify({ question: 'Which AHIMA certification is for hospital inpatient coding?' }),
      '{"question": "unterminated',
      JSON.stringify({ question: '' }),
      JSON.stringify({ question: `Why? ${'x'.repeat(19_995)}` }),
      JSON.stringify({ question: 'Which AHIMA credential is for inpatient coding?', session: 's1' }),
      JSON.stringify({ question: 'And the one for physician offices?', session: 's1' }),
      JSON.stringify({ question: 'And the one for physician offices?', session: 's2' }),
      JSON.stringify({ nope: 1 }),
    ].join('\n');
    const result = await run(['ask', '--jsonl'], { input: `${input}\n` });
    // Some lines failed: exit 2, and still one output line per input line.
    expect(result.code, result.stderr).toBe(2);
    const out = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(8);
    expect(out.map((o) => o.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);

    const first = answerSchema.parse(withoutLine(out[0]!));
    expect(first.question).toBe('Which AHIMA certification is for hospital inpatient coding?');
    expect(first.answer).toMatch(/\bCCS\b/);

    expect(out[1]).toMatchObject({ error: expect.stringMatching(/not valid JSON/), line: 2 });
    expect(out[2]).toMatchObject({ error: expect.stringMatching(/empty/i), code: 'INPUT_INVALID', line: 3 });
    expect(out[3]).toMatchObject({ error: expect.stringMatching(/20000|20,000|limit/), code: 'INPUT_INVALID', line: 4 });
    for (const i of [1, 2, 3, 7]) expect(answerSchema.safeParse(withoutLine(out[i]!)).success).toBe(false);

    const inContext = answerSchema.parse(withoutLine(out[4]!));
    expect(inContext.answer).toMatch(/\bCCS\b/);
    const followUp = answerSchema.parse(withoutLine(out[5]!));
    expect(followUp.answer).toContain('CCS-P');
    expect(followUp.rewritten_question).toContain('Which AHIMA credential is for inpatient coding?');
    // Another session has no context to lean on.
    expect(answerSchema.parse(withoutLine(out[6]!)).rewritten_question).toBeUndefined();
    expect(out[7]).toMatchObject({ code: 'INPUT_INVALID', line: 8 });
  });

  it('--jsonl: a BOM is dropped, CRLF ends a line, a lone CR does not, blank lines get an error line', async () => {
    const q = (question: string) => JSON.stringify({ question });
    const input = `\uFEFF${q('What is a CPC?')}\r\n\n${q('What does CCS stand for?')}\r\n{"question": "What is\rCOC?"}\n   \n${q('What is a CPC?')}`;
    const result = await run(['ask', '--jsonl'], { input });
    expect(result.code, result.stderr).toBe(2);
    const out = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(out[0]).toMatchObject({ line: 1, question: 'What is a CPC?' });
    expect(out[1]).toMatchObject({ line: 2, code: 'INPUT_INVALID', error: expect.stringMatching(/blank/) });
    expect(out[2]).toMatchObject({ line: 3, question: 'What does CCS stand for?' });
    // A raw CR inside a line is part of that line (here it makes the JSON string invalid), not a line end.
    expect(out[3]).toMatchObject({ line: 4, code: 'INPUT_INVALID', error: expect.stringMatching(/not valid JSON/) });
    expect(out[4]).toMatchObject({ line: 5, code: 'INPUT_INVALID' });
    expect(out[5]).toMatchObject({ line: 6, question: 'What is a CPC?' });
  });

  it('--jsonl exits 0 when every line was answered', async () => {
    const result = await run(['ask', '--jsonl'], { input: `${JSON.stringify({ question: 'What is a CPC?' })}\n` });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ line: 1, question: 'What is a CPC?' });
  });

  it('--jsonl bounds session ids in length and number, with a clear error line', async () => {
    const line = (session: string) => JSON.stringify({ question: 'What is a CPC?', session });
    const input = [line('a'), line('b'), line('c'), line('a'), line('x'.repeat(201)), line('')].join('\n');
    const result = await run(['ask', '--jsonl'], { input, env: { JSONL_MAX_SESSIONS: '2' } });
    expect(result.code, result.stderr).toBe(2);
    const out = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.code ?? 'ok')).toEqual(['ok', 'ok', 'INPUT_INVALID', 'ok', 'INPUT_INVALID', 'INPUT_INVALID']);
    expect(out[2]!.error).toMatch(/more than 2 distinct sessions/);
    expect(out[4]!.error).toMatch(/1 to 200 characters/);
  });

  it('usage errors print the usage and exit 2, without a stack trace', async () => {
    for (const args of [['ask', '--bogus', 'What is a CPC?'], ['ask'], ['ask', '--jsonl', 'extra']]) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: career-advisor ask');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('--json reports errors as JSON on stdout', async () => {
    const result = await run(['ask', '--json', '   ']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ code: 'INPUT_INVALID', error: expect.stringMatching(/empty/i) });
    const usage = await run(['ask', '--json', '--bogus']);
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stdout)).toMatchObject({ code: 'USAGE' });
  });

  it('ends quietly when the reader of its output goes away (ask --jsonl | head -1)', async () => {
    const input = Array.from({ length: 40 }, () => JSON.stringify({ question: 'What is a CPC?' })).join('\n');
    const child = spawn(process.execPath, [CLI, 'ask', '--jsonl'], { cwd: work, env: cliEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.end(input);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
  });

  it('`ask ""` exits non-zero with a clear message', async () => {
    const result = await run(['ask', '']);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/INPUT_INVALID/);
    expect(result.stderr).toMatch(/empty/i);
  });

  it.each([
    ['STORE_ID_SALT', 'too-short'],
    ['STORE_QUESTION_TEXT', 'all'],
    ['PORT', 'ninety'],
  ])('`start` with %s=%s ends with one line naming the variable, no stack trace', async (name, value) => {
    const result = await run(['start'], { env: { [name]: value } });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(name);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('career-advisor eval', () => {
  let evalFile: string;
  beforeAll(() => {
    evalFile = join(work, 'mini-eval.jsonl');
    writeFileSync(
      evalFile,
      [
        { id: 'e1', question: 'Which AHIMA certification is for hospital inpatient coding?', sections: ['Professional Certifications'], facts: ['CCS'] },
        { id: 'o1', question: 'Who won the 2022 World Cup?', out_of_scope: true },
        { id: 'c1', turns: [{ question: 'Which AHIMA credential is for inpatient coding?', facts: ['CCS'] }, { question: 'And the one for physician offices?', facts: ['CCS-P'] }] },
      ]
        .map((item) => JSON.stringify(item))
        .join('\n'),
    );
  });

  it('prints the metrics table', async () => {
    const result = await run(['eval', evalFile]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('1 in-scope, 1 out-of-scope, 1 conversations (1 follow-up turns)');
    for (const metric of ['hit@1', 'hit@3', 'MRR@5', 'citation precision', 'fact recall', 'out-of-scope abstention', 'false abstention', 'follow-up fact recall']) {
      expect(result.stdout).toMatch(new RegExp(`^${metric}\\s+\\d\\.\\d{3}$`, 'm'));
    }
    expect(result.stdout).toMatch(/^hit@1\s+1\.000$/m);
    expect(result.stdout).toMatch(/^out-of-scope abstention\s+1\.000$/m);
  });

  it('--json prints the numbers', async () => {
    const result = await run(['eval', '--json', evalFile]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(report.counts).toEqual({ in_scope: 1, out_of_scope: 1, conversations: 1, follow_up_turns: 1 });
    expect(report).toMatchObject({ hit_at_1: 1, hit_at_3: 1, mrr_at_5: 1, citation_precision: 1, fact_recall: 1, out_of_scope_abstention: 1, false_abstention: 0, follow_up_fact_recall: 1 });
    expect(report.failures).toEqual([]);
  });

  it('a malformed eval file is rejected with its line number', async () => {
    const bad = join(work, 'bad-eval.jsonl');
    writeFileSync(bad, `${JSON.stringify({ id: 'ok', question: 'q?', out_of_scope: true })}\n{"id": "x"}\n`);
    const result = await run(['eval', bad]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('bad-eval.jsonl:2');
  });

  it('a set whose rows name a guide that is not loaded is refused, naming the guide', async () => {
    const other = join(work, 'other-guide-eval.jsonl');
    const row = (source: string) => JSON.stringify({ id: source, question: 'How long is the program?', sections: ['Education'], facts: ['months'], source });
    writeFileSync(other, `${row('clinical-coding-specialist-guide.md')}\n${row('pharmacy-technician-guide.md')}\n`);
    const result = await run(['eval', other]);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('pharmacy-technician-guide.md, which is not loaded');
    expect(result.stderr).not.toContain('clinical-coding-specialist-guide.md,');
  });
});

describe('index problems at the CLI', () => {
  it('a corrupted index → non-zero exit naming `career-advisor ingest`', async () => {
    const broken = join(work, 'broken-index');
    cpSync(indexDir, broken, { recursive: true });
    writeFileSync(join(broken, 'vectors.hnsw'), 'garbage');
    const result = await run(['ask', 'How much do entry-level coders make?'], { env: { INDEX_DIR: broken, INDEX_AUTO_REBUILD: 'true' } });
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('INDEX_CORRUPT');
    expect(result.stderr).toContain('career-advisor ingest');
  });

  it('a missing index without auto-rebuild → non-zero exit naming `career-advisor ingest`', async () => {
    const result = await run(['ask', 'How much do entry-level coders make?'], { env: { INDEX_DIR: join(work, 'nowhere') } });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('INDEX_MISSING');
    expect(result.stderr).toContain('career-advisor ingest');
    expect(existsSync(join(work, 'nowhere'))).toBe(false);
  });

  it('a missing index with INDEX_AUTO_REBUILD=true is rebuilt (from the embedding cache) and the question answered', async () => {
    const fresh = join(work, 'fresh-index');
    const result = await run(['ask', '--json', 'Which AHIMA certification is for hospital inpatient coding?'], { env: { INDEX_DIR: fresh, INDEX_AUTO_REBUILD: 'true' } });
    expect(result.code, result.stderr).toBe(0);
    // The user is told that (and why) the index is being rebuilt.
    expect(result.stderr).toMatch(/No index found/);
    expect(result.stderr).toMatch(/rebuil/i);
    const answer = answerSchema.parse(JSON.parse(result.stdout));
    expect(answer.answer).toMatch(/\bCCS\b/);
    expect(existsSync(join(fresh, 'manifest.json'))).toBe(true);
  });

  it('cert --json prints a card {acronym, name, organization, focus, citations} built from the guide', async () => {
    const result = await run(['cert', '--json', 'ccsp']);
    expect(result.code, result.stderr).toBe(0);
    const card = JSON.parse(result.stdout);
    expect(card).toMatchObject({ acronym: 'CCS-P', name: 'Certified Coding Specialist-Physician', organization: 'AHIMA' });
    expect(card.focus).toContain('physician offices');
    expect(card.citations[0].section).toContain('Professional Certifications');
  });

  it('quiz --json --count N --seed S exports N distinct cited questions, the same for the same seed', async () => {
    const first = await run(['quiz', '--json', '--count', '40', '--seed', 'study-group']);
    const again = await run(['quiz', '--json', '--count', '40', '--seed', 'study-group']);
    expect(first.code, first.stderr).toBe(0);
    const questions = JSON.parse(first.stdout) as Array<{ question: string; options: string[]; answer: string; citation: { section: string; quote: string } }>;
    expect(questions).toHaveLength(40);
    expect(again.stdout).toBe(first.stdout);
    const guide = readFileSync(join(knowledgeDir, 'clinical-coding-specialist-guide.md'), 'utf8');
    for (const q of questions) {
      // The answer is the option letter; the correct option's text appears in the cited guide line.
      const correct = q.options['ABCD'.indexOf(q.answer)];
      expect(correct, q.question).toBeDefined();
      expect(guide).toContain(q.citation.quote);
      expect(q.citation.quote.toLowerCase()).toContain(correct!.toLowerCase().replace(/\.$/, '').slice(0, 12));
    }
    // Distinct by stem and right option: list questions share a stem ("Which of these does the guide list under …?").
    expect(new Set(questions.map((q) => `${q.question}|${q.options['ABCD'.indexOf(q.answer)]}`)).size).toBe(40);
  });

  it('topics lists the outline and `plan` answers a one-line profile with cited steps', async () => {
    const outline = await run(['topics']);
    expect(outline.code, outline.stderr).toBe(0);
    expect(outline.stdout).toContain('Compensation Overview');
    const plan = await run(['plan', '--json', "I'm a high school graduate with no coding experience and I want to work remotely"]);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toMatch(/\$28,000/);
  });

  it('`plan` shows what it understood; a piped correction updates it and the end of stdin builds', async () => {
    const plan = await run(['plan', '--json', "I'm a high school graduate with no coding experience and I want to work remotely"], { input: 'goal: hospitals\n' });
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stderr).toMatch(/Here is what I understood: .*goal: remote work\. Reply yes to build the plan/);
    expect(plan.stderr).toMatch(/Updated\. Here is what I understood: .*goal: work in hospitals\./);
    const steps = (JSON.parse(plan.stdout) as { steps: Array<{ title: string }> }).steps.map((s) => s.title);
    expect(steps).toContain('Work in hospitals and earn CCS or CIC');
    expect(steps.join(' | ')).not.toMatch(/remote/i);
  });
});

import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadConfig } from '../../../src/config/index.js';
import { createEmbeddings } from '../../../src/embeddings/index.js';
import { buildIndex, loadIndex } from '../../../src/index/index.js';
import type { CliCommand } from '../command.js';
import { formatTable } from '../format-table.js';

export const ingestCommand: CliCommand = {
  name: 'ingest',
  summary: 'Parse, chunk and embed the guides into the index',
  usage: 'career-advisor ingest [--if-needed] [--quiet]',
  async run(args) {
    const { values } = parseArgs({ args, options: { 'if-needed': { type: 'boolean' }, quiet: { type: 'boolean' } } });
    const config = loadConfig();
    const embedder = createEmbeddings(config);
    const paths = { knowledgeDir: config.knowledgeDir, indexDir: config.indexDir, cacheDir: config.cacheDir, embedder };
    if (values['if-needed']) {
      try {
        await loadIndex(paths);
        if (!values.quiet) process.stderr.write(`Index at ${config.indexDir} is up to date.\n`);
        return 0;
      } catch {
        // missing, stale or damaged: build below
      }
    }
    const showBar = !values.quiet && process.stderr.isTTY;
    const bar = new cliProgress.SingleBar({ format: 'Embedding {bar} {value}/{total} chunks', stream: process.stderr }, cliProgress.Presets.shades_classic);
    let started = false;
    const { summary } = await buildIndex({
      ...paths,
      onProgress: (done, total) => {
        if (!showBar) return;
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(done);
      },
    });
    if (started) bar.stop();
    if (!values.quiet) {
      process.stdout.write(
        `${formatTable(
          ['files', 'sections', 'chunks', 'glossary terms', 'cache hits', 'embedded', 'time'],
          [[summary.files, summary.sections, summary.chunks, summary.glossary, summary.cache.hits, summary.cache.misses, `${(summary.ms / 1000).toFixed(2)} s`].map(String)],
        )}\nIndex written to ${config.indexDir}\n`,
      );
    }
    return 0;
  },
};

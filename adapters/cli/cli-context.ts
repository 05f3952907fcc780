import { loadConfig, type Config } from '../../src/config/index.js';
import { CareerAdvisor, type OpenOptions } from '../../src/core/index.js';
import type { BuildSummary } from '../../src/index/index.js';

/** Opens the advisor for a CLI command, telling the user on stderr when the index is rebuilt. */
export async function openAdvisor(config: Config = loadConfig(), options: Pick<OpenOptions, 'llmLogger'> = {}): Promise<CareerAdvisor> {
  return CareerAdvisor.open(config, {
    ...options,
    onRebuild: (reason: string, summary?: BuildSummary) => {
      if (summary) process.stderr.write(`Index rebuilt: ${summary.chunks} chunks from ${summary.files} file(s) in ${(summary.ms / 1000).toFixed(1)} s.\n`);
      else process.stderr.write(`${reason} Rebuilding it now…\n`);
    },
  });
}

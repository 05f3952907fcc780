import { describeConfig, loadConfig } from '../../../src/config/index.js';
import type { CliCommand } from '../command.js';
import { dotEnvFile, settingOrigin } from '../load-dotenv.js';
import { formatTable } from '../format-table.js';
import { UsageError } from '../usage-error.js';

/** Settings whose values are secrets: shown only as set or not. */
const SECRET = /(?:TOKEN|SECRET|KEY|SALT|PASSWORD)$/;
/** Settings that may carry a password inside a URL (postgres://user:password@…). */
const URL_WITH_CREDENTIALS = /^[a-z][\w+.-]*:\/\/[^/@\s]+@/i;

/** A value as `config check` shows it: secrets masked, passwords in URLs hidden, long values cut. */
export function shownValue(name: string, value: string | undefined): string {
  if (value === undefined || value === '') return '';
  if (SECRET.test(name)) return 'set (masked)';
  const safe = URL_WITH_CREDENTIALS.test(value) ? value.replace(/:\/\/[^/@\s]+@/, '://***@') : value;
  return safe.length > 60 ? `${safe.slice(0, 57)}…` : safe;
}

/** One row per setting: its name, where it came from (env, .env, default) and its value, secrets masked. */
export function configRows(env: NodeJS.ProcessEnv = process.env): string[][] {
  return describeConfig().map((v) => {
    const origin = settingOrigin(v.name);
    const value = origin === 'default' ? v.default : env[v.name];
    return [v.name, origin, shownValue(v.name, value)];
  });
}

export const configCommand: CliCommand = {
  name: 'config',
  summary: 'Check the settings: where each came from (env, .env, default), secrets masked',
  usage: 'career-advisor config check',
  async run(args) {
    if (args[0] !== 'check' || args.length > 1) throw new UsageError('config takes one subcommand: check');
    // Fails with CONFIG_INVALID (and what to fix) when a setting is wrong.
    loadConfig();
    const file = dotEnvFile();
    process.stdout.write(`${file ? `Read ${file}; the environment wins over it.` : 'No .env file read (ENV_FILE names another).'}\n\n`);
    process.stdout.write(`${formatTable(['Setting', 'From', 'Value'], configRows())}\nThe configuration is valid.\n`);
    return 0;
  },
};

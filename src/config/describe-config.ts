import { configSchema } from './schema.js';

export interface ConfigVariable {
  name: string;
  description: string;
  default?: string;
}

/** Every configuration variable with its description and default, read from the zod schema itself. */
export function describeConfig(): ConfigVariable[] {
  const defaults = configSchema.parse({}) as Record<string, unknown>;
  return Object.entries(configSchema.shape).map(([name, schema]) => {
    const value = defaults[name];
    // An empty list or mapping (GUIDES_BY_PLACE parses '' to {}) has no default worth printing.
    const empty = value === undefined || (typeof value === 'object' && value !== null && Object.keys(value).length === 0);
    const shown = empty ? undefined : String(value);
    return { name, description: (schema as { description?: string }).description ?? '', ...(shown === undefined ? {} : { default: shown }) };
  });
}

/** The configuration table of docs/configuration.md, generated from the schema. */
export function configMarkdownTable(): string {
  const rows = describeConfig().map((v) => `| \`${v.name}\` | ${v.default === undefined ? '' : `\`${v.default}\``} | ${v.description} |`);
  return ['| Variable | Default | Meaning |', '|---|---|---|', ...rows].join('\n');
}

// Writes .env.example from the zod schema (descriptions and defaults): node scripts/env-example.mjs
import { writeFileSync } from 'node:fs';
import { describeConfig } from '../dist/src/config/index.js';
const secret = (name) => /TOKEN|KEY|SECRET/.test(name);
const body = describeConfig()
  .map((v) => `# ${v.description}\n${v.name}=${secret(v.name) ? '' : (v.default ?? '')}`)
  .join('\n\n');
writeFileSync('.env.example', `# career-advisor configuration. Copy to .env (never commit .env); every value is optional.\n# Generated from src/config/schema.ts by scripts/env-example.mjs.\n\n${body}\n`);

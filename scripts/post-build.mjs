// Makes the compiled CLI executable so `npx career-advisor` works straight after `npm ci`.
import { chmodSync, existsSync } from 'node:fs';
const bin = 'dist/adapters/cli/main.js';
if (existsSync(bin)) chmodSync(bin, 0o755);

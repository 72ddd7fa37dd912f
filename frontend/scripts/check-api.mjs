// Fails when src/api/schema.ts (openapi-typescript, with enum arrays) or src/api/limits.gen.ts
// (scripts/gen-limits.mjs) is not what they make of ../openapi/openapi.json.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'samordna-api-'));
const generated = {
  'src/api/schema.ts': [
    'node_modules/openapi-typescript/bin/cli.js',
    '../openapi/openapi.json',
    '--enum-values',
    '-o',
  ],
  'src/api/limits.gen.ts': ['scripts/gen-limits.mjs'],
};
let stale = false;
try {
  for (const [file, args] of Object.entries(generated)) {
    const fresh = join(dir, file.replaceAll('/', '_'));
    execFileSync(process.execPath, [...args, fresh], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (readFileSync(fresh, 'utf8') !== readFileSync(file, 'utf8')) {
      console.error(
        `${file} is out of date with ../openapi/openapi.json: run \`npm run gen:api\`.`,
      );
      stale = true;
    } else {
      console.log(`${file} matches ../openapi/openapi.json`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (stale) process.exit(1);

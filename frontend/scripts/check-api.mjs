// Fails when src/api/schema.d.ts is not what openapi-typescript makes of ../openapi/openapi.json.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'samordna-api-'));
const fresh = join(dir, 'schema.d.ts');
try {
  execFileSync(
    process.execPath,
    ['node_modules/openapi-typescript/bin/cli.js', '../openapi/openapi.json', '-o', fresh],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const committed = readFileSync('src/api/schema.d.ts', 'utf8');
  if (readFileSync(fresh, 'utf8') !== committed) {
    console.error(
      'src/api/schema.d.ts is out of date with ../openapi/openapi.json: run `npm run gen:api`.',
    );
    process.exit(1);
  }
  console.log('src/api/schema.d.ts matches ../openapi/openapi.json');
} finally {
  rmSync(dir, { recursive: true, force: true });
}

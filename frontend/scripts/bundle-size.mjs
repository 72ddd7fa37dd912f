// The initial route's JavaScript, gzipped: the entry script and its modulepreloads in dist/index.html.
// Fails above the budget (300 kB).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 300 * 1024;
const html = readFileSync('dist/index.html', 'utf8');
const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const f of files) {
  const size = gzipSync(readFileSync(`dist/${f}`), { level: 9 }).length;
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(7)} kB  ${f}`);
}
console.log(
  `${(total / 1024).toFixed(1).padStart(7)} kB  initial JS (gzip), budget ${BUDGET / 1024} kB`,
);
if (total > BUDGET) process.exit(1);

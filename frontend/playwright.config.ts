import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const python = process.env.E2E_PYTHON ?? resolve(repoRoot, '.venv/bin/python');

const port = Number(process.env.E2E_PORT ?? '8765');
export const baseURL = `http://127.0.0.1:${port}`;

/**
 * Browser tests against a live Samordna: `tests.e2e.server` resets the samordna_e2e database,
 * loads the demo data and serves the API plus the built SPA (run `npm run build` first).
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'nb-NO',
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `${python} -m tests.e2e.server`,
    cwd: repoRoot,
    url: `${baseURL}/api/openapi.json`,
    env: { E2E_PORT: String(port) },
    reuseExistingServer: Boolean(process.env.E2E_REUSE_SERVER),
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});

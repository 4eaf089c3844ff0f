import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

const PORT_API = Number(process.env.PORT ?? 8080)
// Heavy tests, one file at a time after the unit tests: Chromium, and several server processes behind nginx.
const NAVIGATEUR = ['tests/browser/**/*.test.ts', 'tests/robustesse/csp-navigateur.test.ts', 'tests/deploiement/**/*.test.ts']

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': `http://localhost:${PORT_API}` } },
  test: {
    root: '.',
    globalSetup: ['tests/setup/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        // Two files at a time (`--maxWorkers=2` in npm test; vitest's default is cores − 1 = 1 here): 7 → 3.7 min, most files
        // wait on servers, builds and child processes rather than compute.
        test: { name: 'unitaires', include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'], exclude: NAVIGATEUR },
      },
      {
        // Chromium renders WebGL in software, and tests/deploiement runs two instances, nginx and PostgreSQL:
        // one file at a time, after the others, so that timings do not depend on what else the two cores are doing.
        extends: true,
        test: { name: 'navigateur', include: NAVIGATEUR, fileParallelism: false },
      },
    ],
  },
})

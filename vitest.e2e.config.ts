import { defineConfig } from 'vitest/config'
import path from 'node:path'

// Browser journeys against the built app (npm run build first), one server for the whole run.
export default defineConfig({
  resolve: { alias: { '~': path.resolve(__dirname, 'app') } },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globals: true,
    globalSetup: ['tests/e2e/server-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})

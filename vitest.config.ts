import { defineConfig } from 'vitest/config'
import path from 'node:path'

// Unit tests sit beside their files in app/ and scripts/; integration tests in tests/integration.
// Browser journeys (tests/e2e) run separately, against a built app.
export default defineConfig({
  resolve: { alias: { '~': path.resolve(__dirname, 'app') } },
  test: {
    include: ['app/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    globals: true,
    globalSetup: ['tests/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})

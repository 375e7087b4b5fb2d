import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { conditions: ['@plafond/source'] },
  ssr: { resolve: { conditions: ['@plafond/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'examples/*/src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    restoreMocks: true,
  },
})

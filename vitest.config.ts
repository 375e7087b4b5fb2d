import { defineConfig } from 'vitest/config'

// A deeper property run (PLAFOND_PROPERTY_RUNS, see docs/domain.md) takes as long as its runs need:
// 1 500 sequences against PostgreSQL take about a minute per property on 2 cores.
const timeout = process.env.PLAFOND_PROPERTY_RUNS ? 3_600_000 : 60_000

export default defineConfig({
  resolve: { conditions: ['@plafond/source'] },
  ssr: { resolve: { conditions: ['@plafond/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'examples/*/src/**/*.test.ts'],
    testTimeout: timeout,
    hookTimeout: timeout,
    restoreMocks: true,
  },
})

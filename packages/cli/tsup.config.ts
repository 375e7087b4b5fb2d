import { defineConfig } from 'tsup'

// The package is a command, not a library: one ESM entry, the executable `plafond`.
export default defineConfig({
  entry: { cli: 'src/cli.ts' },
  format: ['esm'],
  banner: { js: '#!/usr/bin/env node' },
  sourcemap: true,
  clean: true,
  target: 'node20',
})

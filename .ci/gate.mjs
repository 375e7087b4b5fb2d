#!/usr/bin/env node
// The one gate: the same steps, in the same order, on a laptop and in CI.
// Build comes before the tests because some tests run what was built (the CLI binary).
import { spawnSync } from 'node:child_process'

const steps = [
  ['format', ['prettier', '--check', '.']],
  ['lint', ['eslint', '.', '--max-warnings', '0']],
  ['typecheck', ['pnpm', '-r', '--workspace-concurrency', '1', 'typecheck']],
  ['build', ['pnpm', '-r', 'build']],
  ['test', ['vitest', 'run']],
]

const only = process.argv.slice(2)
const started = Date.now()
for (const [name, command] of steps) {
  if (only.length > 0 && !only.includes(name)) continue
  const t0 = Date.now()
  process.stdout.write(`\n── gate: ${name} (${command.join(' ')})\n`)
  const result = spawnSync(command[0], command.slice(1), {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  })
  const seconds = ((Date.now() - t0) / 1000).toFixed(1)
  if (result.status !== 0) {
    process.stdout.write(
      `\n✗ gate: ${name} failed after ${seconds}s. Fix it, then run \`pnpm test\` again.\n`,
    )
    process.exit(result.status ?? 1)
  }
  process.stdout.write(`✓ ${name} (${seconds}s)\n`)
}
process.stdout.write(`\n✓ gate passed in ${((Date.now() - started) / 1000).toFixed(1)}s\n`)

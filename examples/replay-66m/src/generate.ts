import { mkdir, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { buildHistory } from './history-builder.js'
import { DEFAULT_SEED, HISTORY_FILE } from './history-file.js'
import { toJsonl } from './history-line.js'

// `pnpm generate [seed]`: writes data/history.jsonl. The committed file uses DEFAULT_SEED, and a
// test fails if the committed file differs from a fresh generation.
const seed = process.argv[2] ?? DEFAULT_SEED
const history = buildHistory(seed)
const text = toJsonl(history.lines)
await mkdir(new URL('.', HISTORY_FILE), { recursive: true })
await writeFile(HISTORY_FILE, text)

const counts = new Map<string, number>()
for (const line of history.lines) {
  counts.set(line.command.type, (counts.get(line.command.type) ?? 0) + 1)
}
console.log(`Wrote ${fileURLToPath(HISTORY_FILE)} (seed ${JSON.stringify(seed)})`)
console.log(`  ${history.lines.length} commands, ${(text.length / 1024 / 1024).toFixed(2)} MiB`)
for (const [type, count] of [...counts].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${type.padEnd(20)} ${count}`)
}
console.log(`  ${history.refusals.length} deliberately refused, ${history.retried.length} retried`)

import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SEED, HISTORY_FILE, renderHistory } from './history-file.js'

describe('the history file', () => {
  it('is the same bytes for the same seed, and different for another seed', () => {
    const first = renderHistory(DEFAULT_SEED)
    expect(renderHistory(DEFAULT_SEED)).toBe(first)
    expect(renderHistory('another-seed')).not.toBe(first)
  })

  it('is committed up to date: data/history.jsonl is what the generator writes today', async () => {
    const committed = await readFile(HISTORY_FILE, 'utf8')
    const fresh = renderHistory(DEFAULT_SEED)
    // Compare sizes first: a failure then names the problem without printing 2 MB.
    expect(
      committed.length,
      'data/history.jsonl is stale: run `pnpm --filter @plafond/example-replay-66m generate`',
    ).toBe(fresh.length)
    expect(
      committed === fresh,
      'data/history.jsonl is stale: run `pnpm --filter @plafond/example-replay-66m generate`',
    ).toBe(true)
  })

  it('stays commit-sized: under 5 MB, a few thousand commands', () => {
    const text = renderHistory(DEFAULT_SEED)
    const lines = text.split('\n').filter((line) => line !== '')
    expect(Buffer.byteLength(text)).toBeLessThan(5_000_000)
    expect(lines.length).toBeGreaterThan(2_000)
    expect(lines.length).toBeLessThan(20_000)
  })
})

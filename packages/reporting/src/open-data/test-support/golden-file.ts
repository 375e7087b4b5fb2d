import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname } from 'node:path'
import { expect } from 'vitest'

const update = process.env.PLAFOND_UPDATE_GOLDEN === '1'

/**
 * Compares `text` with the golden file `file`. With `PLAFOND_UPDATE_GOLDEN=1` the file is
 * (re)written first; without it, a missing file fails and says how to create it.
 */
export function expectGolden(file: URL, text: string): void {
  if (update) {
    mkdirSync(dirname(fileURLToPath(file)), { recursive: true })
    writeFileSync(file, text)
  }
  expect(
    existsSync(file),
    `No golden file ${fileURLToPath(file)}; run the test with PLAFOND_UPDATE_GOLDEN=1 to create it, then review it.`,
  ).toBe(true)
  expect(
    text,
    `Differs from ${fileURLToPath(file)}: review the change, then regenerate with PLAFOND_UPDATE_GOLDEN=1.`,
  ).toBe(readFileSync(file, 'utf8'))
}

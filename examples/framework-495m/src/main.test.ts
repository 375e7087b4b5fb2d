import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const packageDirectory = fileURLToPath(new URL('..', import.meta.url))
let directory: string
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'plafond-framework-495m-main-'))
})
afterAll(async () => {
  await rm(directory, { recursive: true, force: true })
})

/** Runs `src/main.ts` as `pnpm start` does, from the temporary directory. */
async function runMain(
  args: readonly string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    ['--conditions=@plafond/source', '--import', 'tsx', 'src/main.ts', ...args],
    { cwd: packageDirectory, env: { ...process.env, INIT_CWD: directory } },
  )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const [code] = (await once(child, 'exit')) as [number | null]
  return { code, stdout, stderr }
}

describe('main', () => {
  it('writes the ledger and the forecast file, and prints the same forecast as the table', async () => {
    const run = await runMain(['--out', 'run'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect((await stat(join(directory, 'run', 'framework-495m.db'))).size).toBeGreaterThan(0)
    const report = JSON.parse(await readFile(join(directory, 'run', 'forecast.json'), 'utf8')) as {
      synthetic: boolean
      forecast: { scenarios: { name: string; estimate: { central: string } }[] }
    }
    expect(report.synthetic).toBe(true)
    expect(run.stdout).toMatch(/^SYNTHETIC DATA/)
    expect(run.stdout).toContain('0 refused; hash chain verified')
    for (const scenario of report.forecast.scenarios) {
      const row = run.stdout.split('\n').find((line) => line.startsWith(scenario.name))
      expect(row, scenario.name).toContain(scenario.estimate.central)
    }
  })

  it('refuses a window it cannot measure, with exit code 2 and the usage', async () => {
    const run = await runMain(['--months', '0', '--out', 'refused'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('expected --months to be a whole number from 1 to 12, found "0"')
    expect(run.stderr).toContain('Usage:')
  })
})

import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { PLACEHOLDER_OCID_PREFIX } from '@plafond/reporting'
import { SYNTHETIC_NOTICE } from './write-reports.js'

// The README's main job, run as `pnpm replay` runs it: the script, through tsx, on the sources.
const directory = mkdtempSync(join(tmpdir(), 'plafond-replay-main-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

const script = fileURLToPath(new URL('./replay.ts', import.meta.url))

describe('pnpm replay (src/replay.ts)', () => {
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=@plafond/source',
      script,
      '--db',
      join(directory, 'ledger.db'),
      '--out',
      join(directory, 'out'),
    ],
    { encoding: 'utf8', timeout: 120_000, env: { ...process.env, INIT_CWD: directory } },
  )

  it('replays into a SQLite file, verifies, and pays exactly 66 M€', () => {
    expect(run.status, run.stderr).toBe(0)
    // Figures are printed with narrow no-break spaces between thousands.
    expect(run.stdout).toMatch(/verify\(\): ok, 7\s288 events/u)
    expect(run.stdout).toMatch(/Total paid: 66\s000\s000,00\s€ \(expected 66\s000\s000,00\s€\) ok/u)
  })

  it('writes report.html, report.md and the DECP and OCDS exports', () => {
    const html = readFileSync(join(directory, 'out', 'report.html'), 'utf8')
    expect(html).toMatch(/^<!doctype html>/i)
    expect(html).toContain(SYNTHETIC_NOTICE.slice(0, 40))
    expect(html).toMatch(/66[\s\u202f\u00a0]000[\s\u202f\u00a0]000,00/)
    const markdown = readFileSync(join(directory, 'out', 'report.md'), 'utf8')
    expect(markdown).toMatch(/^# /)
    const decp = JSON.parse(readFileSync(join(directory, 'out', 'decp.json'), 'utf8')) as {
      marches: { marche: unknown[] }
    }
    // The framework and its 268 call-offs.
    expect(decp.marches.marche).toHaveLength(269)
    const ocds = JSON.parse(readFileSync(join(directory, 'out', 'ocds.json'), 'utf8')) as {
      releases: { ocid: string }[]
    }
    expect(ocds.releases.every((release) => release.ocid.startsWith(PLACEHOLDER_OCID_PREFIX))).toBe(
      true,
    )
    expect(run.stdout).toContain('report.html')
  })
})

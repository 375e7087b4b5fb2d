import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'

// What a user installs is dist/, not src/: every public package's entry points must load, as ESM
// and (where declared) as CommonJS, with the same names, in a plain Node process (no test runner,
// no source condition). The gate builds before it tests.
const packages = fileURLToPath(new URL('../../../packages/', import.meta.url))

interface Manifest {
  readonly name: string
  readonly private?: boolean
  readonly license?: string
  readonly exports?: Readonly<Record<string, Conditions | string>>
  readonly bin?: Readonly<Record<string, string>>
}

interface Conditions {
  readonly import?: { readonly types: string; readonly default: string }
  readonly require?: { readonly types: string; readonly default: string }
}

const published = readdirSync(packages)
  .map((dir) => ({
    dir,
    manifest: JSON.parse(readFileSync(join(packages, dir, 'package.json'), 'utf8')) as Manifest,
  }))
  .filter(({ manifest }) => manifest.private !== true)

/** The names a module exports, loaded by a fresh `node` the way a user's program would. */
function exportedNames(how: 'import' | 'require', file: string): string[] {
  const load =
    how === 'import'
      ? `const m = await import(${JSON.stringify(pathToFileURL(file).href)})`
      : `const m = (await import('node:module')).createRequire(${JSON.stringify(pathToFileURL(file).href)})(${JSON.stringify(file)})`
  const run = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `${load}; console.log(JSON.stringify(Object.keys(m).sort()))`],
    {
      encoding: 'utf8',
    },
  )
  if (run.status !== 0) throw new Error(`node could not ${how} ${file}:\n${run.stderr}`)
  return JSON.parse(run.stdout) as string[]
}

describe('published entry points', () => {
  it.each(published.map((p) => [p.manifest.name, p] as const))(
    '%s loads from dist',
    (_name, { dir, manifest }) => {
      expect(manifest.license).toBe('MIT')
      const entries = Object.entries(manifest.exports ?? {}).filter(
        ([key, value]) => key !== './package.json' && typeof value !== 'string',
      ) as [string, Conditions][]
      for (const [key, conditions] of entries) {
        const esm = conditions.import
        expect(esm, `${manifest.name} ${key} has no import condition`).toBeDefined()
        const esmFile = join(packages, dir, esm!.default)
        expect(existsSync(esmFile), `${esmFile} is missing: run \`pnpm build\` first`).toBe(true)
        expect(existsSync(join(packages, dir, esm!.types)), `${esm!.types} is missing`).toBe(true)
        const fromEsm = exportedNames('import', esmFile)
        expect(fromEsm.length).toBeGreaterThan(0)
        if (conditions.require) {
          const cjsFile = join(packages, dir, conditions.require.default)
          expect(exportedNames('require', cjsFile)).toEqual(fromEsm)
          expect(existsSync(join(packages, dir, conditions.require.types))).toBe(true)
        }
      }
      for (const bin of Object.values(manifest.bin ?? {})) {
        const text = readFileSync(join(packages, dir, bin), 'utf8')
        expect(text.startsWith('#!/usr/bin/env node')).toBe(true)
      }
    },
  )
})

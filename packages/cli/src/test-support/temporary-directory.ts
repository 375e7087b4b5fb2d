import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A directory under the system's temporary directory, and how to remove it. */
export interface TemporaryDirectory {
  readonly path: string
  /** A path inside the directory. */
  file(name: string): string
  /** Removes the directory and everything in it. */
  remove(): void
}

/** Creates a fresh temporary directory whose name starts with `plafond-cli-<label>-`. */
export function temporaryDirectory(label: string): TemporaryDirectory {
  const path = mkdtempSync(join(tmpdir(), `plafond-cli-${label}-`))
  return {
    path,
    file: (name) => join(path, name),
    remove: () => rmSync(path, { recursive: true, force: true }),
  }
}

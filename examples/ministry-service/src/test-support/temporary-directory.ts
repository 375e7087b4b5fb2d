import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A fresh directory under the system's temporary directory, and how to remove it. */
export interface TemporaryDirectory {
  /** A path inside the directory. */
  file(name: string): string
  /** Removes the directory and everything in it. */
  remove(): void
}

/** Creates a directory named `plafond-ministry-<label>-<random>`. */
export function temporaryDirectory(label: string): TemporaryDirectory {
  const path = mkdtempSync(join(tmpdir(), `plafond-ministry-${label}-`))
  return {
    file: (name) => join(path, name),
    remove: () => rmSync(path, { recursive: true, force: true }),
  }
}

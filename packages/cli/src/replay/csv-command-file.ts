import { readFile } from 'node:fs/promises'
import type { LedgerEvent } from '@plafond/core'
import { importCsv, type ImportCsvResult } from '@plafond/reporting'
import { CliError } from '../cli-error.js'
import { readLedgerEvents } from '../store/read-ledger-events.js'
import type { StoreSpec } from '../store/store-spec.js'
import type { FileCommand, InvalidLine } from './command-file.js'

/** A CSV of historical events turned into commands, or every bad row of it. */
export type CheckedCsv =
  | { readonly ok: true; readonly commands: readonly FileCommand[] }
  | { readonly ok: false; readonly invalid: readonly InvalidLine[] }

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'an error'
    throw new CliError(
      'invalidInput',
      `Expected a CSV file of historical events at ${path}, but cannot read it (${code}). Check the path.`,
      { cause: error },
    )
  }
}

function checked(result: ImportCsvResult): CheckedCsv {
  if (result.ok) return { ok: true, commands: result.commands }
  return {
    ok: false,
    invalid: result.errors.map((error) => ({ line: error.line, problem: error.reason })),
  }
}

/**
 * Reads a CSV of historical call-offs, modifications and payments (the column format of
 * `@plafond/reporting`'s README) and turns it into commands, with `importCsv`: a file with any bad
 * row is refused whole. A row may name a framework or call-off that the ledger holds already
 * rather than the file: when the file alone does not check, it is checked again against the
 * ledger's events, read from the store read-only (nothing is created or written either way).
 */
export async function checkCsvFile(path: string, spec: StoreSpec): Promise<CheckedCsv> {
  const text = await readText(path)
  const alone = importCsv(text)
  if (alone.ok) return checked(alone)
  let existing: LedgerEvent[]
  try {
    existing = await readLedgerEvents(spec)
  } catch {
    // No ledger to read (a new file, an empty schema): the file's own errors stand.
    return checked(alone)
  }
  if (existing.length === 0) return checked(alone)
  return checked(importCsv(text, { existing }))
}

import type { LedgerEvent } from '@plafond/core'
import { inCommandOrder } from './command-order.js'
import { CSV_COLUMNS } from './csv-columns.js'
import { CSV_DIALECTS, type CsvDialect } from './csv-dialect.js'
import { CSV_KIND_OF_EVENT, CSV_KINDS, type CsvCells, type CsvKindDefinition } from './csv-kinds.js'
import { writeCsvRecord } from './rfc4180.js'

/** Options of `exportCsv`. */
export interface ExportCsvOptions {
  /** `standard` (`,` and `.`, the default) or `french` (`;` and `,`). */
  readonly dialect?: CsvDialect
}

/**
 * Writes a ledger's history as the CSV `importCsv` reads: a header naming every column, then one
 * row per command the ledger applied, in the order the commands were decided (`inCommandOrder`),
 * from the event that command recorded. Events
 * the ledger derives by itself (commitments, alerts, the ceiling reached, late-payment interest)
 * are left out: importing the file computes them again. Each row keeps its actor's id and its
 * command id, so importing the file into an empty ledger writes the same events again (only
 * `recordedAt`, the event ids and the hashes differ). RFC 4180: CRLF line ends, cells quoted when
 * needed.
 */
export function exportCsv(events: Iterable<LedgerEvent>, options: ExportCsvOptions = {}): string {
  const rules = CSV_DIALECTS[options.dialect ?? 'standard']
  const lines = [writeCsvRecord(CSV_COLUMNS, rules.separator)]
  for (const event of inCommandOrder(events)) {
    const kind = CSV_KIND_OF_EVENT.get(event.type)
    if (kind === undefined) continue
    const definition: CsvKindDefinition = CSV_KINDS[kind]
    const cells: CsvCells = {
      ...definition.cells(event.data, rules),
      kind,
      actor: event.meta.actorId,
      command_id: event.meta.commandId,
    }
    lines.push(
      writeCsvRecord(
        CSV_COLUMNS.map((column) => cells[column] ?? ''),
        rules.separator,
      ),
    )
  }
  return lines.join('')
}

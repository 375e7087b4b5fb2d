import { createHash } from 'node:crypto'
import { Command, type Actor, type CommandInput, type LedgerEvent } from '@plafond/core'
import { readCell, type CellValue } from './csv-cells.js'
import { CSV_COLUMN_TYPES, CSV_COLUMNS, isCsvColumn, type CsvColumn } from './csv-columns.js'
import {
  CSV_DIALECTS,
  detectDialect,
  type CsvDialect,
  type CsvDialectRules,
} from './csv-dialect.js'
import { CSV_KINDS, isCsvKind, type CsvKind, type CsvKindDefinition } from './csv-kinds.js'
import { parseCsv, type CsvRecord } from './rfc4180.js'

/** Options of `importCsv`. */
export interface ImportCsvOptions {
  /** `standard` (`,` and `.`) or `french` (`;` and `,`); read from the header line by default. */
  readonly dialect?: CsvDialect
  /**
   * The events already in the ledger the file will go into: rows may then refer to its
   * frameworks and call-offs. Without it, the file must open every framework and award every
   * call-off it refers to.
   */
  readonly existing?: Iterable<LedgerEvent>
  /**
   * Prefix of the command ids of rows without a `command_id`, followed by the row's line number;
   * by default `csv-` and the first 8 hexadecimal digits of the file's SHA-256, then `-L`. The
   * same file imported twice gives the same ids, so the ledger applies it once.
   */
  readonly commandIdPrefix?: string
}

/** A command read from a row, with the actor who issues it and the row's line. */
export interface ImportedCommand {
  readonly line: number
  readonly actor: Actor
  readonly command: CommandInput
}

/** Why a row (or the header) was refused. */
export interface CsvImportError {
  /** The line the row starts on (1-based; the header is line 1). */
  readonly line: number
  /** The column at fault, when one is (as the header names it, even when it is unknown). */
  readonly column?: string
  readonly reason: string
}

/** What `importCsv` returns: every command, or every error and no command. */
export type ImportCsvResult =
  | {
      readonly ok: true
      readonly dialect: CsvDialect
      readonly commands: readonly ImportedCommand[]
    }
  | { readonly ok: false; readonly errors: readonly CsvImportError[] }

interface Known {
  /** Line of the row that opened or awarded it; 0 when it is in the ledger already. */
  readonly line: number
}

interface KnownCallOff extends Known {
  readonly beneficiaryId: string
}

/** What the rows read so far have opened, awarded and used. */
class ImportBooks {
  readonly frameworks = new Map<string, Known>()
  readonly callOffs = new Map<string, KnownCallOff>()
  readonly refs = new Map<string, number>()
  readonly commandIds = new Map<string, number>()
  /** Lines on which a framework is opened or a call-off awarded, for forward references. */
  readonly laterFrameworks = new Map<string, number>()
  readonly laterCallOffs = new Map<string, number>()

  constructor(existing: Iterable<LedgerEvent> | undefined) {
    for (const event of existing ?? []) {
      if (event.type === 'FrameworkOpened') {
        this.frameworks.set(event.data.frameworkId, { line: 0 })
      } else if (event.type === 'ContractAwarded') {
        this.callOffs.set(event.data.contractId, {
          line: 0,
          beneficiaryId: event.data.beneficiaryId,
        })
      }
    }
  }
}

function where(known: Known): string {
  return known.line === 0 ? 'in the ledger already' : `on line ${known.line}`
}

function defaultActor(role: CsvKindDefinition['role'], beneficiaryId: string | undefined): Actor {
  if (role === 'coordinator' || beneficiaryId === undefined) {
    return { id: 'csv.coordinator', roles: [{ role: 'coordinator' }] }
  }
  return { id: `csv.${role}.${beneficiaryId}`, roles: [{ role, beneficiaryId }] }
}

function headerErrors(header: CsvRecord): CsvImportError[] {
  const errors: CsvImportError[] = []
  const seen = new Set<string>()
  for (const raw of header.cells) {
    const name = raw.trim()
    if (!isCsvColumn(name)) {
      errors.push({
        line: header.line,
        column: name,
        reason: `unknown column ${JSON.stringify(name)} in the header. The first line names the columns, among: ${CSV_COLUMNS.join(', ')}.`,
      })
    } else if (seen.has(name)) {
      errors.push({
        line: header.line,
        column: name,
        reason: `column ${name} is named twice in the header; keep one.`,
      })
    }
    seen.add(name)
  }
  for (const needed of ['kind', 'date'] as const) {
    if (!seen.has(needed)) {
      errors.push({
        line: header.line,
        column: needed,
        reason: `the header has no column ${needed}; every row needs one.`,
      })
    }
  }
  return errors
}

interface RowContext {
  readonly line: number
  readonly kind: CsvKind
  readonly definition: CsvKindDefinition
  readonly values: Map<CsvColumn, CellValue>
  readonly errors: CsvImportError[]
}

function fail(row: RowContext, reason: string, column?: CsvColumn): void {
  row.errors.push(
    column === undefined ? { line: row.line, reason } : { line: row.line, column, reason },
  )
}

function frameworkReference(row: RowContext, books: ImportBooks): void {
  const frameworkId = row.values.get('framework')
  if (typeof frameworkId !== 'string') return
  if (row.definition.scope === 'framework') {
    const known = books.frameworks.get(frameworkId)
    if (known !== undefined) {
      fail(row, `framework ${frameworkId} is opened ${where(known)}; open it once.`, 'framework')
    } else {
      books.frameworks.set(frameworkId, { line: row.line })
    }
    return
  }
  if (books.frameworks.has(frameworkId)) return
  const later = books.laterFrameworks.get(frameworkId)
  fail(
    row,
    later !== undefined && later > row.line
      ? `framework ${frameworkId} is opened only on line ${later}: put its opening row first.`
      : `unknown framework ${frameworkId}: open it in an earlier row (kind framework), or import into the ledger that holds it.`,
    'framework',
  )
}

/** Checks the call-off a row awards or refers to; returns the beneficiary it acts for. */
function callOffReference(row: RowContext, books: ImportBooks): string | undefined {
  const contractId = row.values.get('contract')
  if (typeof contractId !== 'string') return undefined
  if (row.definition.scope === 'call-off') {
    const beneficiary = row.values.get('beneficiary')
    const known = books.callOffs.get(contractId)
    if (known !== undefined) {
      fail(row, `call-off ${contractId} is awarded ${where(known)}; award it once.`, 'contract')
    } else if (typeof beneficiary === 'string') {
      books.callOffs.set(contractId, { line: row.line, beneficiaryId: beneficiary })
    }
    return typeof beneficiary === 'string' ? beneficiary : undefined
  }
  const known = books.callOffs.get(contractId)
  if (known !== undefined) return known.beneficiaryId
  const later = books.laterCallOffs.get(contractId)
  fail(
    row,
    later !== undefined && later > row.line
      ? `call-off ${contractId} is awarded only on line ${later}: put its award row first.`
      : `unknown call-off ${contractId}: award it in an earlier row (kind call-off), or import into the ledger that holds it.`,
    'contract',
  )
  return undefined
}

function refReference(row: RowContext, books: ImportBooks): void {
  const { ref } = row.definition
  const contractId = row.values.get('contract')
  const id = row.values.get('ref')
  if (ref === undefined || typeof contractId !== 'string' || typeof id !== 'string') return
  const key = `${row.kind}\u0000${contractId}\u0000${id}`
  const earlier = books.refs.get(key)
  if (earlier !== undefined) {
    fail(row, `${ref} ${id} of call-off ${contractId} is already on line ${earlier}.`, 'ref')
  } else {
    books.refs.set(key, row.line)
  }
}

function readRow(
  record: CsvRecord,
  header: readonly string[],
  rules: CsvDialectRules,
  books: ImportBooks,
  prefix: string,
): { readonly command?: ImportedCommand; readonly errors: readonly CsvImportError[] } {
  const { line } = record
  if (record.cells.length !== header.length) {
    return {
      errors: [
        {
          line,
          reason: `expected ${header.length} cells, as in the header, found ${record.cells.length}. Check the separators and the quotes of this row.`,
        },
      ],
    }
  }
  const cells = new Map<string, string>()
  header.forEach((name, i) => cells.set(name, record.cells[i]!))
  const kind = (cells.get('kind') ?? '').trim()
  if (!isCsvKind(kind)) {
    return {
      errors: [
        {
          line,
          column: 'kind',
          reason: `unknown kind ${JSON.stringify(kind)}; expected one of: ${Object.keys(CSV_KINDS).join(', ')}.`,
        },
      ],
    }
  }
  const definition: CsvKindDefinition = CSV_KINDS[kind]
  const row: RowContext = { line, kind, definition, values: new Map(), errors: [] }
  for (const column of CSV_COLUMNS) {
    if (column === 'kind' || column === 'actor' || column === 'command_id') continue
    const raw = cells.get(column)
    const type = CSV_COLUMN_TYPES[column]
    const value = raw === undefined ? '' : type === 'text' ? raw : raw.trim()
    const used = Object.hasOwn(definition.fields, column)
    if (!used) {
      if (value !== '') {
        fail(row, `column ${column} is not used by a row of kind ${kind}: leave it empty.`, column)
      }
      continue
    }
    if (value === '') {
      if (definition.required.includes(column)) {
        fail(
          row,
          raw === undefined
            ? `a row of kind ${kind} needs column ${column}, which the header does not have.`
            : `a row of kind ${kind} needs a value in column ${column}.`,
          column,
        )
      }
      continue
    }
    const reading = readCell(type, value, rules, column === 'amount' && definition.signedAmount)
    if ('reason' in reading) fail(row, reading.reason, column)
    else row.values.set(column, reading.value)
  }
  const actorId = (cells.get('actor') ?? '').trim()
  const given = (cells.get('command_id') ?? '').trim()
  for (const [column, value] of [
    ['actor', actorId],
    ['command_id', given],
  ] as const) {
    if (value === '') continue
    const reading = readCell('id', value, rules)
    if ('reason' in reading) fail(row, reading.reason, column)
  }
  const commandId = given === '' ? `${prefix}${line}` : given
  const earlierCommand = books.commandIds.get(commandId)
  if (earlierCommand !== undefined) {
    fail(row, `command id ${commandId} is already used on line ${earlierCommand}.`, 'command_id')
  } else {
    books.commandIds.set(commandId, line)
  }

  if (definition.scope !== 'product') frameworkReference(row, books)
  const callOffBeneficiary = callOffReference(row, books)
  refReference(row, books)
  if (row.errors.length > 0) return { errors: row.errors }

  const input: Record<string, unknown> = { type: definition.command, commandId }
  for (const [column, value] of row.values) input[definition.fields[column]!] = value
  const parsed = Command.safeParse(input)
  if (!parsed.success) {
    const columnOf = new Map(
      Object.entries(definition.fields).map(([column, field]) => [field, column as CsvColumn]),
    )
    for (const issue of parsed.error.issues) {
      const field = issue.path[0]
      const column = typeof field === 'string' ? columnOf.get(field) : undefined
      fail(row, issue.message, column)
    }
    return { errors: row.errors }
  }
  const beneficiaryId =
    definition.scope === 'in-call-off' || definition.scope === 'call-off'
      ? callOffBeneficiary
      : (row.values.get('beneficiary') as string | undefined)
  const actor = defaultActor(definition.role, beneficiaryId)
  return {
    command: {
      line,
      actor: actorId === '' ? actor : { ...actor, id: actorId },
      command: input as CommandInput,
    },
    errors: [],
  }
}

/**
 * Turns a CSV of historical events (call-offs, modifications, deliveries, invoices, payments, and
 * the framework's own life) into ledger commands, one per row, each with the actor who issues it.
 * The file is RFC 4180 (quotes, CRLF, line breaks inside quoted cells) in the `standard` or
 * `french` dialect; its first line names the columns (see the README). A file with any bad row is
 * refused whole: the result then lists every bad row with its line number and why, and no command,
 * so nothing is written. Pure: it reads no clock and writes nothing; the caller executes the
 * commands, in order:
 *
 * ```ts
 * const result = importCsv(text)
 * if (result.ok) {
 *   await ledger.executeBatch(result.commands.map((c) => c.command), {
 *     actors: result.commands.map((c) => c.actor),
 *   })
 * }
 * ```
 *
 * The ledger still decides each command by its rules (allocations, the ceiling, …): to keep the
 * file all or nothing under those too, replay it into a copy first (e.g. an in-memory ledger
 * fed the same history).
 */
export function importCsv(text: string, options: ImportCsvOptions = {}): ImportCsvResult {
  const dialect = detectDialect(text, options.dialect)
  const rules = CSV_DIALECTS[dialect]
  const parsed = parseCsv(text, rules.separator)
  const errors: CsvImportError[] = parsed.errors.map((error) => ({ ...error }))
  const [header, ...rows] = parsed.records
  if (header === undefined || errors.some((error) => error.line <= header.line)) {
    errors.push({
      line: header?.line ?? 1,
      reason: 'expected a header line naming the columns (kind, date, …), then one row per event.',
    })
    return { ok: false, errors: errors.sort((a, b) => a.line - b.line) }
  }
  const problems = headerErrors(header)
  if (problems.length > 0) {
    return { ok: false, errors: [...errors, ...problems].sort((a, b) => a.line - b.line) }
  }
  const names = header.cells.map((cell) => cell.trim())
  const books = new ImportBooks(options.existing)
  const kindAt = names.indexOf('kind')
  const frameworkAt = names.indexOf('framework')
  const contractAt = names.indexOf('contract')
  for (const row of rows) {
    const kind = row.cells[kindAt]?.trim()
    if (kind === 'framework' && frameworkAt !== -1) {
      const id = row.cells[frameworkAt]?.trim() ?? ''
      if (!books.laterFrameworks.has(id)) books.laterFrameworks.set(id, row.line)
    }
    if (kind === 'call-off' && contractAt !== -1) {
      const id = row.cells[contractAt]?.trim() ?? ''
      if (!books.laterCallOffs.has(id)) books.laterCallOffs.set(id, row.line)
    }
  }
  const prefix =
    options.commandIdPrefix ??
    `csv-${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 8)}-L`
  const commands: ImportedCommand[] = []
  for (const record of rows) {
    const result = readRow(record, names, rules, books, prefix)
    errors.push(...result.errors)
    if (result.command !== undefined) commands.push(result.command)
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) }
  return { ok: true, dialect, commands }
}

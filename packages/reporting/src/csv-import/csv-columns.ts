/**
 * The columns of the history CSV, in the order `exportCsv` writes them. A file may hold any subset
 * in any order, as long as its header names them and each row's kind finds the columns it needs.
 */
export const CSV_COLUMNS = [
  'kind',
  'date',
  'framework',
  'contract',
  'ref',
  'buyer',
  'beneficiary',
  'holder',
  'counterparty',
  'amount',
  'vat',
  'invoice',
  'name',
  'object',
  'contract_kind',
  'competition',
  'legal_basis',
  'reason',
  'justification',
  'product',
  'phase',
  'duration_months',
  'period_start',
  'period_end',
  'estimate',
  'maximum',
  'minimum',
  'ends_on',
  'max_holders',
  'cpv',
  'programme',
  'indicators',
  'alert_thresholds',
  'actor',
  'command_id',
] as const

/** A column of the history CSV. */
export type CsvColumn = (typeof CSV_COLUMNS)[number]

/** How a column's cells are read and written. */
export type CsvValueType =
  | 'text'
  | 'id'
  | 'date'
  | 'siret'
  | 'amount'
  | 'signed-amount'
  | 'integer'
  | 'indicators'
  | 'thresholds'

/** The type of each column; `amount` is signed for a modification (see `CSV_KINDS`). */
export const CSV_COLUMN_TYPES: Readonly<Record<CsvColumn, CsvValueType>> = {
  kind: 'text',
  date: 'date',
  framework: 'id',
  contract: 'id',
  ref: 'id',
  buyer: 'siret',
  beneficiary: 'siret',
  holder: 'siret',
  counterparty: 'siret',
  amount: 'amount',
  vat: 'amount',
  invoice: 'id',
  name: 'text',
  object: 'text',
  contract_kind: 'text',
  competition: 'text',
  legal_basis: 'text',
  reason: 'text',
  justification: 'text',
  product: 'id',
  phase: 'text',
  duration_months: 'integer',
  period_start: 'date',
  period_end: 'date',
  estimate: 'amount',
  maximum: 'amount',
  minimum: 'amount',
  ends_on: 'date',
  max_holders: 'integer',
  cpv: 'text',
  programme: 'text',
  indicators: 'indicators',
  alert_thresholds: 'thresholds',
  actor: 'id',
  command_id: 'id',
}

/** Whether `name` is a column of the history CSV. */
export function isCsvColumn(name: string): name is CsvColumn {
  return Object.hasOwn(CSV_COLUMN_TYPES, name)
}

import { readFileSync } from 'node:fs'
import { createLedger, type LedgerEvent } from '@plafond/core'
import { SIRETS } from '@plafond/testing'
import { beforeAll, describe, expect, it } from 'vitest'
import { readEvents, smallLedgerEvents } from '../open-data/test-support/small-ledger.js'
import { CSV_COLUMNS, type CsvColumn } from './csv-columns.js'
import { importCsv, type ImportCsvResult } from './import-csv.js'
import { writeCsvRecord } from './rfc4180.js'

const SAMPLE = new URL('../../samples/history-sample.csv', import.meta.url)

type Row = Partial<Record<CsvColumn, string>>

/** A file with every column, one line per row (raw strings are written as they are). */
function file(rows: readonly (Row | string)[], separator = ','): string {
  return [
    writeCsvRecord(CSV_COLUMNS, separator),
    ...rows.map((row) =>
      typeof row === 'string'
        ? `${row}\r\n`
        : writeCsvRecord(
            CSV_COLUMNS.map((column) => row[column] ?? ''),
            separator,
          ),
    ),
  ].join('')
}

const AC = 'AC-TEST'
const OPENING: readonly Row[] = [
  {
    kind: 'framework',
    date: '2025-01-01',
    framework: AC,
    object: 'Services numériques (test)',
    buyer: SIRETS.buyer,
    estimate: '1000000',
    maximum: '2000000.00',
    ends_on: '2028-12-31',
    max_holders: '3',
  },
  { kind: 'holder', date: '2025-01-01', framework: AC, holder: SIRETS.holder1, name: 'Un' },
  { kind: 'holder', date: '2025-01-01', framework: AC, holder: SIRETS.holder2, name: 'Deux' },
  {
    kind: 'beneficiary',
    date: '2025-01-01',
    framework: AC,
    beneficiary: SIRETS.beneficiaryB,
    name: 'B',
  },
  {
    kind: 'allocation',
    date: '2025-01-02',
    framework: AC,
    beneficiary: SIRETS.beneficiaryB,
    amount: '600000',
  },
]

function callOff(contract: string, extra: Row = {}): Row {
  return {
    kind: 'call-off',
    date: '2025-02-01',
    framework: AC,
    contract,
    beneficiary: SIRETS.beneficiaryB,
    holder: SIRETS.holder1,
    contract_kind: 'subsequent-contract',
    amount: '100000.00',
    competition: 'mini-competition',
    ...extra,
  }
}

function errorsOf(result: ImportCsvResult) {
  if (result.ok) throw new Error('Expected the file to be refused.')
  expect(result).not.toHaveProperty('commands')
  return result.errors
}

describe('importCsv: a good file', () => {
  it('turns each row into a command with the actor who issues it', () => {
    const result = importCsv(
      file([
        ...OPENING,
        callOff('MS-1', { justification: 'deux\r\nlignes' }),
        { kind: 'delivery', date: '2025-03-01', contract: 'MS-1', ref: 'S1', amount: '20000.5' },
        {
          kind: 'payment',
          date: '2025-03-20',
          contract: 'MS-1',
          ref: 'P1',
          amount: '20000.50',
          actor: 'compta.b',
        },
      ]),
    )
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    expect(result.dialect).toBe('standard')
    expect(result.commands.map((c) => [c.line, c.command.type, c.actor])).toEqual([
      [2, 'OpenFramework', { id: 'csv.coordinator', roles: [{ role: 'coordinator' }] }],
      [3, 'AddHolder', { id: 'csv.coordinator', roles: [{ role: 'coordinator' }] }],
      [4, 'AddHolder', { id: 'csv.coordinator', roles: [{ role: 'coordinator' }] }],
      [5, 'AddBeneficiary', { id: 'csv.coordinator', roles: [{ role: 'coordinator' }] }],
      [6, 'Allocate', { id: 'csv.coordinator', roles: [{ role: 'coordinator' }] }],
      [
        7,
        'AwardContract',
        {
          id: `csv.buyer.${SIRETS.beneficiaryB}`,
          roles: [{ role: 'buyer', beneficiaryId: SIRETS.beneficiaryB }],
        },
      ],
      [
        9,
        'CertifyService',
        {
          id: `csv.buyer.${SIRETS.beneficiaryB}`,
          roles: [{ role: 'buyer', beneficiaryId: SIRETS.beneficiaryB }],
        },
      ],
      [
        10,
        'RecordPayment',
        { id: 'compta.b', roles: [{ role: 'accountant', beneficiaryId: SIRETS.beneficiaryB }] },
      ],
    ])
    expect(result.commands[7]!.command).toEqual({
      type: 'RecordPayment',
      commandId: expect.stringMatching(/^csv-[0-9a-f]{8}-L10$/) as unknown,
      contractId: 'MS-1',
      paymentId: 'P1',
      amount: '20000.50',
      paidOn: '2025-03-20',
    })
    expect(result.commands[5]!.command).toMatchObject({ justification: 'deux\r\nlignes' })
  })

  it('gives the same command ids to the same file, and other ids to another file', () => {
    const text = file(OPENING)
    const ids = (t: string) => {
      const result = importCsv(t)
      return result.ok ? result.commands.map((c) => c.command.commandId) : []
    }
    expect(ids(text)).toEqual(ids(text))
    expect(ids(file([...OPENING, callOff('MS-1')])).slice(0, 5)).not.toEqual(ids(text))
    expect(ids(file([{ ...OPENING[0]!, command_id: 'open-ac-test' }]))).toEqual(['open-ac-test'])
  })

  it('reads the French dialect: ";" between cells and "," before the cents', () => {
    const french = (row: Row): Row =>
      Object.fromEntries(
        Object.entries(row).map(([column, value]) => [
          column,
          value.replace(/^(\d+)\.(\d+)$/, '$1,$2'),
        ]),
      )
    const result = importCsv(
      file([...OPENING.map(french), callOff('MS-1', { amount: '1234,56' })], ';'),
    )
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    expect(result.dialect).toBe('french')
    expect(result.commands.at(-1)!.command).toMatchObject({ amount: '1234.56' })
  })

  it('lets rows refer to the call-offs of the ledger they go into', async () => {
    const existing = await smallLedgerEvents()
    const rows = [
      {
        kind: 'delivery',
        date: '2026-02-01',
        contract: 'MS-25-SPORTS-01',
        ref: 'S-99',
        amount: '1000',
      },
    ]
    expect(errorsOf(importCsv(file(rows)))[0]!.reason).toMatch(/unknown call-off MS-25-SPORTS-01/)
    const result = importCsv(file(rows), { existing })
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    expect(result.commands[0]!.actor.roles).toEqual([
      { role: 'buyer', beneficiaryId: SIRETS.beneficiaryB },
    ])
  })
})

describe('importCsv: a bad file is refused whole, with every bad row', () => {
  it('names each bad row, its column and why, and gives no command', () => {
    const text = file([
      ...OPENING, // lines 2-6
      callOff('MS-1', { justification: 'sur\ndeux lignes' }), // lines 7-8
      { kind: 'payment', date: '2025-03-01', contract: 'MS-1', ref: 'P0', amount: '1,234.56' }, // 9
      { kind: 'delivery', date: '2025-02-30', contract: 'MS-1', ref: 'S1', amount: '10' }, // 10
      { kind: 'holder', date: '2025-01-01', framework: AC, holder: '12345678901234', name: 'X' }, // 11
      { kind: 'payment', date: '2025-03-01', contract: 'MS-404', ref: 'P1', amount: '10' }, // 12
      { kind: 'delivery', date: '2025-03-01', contract: 'MS-2', ref: 'S1', amount: '10' }, // 13
      { kind: 'refund', date: '2025-03-01', contract: 'MS-1' }, // 14
      callOff('MS-2'), // 15
      'payment,2025-03-01,,MS-1', // 16
      { kind: 'delivery', date: '2025-03-02', contract: 'MS-1', ref: 'S2', amount: '10' }, // 17
      { kind: 'delivery', date: '2025-03-03', contract: 'MS-1', ref: 'S2', amount: '10' }, // 18
      callOff('MS-3', { competition: 'negotiated' }), // 19
      { kind: 'order', date: '2025-03-01', contract: 'MS-1', ref: 'BC1', amount: '10', vat: '2' }, // 20
      { kind: 'invoice', date: '2025-03-01', contract: 'MS-1', ref: 'F1', amount: '10' }, // 21
      `call-off,"2025-02-01"x${','.repeat(CSV_COLUMNS.length - 2)}`, // 22
      {
        kind: 'framework',
        date: '2025-01-01',
        framework: AC,
        object: 'encore',
        buyer: SIRETS.buyer,
        estimate: '1',
        maximum: '2',
        ends_on: '2026-01-01',
        max_holders: '1',
      }, // 23
      {
        kind: 'delivery',
        date: '2025-03-04',
        contract: 'MS-1',
        ref: 'S3',
        amount: '10',
        command_id: 'same',
      }, // 24
      {
        kind: 'delivery',
        date: '2025-03-05',
        contract: 'MS-1',
        ref: 'S4',
        amount: '10',
        command_id: 'same',
      }, // 25
      {
        kind: 'impact',
        date: '2025-06-01',
        beneficiary: SIRETS.beneficiaryB,
        product: 'p',
        indicators: 'usagers',
      }, // 26
    ])
    const errors = errorsOf(importCsv(text))
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [9, 'amount'],
      [10, 'date'],
      [11, 'holder'],
      [12, 'contract'],
      [13, 'contract'],
      [14, 'kind'],
      [16, undefined],
      [18, 'ref'],
      [19, 'competition'],
      [20, 'vat'],
      [21, 'vat'],
      [22, undefined],
      [23, 'framework'],
      [25, 'command_id'],
      [26, 'indicators'],
    ])
    const reason = (line: number) => errors.find((e) => e.line === line)!.reason
    expect(reason(9)).toMatch(/no thousands separator, found "1,234.56"/)
    expect(reason(10)).toMatch(/real date written YYYY-MM-DD, found "2025-02-30"/)
    expect(reason(11)).toMatch(/Luhn/)
    expect(reason(12)).toMatch(/unknown call-off MS-404/)
    expect(reason(13)).toMatch(/call-off MS-2 is awarded only on line 15: put its award row first/)
    expect(reason(14)).toMatch(/unknown kind "refund"; expected one of: framework, holder/)
    expect(reason(16)).toMatch(/expected 35 cells, as in the header, found 4/)
    expect(reason(18)).toMatch(/delivery S2 of call-off MS-1 is already on line 17/)
    expect(reason(19)).toMatch(/mini-competition/)
    expect(reason(20)).toMatch(/column vat is not used by a row of kind order: leave it empty/)
    expect(reason(21)).toMatch(/a row of kind invoice needs a value in column vat/)
    expect(reason(22)).toMatch(/after a closing quote/)
    expect(reason(23)).toMatch(/framework AC-TEST is opened on line 2; open it once/)
    expect(reason(25)).toMatch(/command id same is already used on line 24/)
    expect(reason(26)).toMatch(/name=value unit/)
  })

  it('refuses a decimal point in the French dialect, where it could be a thousands separator', () => {
    const errors = errorsOf(
      importCsv(file([callOff('MS-1', { amount: '1234.56' })], ';'), { dialect: 'french' }),
    )
    expect(errors[0]).toMatchObject({ line: 2, column: 'amount' })
    expect(errors[0]!.reason).toMatch(/such as 1234,56, with ","/)
  })

  it('refuses a file without a header, with an unknown column or without kind', () => {
    expect(errorsOf(importCsv(''))).toEqual([
      {
        line: 1,
        reason: expect.stringMatching(/expected a header line naming the columns/) as unknown,
      },
    ])
    expect(errorsOf(importCsv('kind,date,colour\r\nholder,2025-01-01,red\r\n'))).toEqual([
      {
        line: 1,
        column: 'colour',
        reason: expect.stringMatching(/unknown column "colour"/) as unknown,
      },
    ])
    expect(errorsOf(importCsv('date,holder\r\n'))).toEqual([
      { line: 1, column: 'kind', reason: 'the header has no column kind; every row needs one.' },
    ])
    expect(errorsOf(importCsv('kind,date\r\ncall-off,2025-01-01\r\n'))[0]).toMatchObject({
      line: 2,
      column: 'framework',
      reason: 'a row of kind call-off needs column framework, which the header does not have.',
    })
  })
})

describe('the sample file', () => {
  let events: LedgerEvent[]
  beforeAll(async () => {
    const result = importCsv(readFileSync(SAMPLE, 'utf8'))
    if (!result.ok) throw new Error(`The sample is refused: ${JSON.stringify(result.errors)}`)
    const ledger = createLedger()
    for (const { actor, command, line } of result.commands) {
      const outcome = await ledger.execute(command, { actor })
      if (!outcome.ok) throw new Error(`Line ${line} refused: ${outcome.rejection.message}`)
    }
    events = await readEvents(ledger)
  })

  it('imports into an empty ledger with every command accepted', () => {
    const paid = events.flatMap((e) => (e.type === 'PaymentRecorded' ? [e.data.amount] : []))
    expect(paid).toEqual(['33812.40', '68500.00', '52000.00', '24000.00'])
    expect(events.filter((e) => e.type === 'LatePaymentInterestDue')).toHaveLength(1)
    expect(events.filter((e) => e.type === 'ContractModified')).toHaveLength(1)
  })
})

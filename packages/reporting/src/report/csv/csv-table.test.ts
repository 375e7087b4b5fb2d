import { describe, expect, it } from 'vitest'
import { csvField, inertText } from './csv-field.js'
import { csvTable, type CsvColumn } from './csv-table.js'

interface Row {
  readonly name: string | null
  readonly amount: string
  readonly count: number
  readonly on: string
  readonly late: boolean
}

const columns: CsvColumn<Row>[] = [
  { key: 'name', label: 'Nom', kind: 'text', value: (r) => r.name },
  { key: 'amount', label: 'Montant (€ HT)', kind: 'decimal', value: (r) => r.amount },
  { key: 'count', label: 'Nombre', kind: 'integer', value: (r) => r.count },
  { key: 'on', label: 'Date', kind: 'date', value: (r) => r.on },
  { key: 'late', label: 'En retard', kind: 'boolean', value: (r) => r.late },
]

const rows: Row[] = [
  { name: 'Atelier "Alpha", SAS', amount: '1234567.89', count: 1760, on: '2025-03-31', late: true },
  { name: 'Deux lignes;\nici', amount: '-0.50', count: 0, on: '2025-12-01', late: false },
  { name: null, amount: '0.00', count: 3, on: '2026-01-02', late: false },
]

describe('CSV fields (RFC 4180 §2.5–2.7)', () => {
  it('quotes a field holding the separator, a quote, CR or LF, and doubles its quotes', () => {
    expect(csvField('plain text', ',')).toBe('plain text')
    expect(csvField('a,b', ',')).toBe('"a,b"')
    expect(csvField('a,b', ';')).toBe('a,b')
    expect(csvField('a;b', ';')).toBe('"a;b"')
    expect(csvField('say "hi"', ';')).toBe('"say ""hi"""')
    expect(csvField('two\nlines', ',')).toBe('"two\nlines"')
    expect(csvField('cr\ronly', ',')).toBe('"cr\ronly"')
    expect(csvField('', ',')).toBe('')
  })

  it('makes text that a spreadsheet would run as a formula inert', () => {
    for (const formula of ['=1+1', '+33 1 23', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(inertText(formula)).toBe(`'${formula}`)
    }
    expect(inertText('Ministère = État')).toBe('Ministère = État')
  })
})

describe('csvTable', () => {
  it('writes RFC 4180 in English: commas, CRLF after every record, decimals with a point', () => {
    expect(csvTable(columns, rows, 'en')).toBe(
      [
        'name,amount,count,on,late',
        '"Atelier ""Alpha"", SAS",1234567.89,1760,2025-03-31,true',
        '"Deux lignes;\nici",-0.50,0,2025-12-01,false',
        ',0.00,3,2026-01-02,false',
        '',
      ].join('\r\n'),
    )
  })

  it('writes French spreadsheets a BOM, semicolons, a decimal comma and French headers', () => {
    expect(csvTable(columns, rows, 'fr')).toBe(
      '\ufeff' +
        [
          'Nom;Montant (€ HT);Nombre;Date;En retard',
          '"Atelier ""Alpha"", SAS";1234567,89;1760;2025-03-31;oui',
          '"Deux lignes;\nici";-0,50;0;2025-12-01;non',
          ';0,00;3;2026-01-02;non',
          '',
        ].join('\r\n'),
    )
  })

  it('never groups thousands, so that spreadsheets compute with the amounts', () => {
    const text = csvTable(columns, rows, 'fr')
    expect(text).toContain(';1234567,89;')
    expect(text).not.toMatch(/\d[\u202f\u00a0 ]\d{3}/)
  })
})

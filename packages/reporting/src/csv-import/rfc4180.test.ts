import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { parseCsv, writeCsvRecord } from './rfc4180.js'

describe('parseCsv', () => {
  it('reads quoted cells with separators, doubled quotes and line breaks, CRLF or LF', () => {
    const text =
      'kind,name\r\nholder,"Charlie, SCOP"\r\nholder,"Le ""Bravo"""\nholder,"two\r\nlines"\r\nlast,cell'
    expect(parseCsv(text, ',')).toEqual({
      records: [
        { line: 1, cells: ['kind', 'name'] },
        { line: 2, cells: ['holder', 'Charlie, SCOP'] },
        { line: 3, cells: ['holder', 'Le "Bravo"'] },
        { line: 4, cells: ['holder', 'two\r\nlines'] },
        { line: 6, cells: ['last', 'cell'] },
      ],
      errors: [],
    })
  })

  it('skips a byte-order mark and empty lines, and keeps empty cells', () => {
    expect(parseCsv('\uFEFFa;b\r\n\r\n;\n\n', ';')).toEqual({
      records: [
        { line: 1, cells: ['a', 'b'] },
        { line: 3, cells: ['', ''] },
      ],
      errors: [],
    })
  })

  it('reports a malformed record on its line and goes on with the next', () => {
    const text = 'a,b\nx,y"z\n"open"after,b\nok,1\n"never closed,2\nmore'
    const parsed = parseCsv(text, ',')
    expect(parsed.records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 4, cells: ['ok', '1'] },
    ])
    expect(parsed.errors).toEqual([
      { line: 2, reason: expect.stringMatching(/quote inside an unquoted cell/) as unknown },
      { line: 3, reason: expect.stringMatching(/after a closing quote, found "a"/) as unknown },
      { line: 5, reason: expect.stringMatching(/never closed/) as unknown },
    ])
  })
})

describe('writeCsvRecord', () => {
  it('quotes only the cells that need it and ends with CRLF', () => {
    expect(writeCsvRecord(['a', 'b,c', 'say "hi"', 'two\nlines', ''], ',')).toBe(
      'a,"b,c","say ""hi""","two\nlines",\r\n',
    )
    expect(writeCsvRecord(['1234,56', 'a;b'], ';')).toBe('1234,56;"a;b"\r\n')
  })

  test.prop(
    [
      fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 2, maxLength: 6 }), {
        maxLength: 8,
      }),
      fc.constantFrom(',', ';'),
    ],
    { numRuns: 300 },
  )('reads back what it writes', (records, separator) => {
    const text = records.map((cells) => writeCsvRecord(cells, separator)).join('')
    const parsed = parseCsv(text, separator)
    expect(parsed.errors).toEqual([])
    expect(parsed.records.map((r) => r.cells)).toEqual(records)
  })
})

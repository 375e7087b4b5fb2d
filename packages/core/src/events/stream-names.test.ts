import { describe, expect, it } from 'vitest'
import { contractStream, frameworkStream, productStream } from './envelope.js'

describe('stream names', () => {
  it('name each stream by its kind and id, the same string each time', () => {
    expect(frameworkStream('AC-2025')).toBe('framework-AC-2025')
    expect(contractStream('MS-1')).toBe('contract-MS-1')
    expect(productStream('11000201100044', 'P-1')).toBe('product-11000201100044-P-1')
    expect(contractStream(['MS', '1'].join('-'))).toBe(contractStream('MS-1'))
  })

  it('stay right past the number of names remembered', () => {
    for (let i = 0; i < 40_000; i++) expect(contractStream(`C${i}`)).toBe(`contract-C${i}`)
    expect(contractStream('C7')).toBe('contract-C7')
    expect(frameworkStream('C7')).toBe('framework-C7')
  })
})

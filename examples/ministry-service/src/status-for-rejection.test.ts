import { REJECTION_CODES } from '@plafond/core'
import { describe, expect, it } from 'vitest'
import { STATUS_FOR_REJECTION, statusForRejection } from './status-for-rejection.js'

describe('statusForRejection', () => {
  it('gives every rejection code of core a status, and no other code', () => {
    expect(Object.keys(STATUS_FOR_REJECTION).sort()).toEqual([...REJECTION_CODES].sort())
  })

  it('answers 422 only for a command wrong in itself, 403 only for forbidden, 409 for the rest', () => {
    const byStatus = (status: number): string[] =>
      REJECTION_CODES.filter((code) => statusForRejection(code) === status)
    expect(byStatus(422)).toEqual(['invalid_command', 'invalid_dates', 'missing_rate'])
    expect(byStatus(403)).toEqual(['forbidden'])
    expect(byStatus(409)).toHaveLength(REJECTION_CODES.length - 4)
    expect(byStatus(409)).toEqual(
      expect.arrayContaining([
        'allocation_exceeded',
        'framework_ceiling_exceeded',
        'idempotency_conflict',
        'unknown_framework',
        'contract_exists',
      ]),
    )
  })
})

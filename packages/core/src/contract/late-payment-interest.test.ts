import { describe, expect, it } from 'vitest'
import {
  LATE_INTEREST_MARGIN,
  latePaymentInterest,
  PAYMENT_DELAY_DAYS,
  RECOVERY_LUMP_SUM,
} from './late-payment-interest.js'

// 10 000.00 € paid late, VAT included, in cents.
const TEN_THOUSAND = 1_000_000n

describe('latePaymentInterest', () => {
  it('states the law: 30 days (R2192-10), ECB + 8 points (R2192-31), 40 € per invoice (R2192-36)', () => {
    expect(PAYMENT_DELAY_DAYS).toBe(30)
    expect(LATE_INTEREST_MARGIN).toBe('8.00')
    expect(RECOVERY_LUMP_SUM).toBe('40.00')
  })

  it('owes nothing when paid on the day of reception, or on any day up to the 30th', () => {
    for (const paidOn of ['2025-01-10', '2025-01-11', '2025-02-08', '2025-02-09']) {
      expect(latePaymentInterest(TEN_THOUSAND, '2025-01-10', paidOn, true), paidOn).toBeUndefined()
    }
  })

  it('owes nothing on time even when the rate table lacks the half-year', () => {
    expect(latePaymentInterest(TEN_THOUSAND, '2030-01-01', '2030-01-31', true, [])).toBeUndefined()
  })

  it('owes one day of interest and the 40 € lump sum on day 31', () => {
    // Received 2025-01-10, due 2025-02-09; interest runs from 2025-02-10, in 2025-H1: 3.15 + 8.
    // 10 000 × 11.15 % × 1 / 365 = 3.0547… → 3.05 €.
    expect(latePaymentInterest(TEN_THOUSAND, '2025-01-10', '2025-02-10', true)).toEqual({
      dueOn: '2025-02-09',
      daysLate: 1,
      annualRate: '11.15',
      base: '10000.00',
      interest: '3.05',
      lumpSum: '40.00',
      amount: '43.05',
    })
  })

  it('counts calendar days pro rata over 365', () => {
    // 2025-02-09 to 2025-03-11 is 30 days (February 2025 has 28).
    // 10 000 × 11.15 % × 30 / 365 = 91.6438… → 91.64 €.
    expect(latePaymentInterest(TEN_THOUSAND, '2025-01-10', '2025-03-11', true)).toMatchObject({
      daysLate: 30,
      interest: '91.64',
      amount: '131.64',
    })
  })

  it('leaves the lump sum out when the invoice already carried it', () => {
    expect(latePaymentInterest(TEN_THOUSAND, '2025-01-10', '2025-03-11', false)).toMatchObject({
      interest: '91.64',
      lumpSum: '0.00',
      amount: '91.64',
    })
  })

  it('rounds half a cent up', () => {
    // A 2.00 % ECB rate gives 10 %; 1.25 € × 10 % × 73 / 365 = 0.025 € exactly → 0.03 €.
    const rates = [{ halfYear: '2025-H1', rate: '2.00', source: 'test data' }]
    // Received 2025-01-01, due 2025-01-31, paid 73 days later.
    expect(latePaymentInterest(125n, '2025-01-01', '2025-04-14', true, rates)).toMatchObject({
      daysLate: 73,
      annualRate: '10.00',
      interest: '0.03',
    })
    // 1.24 € gives 0.0248 € → 0.02 €.
    expect(latePaymentInterest(124n, '2025-01-01', '2025-04-14', true, rates)).toMatchObject({
      interest: '0.02',
    })
  })

  describe('uses the rate in force on the first day of the half-year in which interest started to run', () => {
    it('received 2023-06-05, due 2023-07-05, runs from 2023-07-06: 2023-H2, 4.00 + 8, even when paid in 2024', () => {
      // 2023-07-05 to 2024-02-01 is 211 days; 10 000 × 12 % × 211 / 365 = 693.6986… → 693.70 €.
      expect(latePaymentInterest(TEN_THOUSAND, '2023-06-05', '2024-02-01', true)).toEqual({
        dueOn: '2023-07-05',
        daysLate: 211,
        annualRate: '12.00',
        base: '10000.00',
        interest: '693.70',
        lumpSum: '40.00',
        amount: '733.70',
      })
    })

    it('due on the last day of June: runs from 1 July, on the second half-year rate', () => {
      expect(latePaymentInterest(TEN_THOUSAND, '2023-05-31', '2023-07-01', true)).toMatchObject({
        dueOn: '2023-06-30',
        daysLate: 1,
        annualRate: '12.00',
      })
    })

    it('due a day earlier: runs from 30 June, on the first half-year rate, paid in July or not', () => {
      // 2023-H1: 2.50 + 8 = 10.50 %; 10 000 × 10.50 % × 21 / 365 = 60.4109… → 60.41 €.
      expect(latePaymentInterest(TEN_THOUSAND, '2023-05-30', '2023-07-20', true)).toMatchObject({
        dueOn: '2023-06-29',
        daysLate: 21,
        annualRate: '10.50',
        interest: '60.41',
      })
    })
  })

  it('counts a leap day like any other', () => {
    expect(latePaymentInterest(TEN_THOUSAND, '2024-01-30', '2024-03-01', true)).toMatchObject({
      dueOn: '2024-02-29',
      daysLate: 1,
      annualRate: '12.50',
    })
  })

  it('names the day interest started when the rate table lacks its half-year', () => {
    // Received 2026-06-15, due 2026-07-15: 2026-H2 is not in the default table.
    expect(latePaymentInterest(TEN_THOUSAND, '2026-06-15', '2026-07-16', true)).toEqual({
      missingRate: '2026-07-16',
    })
    expect(
      latePaymentInterest(TEN_THOUSAND, '2026-06-15', '2026-07-16', true, [
        { halfYear: '2026-H2', rate: '1.90', source: 'test data' },
      ]),
    ).toMatchObject({ annualRate: '9.90' })
  })
})

import { dateFromDayNumber, dayNumber } from '@plafond/core'
import fc from 'fast-check'
import { expect, test } from 'vitest'
import { epochDay } from './epoch-day.js'

test('epochDay agrees with core’s dayNumber on every date from 1900 to 2200', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: dayNumber('1900-01-01'), max: dayNumber('2200-12-31') }),
      (days) => {
        const date = dateFromDayNumber(days)
        expect(epochDay(date)).toBe(dayNumber(date))
      },
    ),
    { numRuns: 2000 },
  )
  expect(epochDay('2024-02-29')).toBe(dayNumber('2024-02-29'))
  expect(epochDay('1970-01-01')).toBe(0)
})

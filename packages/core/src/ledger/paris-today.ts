import { parisDate, type BusinessDate } from '../calendar/business-date.js'

/**
 * Today's date in Paris for an ISO-8601 instant, remembered for the last second asked about:
 * formatting a date in a time zone with `Intl` costs more than a microsecond, once per command,
 * and every command of the same second has the same date (offsets from UTC are whole seconds).
 */
export function parisToday(): (recordedAt: string) => BusinessDate {
  let second = ''
  let today = ''
  return (recordedAt) => {
    // toISOString always ends in `.sssZ`: what is left is the instant to the second.
    const key = recordedAt.slice(0, -5)
    if (key !== second) {
      today = parisDate(new Date(recordedAt))
      second = key
    }
    return today
  }
}

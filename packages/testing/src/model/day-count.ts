// The model counts days itself rather than through core's calendar, so that a date bug in core
// shows up as a disagreement instead of being shared by both sides.
const DAY = 86_400_000

function utc(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return Date.UTC(year, month - 1, day)
}

/** Whole days from `from` to `to`, `YYYY-MM-DD` both (negative when `to` is earlier). */
export function dayCount(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY)
}

/** The date `days` days after `date`. */
export function shiftDate(date: string, days: number): string {
  return new Date(utc(date) + days * DAY).toISOString().slice(0, 10)
}

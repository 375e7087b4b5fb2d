/** A clock that shows the simulated day, and event ids that follow it: the ledger's two inputs. */
export interface SimulatedClock {
  /** What `createLedger({ clock })` reads: the current simulated instant. */
  readonly now: () => Date
  /** What `createLedger({ newId })` calls: a ULID-shaped id, sortable by instant, never random. */
  readonly newId: () => string
  /** Moves the clock to `hour` o'clock UTC of a business day (17:00 by default, 18:00 or 19:00 in Paris). */
  readonly setDay: (day: string, hour?: number) => void
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * A simulated clock for writing a synthetic year: each day's commands are recorded on that day,
 * late in the afternoon, so that "as known at" questions about the year have realistic answers.
 * Event ids are ULID-shaped (10 characters of time, 16 of a running counter, Crockford base 32)
 * instead of random, so that the same commands give the same ledger, hash chain included.
 */
export function simulatedClock(firstDay: string): SimulatedClock {
  let instant = 0
  let counter = 0n
  const setDay = (day: string, hour = 16): void => {
    const next = Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00.000Z`)
    if (Number.isNaN(next)) {
      throw new RangeError(`Expected a day written YYYY-MM-DD, found ${JSON.stringify(day)}.`)
    }
    if (next < instant) {
      throw new RangeError(
        `Expected the simulated clock to move forward, from ${new Date(instant).toISOString()} to ${day}; write the days in order.`,
      )
    }
    instant = next
  }
  setDay(firstDay)
  return {
    now: () => new Date(instant),
    newId: () => {
      counter += 1n
      return base32(BigInt(instant), 10) + base32(counter, 16)
    },
    setDay,
  }
}

function base32(value: bigint, length: number): string {
  let text = ''
  let rest = value
  for (let i = 0; i < length; i++) {
    text = CROCKFORD[Number(rest % 32n)]! + text
    rest /= 32n
  }
  return text
}

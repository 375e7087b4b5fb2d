import { addDays, type LedgerEvent } from '@plafond/core'

const PARIS_OFFSET = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  timeZoneName: 'longOffset',
})

function parisOffset(instant: string): string {
  const name = PARIS_OFFSET.formatToParts(new Date(instant)).find(
    (part) => part.type === 'timeZoneName',
  )?.value
  const offset = name?.replace(/^GMT/, '') ?? ''
  return offset === '' ? '+00:00' : offset
}

/**
 * A business date as an OCDS `date-time` in Paris time, whose calendar the ledger's dates follow:
 * the first second of the day (`start`, for dates that open something or when a thing happened)
 * or the last (`end`, for the end of a period, which includes its last day). The offset is
 * Paris's on that day (+01:00 in winter, +02:00 in summer).
 */
export function ocdsDateTime(date: string, moment: 'start' | 'end' = 'start'): string {
  // Paris changes offset at 01:00 UTC, never between 21:00 and 23:00 UTC: the offset at 22:30
  // UTC the evening before (or of) the day is the offset at the moment written.
  const previousEvening = addDays(date, moment === 'start' ? -1 : 0)
  const offset = parisOffset(`${previousEvening}T22:30:00Z`)
  return `${date}T${moment === 'start' ? '00:00:00' : '23:59:59'}${offset}`
}

/** The fields every release has, and the release before it in its process. */
export interface ReleaseHead {
  readonly ocid: string
  readonly id: string
  readonly date: string
  readonly tag: readonly string[]
  readonly initiationType: 'tender'
  readonly language: 'fr'
}

/**
 * Numbers the releases of one contracting process: ids `<ocid>-1`, `<ocid>-2`, … in log order,
 * so an id never changes when the ledger grows. A release is dated when its event was recorded
 * (`meta.recordedAt`): OCDS's release date is when the information was first recorded.
 */
export class ReleaseSequence {
  readonly ocid: string
  #count = 0
  #previous: string | undefined

  /** A sequence for the process `ocid`. */
  constructor(ocid: string) {
    this.ocid = ocid
  }

  /** The id of the last release numbered, if any. */
  get previousId(): string | undefined {
    return this.#previous
  }

  /** The head of the next release, for `event`, with `tag`. */
  next(event: LedgerEvent, tag: readonly string[]): ReleaseHead {
    this.#count += 1
    const id = `${this.ocid}-${this.#count}`
    this.#previous = id
    return {
      ocid: this.ocid,
      id,
      date: event.meta.recordedAt,
      tag,
      initiationType: 'tender',
      language: 'fr',
    }
  }
}

/** One line of the service's log. */
export interface ServiceLogEntry {
  /** `error` for failures a person should look at, `info` for the service's life. */
  readonly level: 'info' | 'error'
  /** What happened, in a sentence. */
  readonly message: string
  /** Facts beside the message: an error id, a code, an address. */
  readonly [field: string]: unknown
}

/** Where the service writes its log. */
export type ServiceLog = (entry: ServiceLogEntry) => void

/** Writes each entry as one JSON line on stderr, stamped with the time, for a log collector. */
export const logToStderr: ServiceLog = (entry) => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`)
}

import type { Ledger, LedgerEvent } from '@plafond/core'
import { problemReply, type HttpReply } from './http-reply.js'

/** Events per page when the client does not say. */
export const DEFAULT_PAGE_SIZE = 100

/** The most events one page may hold: a page is built in memory. */
export const MAX_PAGE_SIZE = 1000

const POSITION = /^(?:0|[1-9][0-9]{0,18})$/
const PAGE_SIZE = /^[1-9][0-9]{0,3}$/

/**
 * One page of the log, in position order: `GET /events?from=POSITION&limit=N` answers
 * `{ events, next, more }`. `from` is inclusive (1 by default); `next` is the `from` of the
 * following page, and `more` says whether the log already holds events there. A client that
 * follows `next` sees every event once, even while others write: positions never appear out of
 * order in any store.
 */
export async function readEventsPage(ledger: Ledger, query: URLSearchParams): Promise<HttpReply> {
  for (const name of new Set(query.keys())) {
    if (name !== 'from' && name !== 'limit') {
      return invalidQuery(
        name,
        `Unknown query parameter ${JSON.stringify(name)}: GET /events takes from and limit only.`,
      )
    }
    if (query.getAll(name).length > 1) {
      return invalidQuery(
        name,
        `Expected ${name} once, found it ${query.getAll(name).length} times.`,
      )
    }
  }
  const from = query.get('from') ?? '1'
  const limitText = query.get('limit') ?? String(DEFAULT_PAGE_SIZE)
  if (!POSITION.test(from)) {
    return invalidQuery(
      'from',
      `Expected from to be a position, a whole number such as 1 or the next of the previous page, found ${JSON.stringify(from)}.`,
    )
  }
  const limit = Number(limitText)
  if (!PAGE_SIZE.test(limitText) || limit > MAX_PAGE_SIZE) {
    return invalidQuery(
      'limit',
      `Expected limit to be a whole number from 1 to ${MAX_PAGE_SIZE}, found ${JSON.stringify(limitText)}.`,
    )
  }
  const events: LedgerEvent[] = []
  let more = false
  // One event past the page tells whether there is more, without a second query.
  for await (const event of ledger.readAll({ fromPosition: from, batchSize: limit + 1 })) {
    if (events.length === limit) {
      more = true
      break
    }
    events.push(event)
  }
  const last = events.at(-1)
  const next = last === undefined ? from : (BigInt(last.position) + 1n).toString()
  return { status: 200, body: { events, next, more } }
}

function invalidQuery(parameter: string, message: string): HttpReply {
  return problemReply(400, 'invalid_query', `${message} Fix the URL.`, { parameter })
}

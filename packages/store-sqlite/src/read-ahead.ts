import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/**
 * The worker's code, plain JavaScript evaluated as a script, so that it needs no file of its own
 * (the same in the build, under tsx and under vitest). It opens its own read-only connection and
 * reads the pages the main thread would have read, the same statement and the same keyset, each
 * page posted as its array of lines (joined into one text, a page went to V8's large-object space
 * and stayed there until a full collection: ADR 15). `shared` holds the pages the reader took
 * (`[0]`), a stop request (`[1]`) and the pages posted (`[2]`). Once `window` pages ahead, the
 * worker sleeps until the reader is down to `resume`, then reads ahead again: one wake-up for
 * several pages, not one per page.
 */
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const { path, sql, size, window, resume, busyTimeoutMs } = workerData
const shared = new Int32Array(workerData.shared)
let db
function read() {
  db = new Database(path, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs })
  // A scan reads each page once: better-sqlite3's default cache (16 MB) would only add to RSS.
  db.pragma('cache_size = -1024')
  const statement = db.prepare(sql).pluck()
  let next = workerData.from
  for (let sent = 0; ; ) {
    if (sent - Atomics.load(shared, 0) >= window) {
      for (;;) {
        if (Atomics.load(shared, 1) !== 0) return
        const taken = Atomics.load(shared, 0)
        if (sent - taken <= resume) break
        Atomics.wait(shared, 0, taken)
      }
    }
    if (Atomics.load(shared, 1) !== 0) return
    const lines = statement.all(next, size)
    if (lines.length === 0) {
      parentPort.postMessage({ end: true })
      return
    }
    const last = lines[lines.length - 1]
    next = Number(last.slice(0, last.indexOf('\\x1f'))) + 1
    parentPort.postMessage({ lines })
    Atomics.store(shared, 2, ++sent)
  }
}
try {
  read()
} catch (error) {
  parentPort.postMessage({ failed: String(error && error.message) })
} finally {
  if (db !== undefined) db.close()
}
`

/** What the read-ahead worker posts: a page, the end of the log, or why it stopped. */
type Message = { readonly lines: string[] } | { readonly end: true } | { readonly failed: string }

/** What `ReadAhead.next` resolves to: a page of lines, the end of the log, or a failure. */
export type ReadAheadPage =
  | { readonly kind: 'lines'; readonly lines: string[] }
  | { readonly kind: 'end' }
  | { readonly kind: 'failed'; readonly why: string }

/** Pages of the log read by a worker thread ahead of their reader. */
export interface ReadAhead {
  /** The next page, in order. After `end` or `failed`, the worker is gone. */
  next(): Promise<ReadAheadPage>
  /** Stops the worker; pages not taken are dropped. */
  stop(): void
}

/** Options of `startReadAhead`. */
export interface ReadAheadOptions {
  /** The ledger file (not `:memory:`). */
  readonly path: string
  /** The statement that reads lines: `(position from, count) → line[]`, in position order. */
  readonly sql: string
  /** The first position to read. */
  readonly from: number
  /** Lines per page. */
  readonly size: number
  /** Pages the worker may read ahead of the reader. */
  readonly window: number
  /** Once `window` pages ahead, the worker reads again when the reader is down to this many. */
  readonly resume: number
  readonly busyTimeoutMs: number
}

/**
 * Heap limits of the worker: it holds at most `window` pages and their lines, and Node's default
 * young generation (16 MB semi-spaces) would add to the process's peak for nothing.
 */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 }

/** better-sqlite3's entry file, for the worker's `require`; undefined when it cannot be found. */
function driverPath(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve('better-sqlite3')
  } catch {
    return undefined
  }
}

/**
 * Starts a worker thread that reads the log's lines from `options.from` on, page after page, ahead
 * of the caller (ADR 15). Returns undefined when no worker can start (the caller then reads on its
 * own connection). A page is the lines the caller's own statement would have returned; a worker
 * that fails (it cannot open the file, a read fails, it dies) says `failed` and the caller reads
 * from where it stands, so that errors are the caller's connection's own.
 */
export function startReadAhead(options: ReadAheadOptions): ReadAhead | undefined {
  const driver = driverPath()
  if (driver === undefined) return undefined
  const shared = new SharedArrayBuffer(12)
  const counters = new Int32Array(shared)
  let worker: Worker
  try {
    worker = new Worker(WORKER_CODE, {
      eval: true,
      workerData: { ...options, driver, shared },
      resourceLimits: RESOURCE_LIMITS,
      stdout: false,
      stderr: false,
    })
  } catch {
    return undefined
  }
  const pages: ReadAheadPage[] = []
  let waiting: ((page: ReadAheadPage) => void) | undefined
  let finished = false
  const deliver = (page: ReadAheadPage): void => {
    if (finished) return
    if (page.kind !== 'lines') finished = true
    if (waiting === undefined) pages.push(page)
    else {
      const resolve = waiting
      waiting = undefined
      resolve(page)
    }
  }
  worker.on('message', (message: Message) => {
    if ('lines' in message) deliver({ kind: 'lines', lines: message.lines })
    else if ('end' in message) deliver({ kind: 'end' })
    else deliver({ kind: 'failed', why: message.failed })
  })
  worker.on('error', (error: Error) => deliver({ kind: 'failed', why: error.message }))
  worker.on('exit', (code) => deliver({ kind: 'failed', why: `the worker exited (code ${code})` }))
  // The worker keeps the process alive only while a page is awaited: a reader that stops early
  // without returning the iterator must not hold the process open.
  worker.unref()
  const stop = (): void => {
    finished = true
    Atomics.store(counters, 1, 1)
    Atomics.notify(counters, 0)
    void worker.terminate()
  }
  /** Counts a page taken, and wakes the worker when it may read ahead again. */
  const took = (): void => {
    const taken = Atomics.add(counters, 0, 1) + 1
    if (Atomics.load(counters, 2) - taken <= options.resume) Atomics.notify(counters, 0)
  }
  return {
    next(): Promise<ReadAheadPage> {
      const page = pages.shift()
      if (page !== undefined) {
        if (page.kind === 'lines') took()
        else stop()
        return Promise.resolve(page)
      }
      if (finished) return Promise.resolve({ kind: 'failed', why: 'the read-ahead was stopped' })
      worker.ref()
      return new Promise((resolve) => {
        waiting = (next) => {
          worker.unref()
          if (next.kind === 'lines') took()
          else stop()
          resolve(next)
        }
      })
    },
    stop,
  }
}

import { randomBytes } from 'node:crypto'
import {
  createLedger,
  isLedgerError,
  type CommandInput,
  type EventStore,
  type Ledger,
} from '@plafond/core'
import { createPostgresStore } from '@plafond/store-postgres'
import pg from 'pg'
import { emit, emitRate, emitSkipped, note } from '../measure/sample.js'
import { timed } from '../measure/stopwatch.js'
import { openFramework } from '../workload/mix-clients.js'
import { syntheticFramework, type SyntheticFramework } from '../workload/synthetic-framework.js'

/** Options of `postgresWriters`. */
export interface PostgresWritersOptions {
  readonly url: string
  readonly writers: number
  /** Call-offs the payments are spread over. */
  readonly contracts: number
  readonly paymentsPerWriter: number
  readonly awardsPerWriter: number
  readonly runs: number
}

/** What the writers of one measurement sent: round trips (queries) and refused appends. */
interface Counters {
  queries: number
  conflicts: number
  appends: number
}

/** A pg client that counts its queries: each is one round trip to the server. */
function countingClient(counters: Counters): typeof pg.Client {
  return class CountingClient extends pg.Client {
    override query(...args: unknown[]): never {
      counters.queries += 1
      return (super.query as (...a: unknown[]) => never)(...args)
    }
  }
}

/** A store that counts appends, and those refused for a version conflict (each is a retry). */
function counting(store: EventStore, counters: Counters): EventStore {
  return {
    ...store,
    append: async (writes, options) => {
      counters.appends += 1
      try {
        return await store.append(writes, options)
      } catch (error) {
        if (isLedgerError(error, 'CONCURRENCY_CONFLICT')) counters.conflicts += 1
        throw error
      }
    },
  }
}

/** `count` ledgers, each on a pool of one connection, as separate processes would be. */
function writers(
  url: string,
  schema: string,
  count: number,
  counters: Counters,
): { ledgers: Ledger[]; pools: pg.Pool[] } {
  const pools = Array.from(
    { length: count },
    () => new pg.Pool({ connectionString: url, max: 1, Client: countingClient(counters) }),
  )
  const ledgers = pools.map((pool) =>
    createLedger({
      store: counting(createPostgresStore({ pool }, { schema }), counters),
      maxAttempts: 1000,
      retryDelay: () => Math.random() * 4,
    }),
  )
  return { ledgers, pools }
}

function award(framework: SyntheticFramework, contractId: string, n: number): CommandInput {
  return {
    type: 'AwardContract',
    commandId: `award:${contractId}`,
    frameworkId: framework.frameworkId,
    contractId,
    beneficiaryId: framework.beneficiaries[n % framework.beneficiaries.length]!,
    holderId: framework.holders[n % framework.holders.length]!,
    kind: 'subsequent-contract',
    amount: '10000',
    awardedOn: '2025-11-01',
    competition: 'mini-competition',
  }
}

async function closeAll(ledgers: readonly Ledger[], pools: readonly pg.Pool[]): Promise<void> {
  await Promise.all(ledgers.map((ledger) => ledger.close()))
  await Promise.all(pools.map((pool) => pool.end()))
}

function reportRun(
  id: string,
  label: string,
  commands: number,
  elapsed: { readonly wallMs: number; readonly cpuMs: number },
  counters: Counters,
): void {
  emitRate({ id, label, unit: 'commands/s' }, commands, elapsed)
  emit({
    id: `${id}.retries`,
    label: `${label}: retries per 100 commands`,
    unit: 'per 100',
    value: (100 * counters.conflicts) / commands,
    better: 'lower',
  })
  emit({
    id: `${id}.round-trips`,
    label: `${label}: round trips per command`,
    unit: 'queries',
    value: counters.queries / commands,
    better: 'lower',
  })
}

async function payments(
  options: PostgresWritersOptions,
  schema: string,
  writerCount: number,
): Promise<void> {
  const framework = syntheticFramework()
  const setup = createLedger({
    store: createPostgresStore({ connectionString: options.url }, { schema }),
  })
  await openFramework(setup, framework.setup, framework.coordinator)
  const ids = Array.from({ length: options.contracts }, (_, i) => `PAY-${i}`)
  for (let from = 0; from < ids.length; from += 200) {
    const chunk = ids.slice(from, from + 200)
    const commands: CommandInput[] = [
      ...chunk.map((id, i) => award(framework, id, from + i)),
      ...chunk.map((id): CommandInput => ({
        type: 'CertifyService',
        commandId: `certify:${id}`,
        contractId: id,
        serviceId: 'S-1',
        amount: '10000',
        certifiedOn: '2025-12-01',
      })),
    ]
    const actors = [
      ...chunk.map((_, i) => framework.buyers[(from + i) % framework.buyers.length]!),
      ...chunk.map((_, i) => framework.buyers[(from + i) % framework.buyers.length]!),
    ]
    const results = await setup.executeBatch(commands, { actors })
    if (results.some((result) => !result.ok)) throw new Error('Setting up call-offs was refused.')
  }
  await setup.close()
  const counters: Counters = { queries: 0, conflicts: 0, appends: 0 }
  const { ledgers, pools } = writers(options.url, schema, writerCount, counters)
  let seed = 7
  const nextContract = (): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed % options.contracts
  }
  // One writer gets as many commands as four of the sixteen, for a figure as steady.
  const perWriter = writerCount === 1 ? 4 * options.paymentsPerWriter : options.paymentsPerWriter
  const elapsed = await timed(() =>
    Promise.all(
      ledgers.map(async (ledger, w) => {
        for (let n = 0; n < perWriter; n++) {
          const c = nextContract()
          const result = await ledger.execute(
            {
              type: 'RecordPayment',
              commandId: `pay:${w}:${n}`,
              contractId: ids[c]!,
              paymentId: `P-${w}-${n}`,
              amount: '1.00',
              paidOn: '2025-12-10',
            },
            { actor: framework.accountants[c % framework.accountants.length]! },
          )
          if (!result.ok) throw new Error(`A payment was refused: ${result.rejection.message}`)
        }
      }),
    ),
  )
  const commands = writerCount * perWriter
  note(
    `PostgreSQL payments, ${writerCount} writers: ${commands} in ${elapsed.wallMs.toFixed(0)} ms, ${counters.conflicts} retries, ${counters.queries} queries`,
  )
  reportRun(
    writerCount === 1 ? 'postgres.payments-1' : 'postgres.payments',
    `PostgreSQL: payments over ${options.contracts} call-offs, ${writerCount} writer${writerCount === 1 ? '' : 's'}`,
    commands,
    elapsed,
    counters,
  )
  if (writerCount > 1) {
    const sizes = await pools[0]!.query<{ bytes: string; events: string }>(
      `SELECT pg_total_relation_size('"${schema}".events')::text AS bytes, (SELECT count(*) FROM "${schema}".events)::text AS events`,
    )
    const row = sizes.rows[0]!
    emit({
      id: 'postgres.bytes-per-event',
      label: 'PostgreSQL: events table with its indexes, per event',
      unit: 'bytes/event',
      value: Number(row.bytes) / Number(row.events),
      better: 'lower',
    })
  }
  await closeAll(ledgers, pools)
}

async function contendedAwards(options: PostgresWritersOptions, schema: string): Promise<void> {
  const framework = syntheticFramework()
  const counters: Counters = { queries: 0, conflicts: 0, appends: 0 }
  const { ledgers, pools } = writers(options.url, schema, options.writers, counters)
  await openFramework(ledgers[0]!, framework.setup, framework.coordinator)
  counters.queries = 0
  counters.conflicts = 0
  const elapsed = await timed(() =>
    Promise.all(
      ledgers.map(async (ledger, w) => {
        for (let n = 0; n < options.awardsPerWriter; n++) {
          const k = w * options.awardsPerWriter + n
          const result = await ledger.execute(award(framework, `AW-${w}-${n}`, k), {
            actor: framework.buyers[k % framework.buyers.length]!,
          })
          if (!result.ok) throw new Error(`An award was refused: ${result.rejection.message}`)
        }
      }),
    ),
  )
  const commands = options.writers * options.awardsPerWriter
  note(
    `PostgreSQL awards on one framework, ${options.writers} writers: ${commands} in ${elapsed.wallMs.toFixed(0)} ms, ${counters.conflicts} retries`,
  )
  reportRun(
    'postgres.awards',
    `PostgreSQL: awards on one framework stream, ${options.writers} writers`,
    commands,
    elapsed,
    counters,
  )
  const verified = await ledgers[0]!.verify()
  if (!verified.ok) throw new Error(`verify() failed at ${verified.position}: ${verified.reason}`)
  await closeAll(ledgers, pools)
}

/** A connection string without its password, for messages. */
function redacted(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')
}

/**
 * PostgreSQL with `writers` ledgers at once, each with its own connection as separate processes
 * would have: payments spread over many call-offs (little contention), and awards that all
 * contend on one framework stream; commands per second, retries and round trips per command.
 */
export async function postgresWriters(options: PostgresWritersOptions): Promise<void> {
  const run = `plafond_bench_${randomBytes(3).toString('hex')}`
  const admin = new pg.Pool({
    connectionString: options.url,
    max: 1,
    connectionTimeoutMillis: 5000,
  })
  try {
    await admin.query('SELECT 1')
  } catch (error) {
    await admin.end()
    const reason = `PostgreSQL at ${redacted(options.url)} is not reachable (${(error as Error).message})`
    note(`${reason}; skipped.`)
    for (const [id, label] of [
      [
        'postgres.payments',
        `PostgreSQL: payments over ${options.contracts} call-offs, ${options.writers} writers`,
      ],
      ['postgres.awards', `PostgreSQL: awards on one framework stream, ${options.writers} writers`],
    ] as const) {
      emitSkipped({ id, label, reason })
    }
    return
  }
  let schemas = 0
  const nextSchema = (): string => `${run}_${++schemas}`
  try {
    for (let r = 0; r < options.runs; r++) {
      await payments(options, nextSchema(), 1)
      await payments(options, nextSchema(), options.writers)
      await contendedAwards(options, nextSchema())
    }
  } finally {
    for (let i = 1; i <= schemas; i++)
      await admin.query(`DROP SCHEMA IF EXISTS "${run}_${i}" CASCADE`)
    await admin.end()
  }
}

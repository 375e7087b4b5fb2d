import {
  checkInterleavings,
  checkLedgerAgainstModel,
  checkLedgerInvariants,
  propertyRuns,
} from '@plafond/testing'
import { Pool } from 'pg'
import { afterAll, expect, it } from 'vitest'
import { createPostgresStore } from './create-postgres-store.js'
import { describePostgres, testDatabase, useTestSchemas } from './test-database.js'

const database = await testDatabase()

describePostgres(database, 'PostgreSQL store: the ledger against the reference model', (url) => {
  const schemas = useTestSchemas(url)
  const pool = new Pool({ connectionString: url, max: 4 })
  afterAll(() => pool.end())
  // Each run gets a schema of its own; fewer runs than in memory, since each costs a schema.
  const createStore = async () =>
    createPostgresStore({ pool }, { schema: await schemas.migrated() })

  it('random command sequences give the outcomes, events and balances the model predicts', async () => {
    const report = await checkLedgerAgainstModel({ createStore, numRuns: propertyRuns(8) })
    expect(report.commands).toBeGreaterThan(0)
    console.log('model check on PostgreSQL:', report)
  })

  it('the invariants of DOMAIN.md hold after every step', async () => {
    await checkLedgerInvariants({ createStore, numRuns: propertyRuns(5) })
  })

  it('interleavings of two ledgers over one schema give the outcome of a serial execution', async () => {
    const report = await checkInterleavings({ createStore, numRuns: propertyRuns(10) })
    expect(report.runs).toBeGreaterThan(0)
    console.log('interleavings on PostgreSQL:', report)
  })
})

import { describeEventStoreContract } from '@plafond/testing/store-contract'
import { Pool } from 'pg'
import { afterAll } from 'vitest'
import { createPostgresStore, type PostgresStore } from './create-postgres-store.js'
import { describePostgres, testDatabase, useTestSchemas } from './test-database.js'

const database = await testDatabase()

describePostgres(database, 'PostgreSQL store: the EventStore conformance suite', (url) => {
  const schemas = useTestSchemas(url)
  // One pool for every store of the file: a new connection costs more here than a short test.
  // Stores that make and end pools of their own are tested in store-lifecycle.int.test.ts.
  const pool = new Pool({ connectionString: url, max: 20 })
  afterAll(() => pool.end())
  // A small batch so that every readAll and readStream of the suite crosses batch boundaries.
  const open = (schema: string): PostgresStore =>
    createPostgresStore({ pool }, { schema, batchSize: 3 })

  describeEventStoreContract('createPostgresStore', {
    create: async () => open(await schemas.migrated()),
    // A new store instance over the same schema, as a restarted process would open it.
    reopen: async (previous) => {
      await previous.close()
      return open((previous as PostgresStore).schema)
    },
    // No destroy: the file's schemas are dropped together after its last test.
  })
})

import { createLedger, type Ledger } from '@plafond/core'
import { createPostgresStore } from '@plafond/store-postgres'
import { afterAll, describe, it } from 'vitest'
import { expectAllocationHeld, runAwardRace, SIXTY_AWARDS } from './test-support/award-race.js'
import { TEST_CLOCK } from './test-support/ministry-fixture.js'
import { startService } from './test-support/running-service.js'
import { dropSchema, testDatabase, uniqueSchema } from './test-support/test-database.js'

const database = await testDatabase()

describe('60 concurrent awards of 5 000 € against an allocation of 100 000 €, over PostgreSQL', () => {
  if ('skip' in database) {
    it('needs PostgreSQL', (context) => context.skip(database.skip))
    return
  }
  const { url } = database
  const schema = uniqueSchema()
  afterAll(() => dropSchema(url, schema))

  it('accepts exactly 20 with 201, refuses 40 with 409 allocation_exceeded, commits exactly 100 000 €, and verifies', async () => {
    const ledger: Ledger = createLedger({
      store: createPostgresStore({ connectionString: url }, { schema }),
      clock: TEST_CLOCK,
    })
    const service = await startService(ledger)
    try {
      expectAllocationHeld(SIXTY_AWARDS, await runAwardRace(service, SIXTY_AWARDS))
    } finally {
      await service.stop()
      await ledger.close()
    }
  })
})

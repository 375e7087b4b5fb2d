import { createLedger, parseCents, type CommandInput } from '@plafond/core'
import {
  SIRETS,
  awardContractCommand,
  buyerOf,
  contractFixture,
  coordinator,
  frameworkFixture,
  openedFrameworkCommands,
} from '@plafond/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { createSqliteStore } from './create-sqlite-store.js'
import {
  bundleCommandRunner,
  startCommandProcess,
  type CommandUnit,
} from './test-support/command-process.js'
import { temporaryDirectory, type TemporaryDirectory } from './test-support/temporary-directory.js'

const PROCESSES = 4
const AWARDS_PER_PROCESS = 12
const ALLOCATION = 100_000
const AWARD = 5_000

let directory: TemporaryDirectory | undefined
afterEach(() => directory?.remove())

function awardsOf(processIndex: number): CommandInput[] {
  return Array.from({ length: AWARDS_PER_PROCESS }, (_, k) =>
    awardContractCommand(
      contractFixture({ contractId: `P${processIndex}-${k}`, amount: `${AWARD}.00` }),
    ),
  )
}

describe('several processes on one SQLite file', () => {
  it(`${PROCESSES} processes racing to award against one allocation: nothing past it, nothing lost, the chain intact`, async () => {
    directory = temporaryDirectory('processes')
    const runner = await bundleCommandRunner(directory.path)
    const path = directory.file('ledger.db')
    const fixture = frameworkFixture({
      beneficiaries: [
        {
          beneficiaryId: SIRETS.beneficiaryB,
          name: 'Beneficiary B',
          allocation: `${ALLOCATION}.00`,
        },
      ],
    })
    const setup = createLedger({ store: createSqliteStore({ path }) })
    for (const command of openedFrameworkCommands(fixture)) {
      expect((await setup.execute(command, { actor: coordinator() })).ok).toBe(true)
    }
    await setup.close()

    const buyer = buyerOf(SIRETS.beneficiaryB)
    const children = Array.from({ length: PROCESSES }, (_, p) => {
      const awards = awardsOf(p)
      // The first process group-commits its awards three at a time; the others send them one by one.
      const units: CommandUnit[] =
        p === 0
          ? Array.from({ length: awards.length / 3 }, (_, i) => ({
              commands: awards.slice(i * 3, i * 3 + 3),
              actor: buyer,
              batch: true,
            }))
          : awards.map((command) => ({ commands: [command], actor: buyer, batch: false }))
      return startCommandProcess(runner, { path, units, waitForGo: true })
    })
    await Promise.all(children.map((child) => child.ready))
    for (const child of children) child.go()
    await Promise.all(children.map((child) => child.exited))

    const reported = children.flatMap((child) => [...child.results.values()].flat())
    expect(reported).toHaveLength(PROCESSES * AWARDS_PER_PROCESS)
    const won = reported.filter((r) => r.ok)
    const refused = reported.filter((r) => !r.ok)
    expect(won).toHaveLength(ALLOCATION / AWARD)
    expect(new Set(refused.map((r) => r.code))).toEqual(new Set(['allocation_exceeded']))

    const ledger = createLedger({ store: createSqliteStore({ path, readonly: true }) })
    const awarded = new Map<string, string>()
    const contracts = new Set<string>()
    const byCommand = new Map<string, string[]>()
    for await (const event of ledger.readAll()) {
      byCommand.set(event.meta.commandId, [
        ...(byCommand.get(event.meta.commandId) ?? []),
        event.position,
      ])
      if (event.type === 'CommitmentAwarded') awarded.set(event.data.contractId, event.data.amount)
      if (event.type === 'ContractAwarded') contracts.add(event.data.contractId)
    }
    const committed = [...awarded.values()].reduce((sum, amount) => sum + parseCents(amount), 0n)
    expect(committed).toBe(BigInt(ALLOCATION) * 100n)
    // Nothing lost, nothing phantom: the log holds exactly the awards the processes were told won.
    const wonContracts = new Set(won.map((r) => r.commandId.replace('award:', '')))
    expect(new Set(awarded.keys())).toEqual(wonContracts)
    expect(contracts).toEqual(wonContracts)
    for (const result of won) expect(byCommand.get(result.commandId)).toEqual(result.positions)
    for (const result of refused) expect(byCommand.has(result.commandId)).toBe(false)
    const verified = await ledger.verify()
    expect(verified.ok).toBe(true)
    await ledger.close()
  })
})

import type * as Core from '@plafond/core'
import { describe, expect, it, vi } from 'vitest'
import { given, SpecificationFailure } from './decider-specification.js'
import {
  awardContractCommand,
  awardedContractEvents,
  contractFixture,
} from './fixtures/awarded-contract.js'
import { openedFrameworkEvents } from './fixtures/opened-framework.js'

// Core's deciders leave absent members out; this one, wrapped, sets one to undefined, as a decider
// written with `member: command.optional` would.
vi.mock('@plafond/core', async (importOriginal) => {
  const core = await importOriginal<typeof Core>()
  const decide: typeof core.decide = (...args) => {
    const decision = core.decide(...args)
    if (!decision.ok || decision.contract.length === 0) return decision
    const [first, ...rest] = decision.contract
    const withUndefined = { ...first!, data: { ...first!.data, object: undefined } }
    return { ...decision, contract: [withUndefined, ...rest] } as typeof decision
  }
  return { ...core, decide }
})

describe('given/when/then, with a decider that sets a member to undefined', () => {
  it('fails the decision, naming the member, even though the events would otherwise match', () => {
    const contract = contractFixture()
    const then = () =>
      given(openedFrameworkEvents())
        .when(awardContractCommand(contract))
        .then(awardedContractEvents(contract))
    expect(then).toThrow(SpecificationFailure)
    expect(then).toThrow(/sets data\.object to undefined; leave an optional member out instead/)
  })
})

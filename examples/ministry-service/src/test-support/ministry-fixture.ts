import type { Actor, CommandInput } from '@plafond/core'

/** DINUM, the buyer that opens the framework (its real SIRET, as in `DOMAIN.md`). */
export const DINUM = '13002526500013'

/** The ministry whose buyer awards the call-offs (a synthetic SIRET). */
export const MINISTRY = '94000000000015'

/** Another beneficiary (a synthetic SIRET): its buyer may not act for `MINISTRY`. */
export const OTHER_MINISTRY = '94000000000023'

/** The one holder of the framework (a synthetic SIRET: no real supplier gets invented spend). */
export const HOLDER = '95000000000014'

/** The framework of the tests. */
export const FRAMEWORK_ID = 'AC-2025-AGILE'

/** A fixed instant for the ledgers of the tests, inside the framework's validity. */
export const TEST_CLOCK = (): Date => new Date('2025-06-02T10:00:00.000Z')

/** DINUM's coordinator. */
export const coordinator: Actor = { id: 'dinum-coordination', roles: [{ role: 'coordinator' }] }

/** The ministry's buyer. */
export const buyer: Actor = {
  id: 'ministry-buyer',
  roles: [{ role: 'buyer', beneficiaryId: MINISTRY }],
}

/** A buyer of the other ministry. */
export const otherBuyer: Actor = {
  id: 'other-buyer',
  roles: [{ role: 'buyer', beneficiaryId: OTHER_MINISTRY }],
}

/** An auditor: reads everything, writes nothing. */
export const auditor: Actor = { id: 'cour-des-comptes', roles: [{ role: 'auditor' }] }

/**
 * The coordinator's commands that open the framework, add the holder and the ministry, and give
 * the ministry an allocation of `allocation` euros.
 */
export function openingCommands(allocation: string): CommandInput[] {
  return [
    {
      type: 'OpenFramework',
      commandId: 'open',
      frameworkId: FRAMEWORK_ID,
      title: 'Agile digital services',
      buyerId: DINUM,
      estimate: '195000000',
      maximum: '495000000',
      startsOn: '2025-01-01',
      endsOn: '2028-12-31',
      maxHolders: 7,
    },
    {
      type: 'AddHolder',
      commandId: 'add-holder',
      frameworkId: FRAMEWORK_ID,
      holderId: HOLDER,
      name: 'Synthetic Holder SAS',
      addedOn: '2025-01-15',
    },
    {
      type: 'AddBeneficiary',
      commandId: 'add-ministry',
      frameworkId: FRAMEWORK_ID,
      beneficiaryId: MINISTRY,
      name: 'Ministère des Sports',
    },
    {
      type: 'Allocate',
      commandId: 'allocate-ministry',
      frameworkId: FRAMEWORK_ID,
      beneficiaryId: MINISTRY,
      amount: allocation,
    },
  ]
}

/** The ministry's award of call-off `contractId` for `amount` euros, under command `award:<contractId>`. */
export function awardCommand(contractId: string, amount: string): CommandInput {
  return {
    type: 'AwardContract',
    commandId: `award:${contractId}`,
    frameworkId: FRAMEWORK_ID,
    contractId,
    beneficiaryId: MINISTRY,
    holderId: HOLDER,
    kind: 'subsequent-contract',
    amount,
    awardedOn: '2025-06-02',
    competition: 'mini-competition',
  }
}

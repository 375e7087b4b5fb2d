import type { LedgerBalances } from './ledger-balances.js'

function euros(cents: bigint): string {
  const sign = cents < 0n ? '-' : ''
  const abs = cents < 0n ? -cents : cents
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')} €`
}

/**
 * Every broken invariant of `DOMAIN.md` (1 to 4, 5 for the number of holders, 6; the rest of 5
 * comes from the fold's own notes) in a set of balances, one sentence each; empty when the ledger
 * is sound.
 */
export function ledgerInvariantViolations(balances: LedgerBalances): string[] {
  const found: string[] = []
  for (const [frameworkId, framework] of Object.entries(balances.frameworks)) {
    let allocated = 0n
    let committed = 0n
    for (const [beneficiaryId, beneficiary] of Object.entries(framework.beneficiaries)) {
      allocated += beneficiary.allocated
      committed += beneficiary.committed
      const who = `${frameworkId}/${beneficiaryId}`
      if (beneficiary.allocated < 0n)
        found.push(`${who}: negative allocation ${euros(beneficiary.allocated)}`)
      if (beneficiary.committed < 0n)
        found.push(`${who}: negative commitment ${euros(beneficiary.committed)}`)
      if (beneficiary.committed > beneficiary.allocated) {
        found.push(
          `invariant 2, ${who}: committed ${euros(beneficiary.committed)} > allocation ${euros(beneficiary.allocated)}`,
        )
      }
    }
    if (allocated !== framework.allocated) {
      found.push(
        `${frameworkId}: Σ beneficiary allocations ${euros(allocated)} ≠ framework allocated ${euros(framework.allocated)}`,
      )
    }
    if (committed !== framework.committed) {
      found.push(
        `${frameworkId}: Σ beneficiary commitments ${euros(committed)} ≠ framework committed ${euros(framework.committed)}`,
      )
    }
    if (framework.allocated > framework.maximum) {
      found.push(
        `invariant 1, ${frameworkId}: Σ allocations ${euros(framework.allocated)} > maximum ${euros(framework.maximum)}`,
      )
    }
    if (framework.committed > framework.maximum) {
      found.push(
        `invariant 3, ${frameworkId}: committed ${euros(framework.committed)} > maximum ${euros(framework.maximum)}`,
      )
    }
    if (framework.holders > framework.maxHolders) {
      found.push(
        `invariant 5, ${frameworkId}: ${framework.holders} holders > ${framework.maxHolders} announced`,
      )
    }
  }

  // Invariant 6: committed = Σ over contracts of (initial + modifications) − released.
  const fromContracts = new Map<string, bigint>()
  for (const [contractId, contract] of Object.entries(balances.contracts)) {
    const still = contract.initial + contract.modifications - contract.released
    for (const key of [contract.frameworkId, `${contract.frameworkId}/${contract.beneficiaryId}`]) {
      fromContracts.set(key, (fromContracts.get(key) ?? 0n) + still)
    }
    if (contract.amount !== contract.initial + contract.modifications) {
      found.push(`${contractId}: amount ${euros(contract.amount)} ≠ initial + modifications`)
    }
    // Invariant 4.
    if (contract.ordered > contract.amount)
      found.push(
        `invariant 4, ${contractId}: Σ orders ${euros(contract.ordered)} > amount ${euros(contract.amount)}`,
      )
    if (contract.certified > contract.amount)
      found.push(
        `invariant 4, ${contractId}: certified ${euros(contract.certified)} > amount ${euros(contract.amount)}`,
      )
    if (contract.invoiced > contract.amount)
      found.push(
        `invariant 4, ${contractId}: invoiced ${euros(contract.invoiced)} > amount ${euros(contract.amount)}`,
      )
    if (contract.paid > contract.certified)
      found.push(
        `invariant 4, ${contractId}: paid ${euros(contract.paid)} > certified ${euros(contract.certified)}`,
      )
    if (contract.closed && contract.released !== contract.amount - contract.certified) {
      found.push(
        `${contractId}: closing released ${euros(contract.released)}, not amount − certified ${euros(contract.amount - contract.certified)}`,
      )
    }
    if (!balances.frameworks[contract.frameworkId])
      found.push(`${contractId}: under unknown framework ${contract.frameworkId}`)
  }
  for (const [frameworkId, framework] of Object.entries(balances.frameworks)) {
    const expected = fromContracts.get(frameworkId) ?? 0n
    if (framework.committed !== expected) {
      found.push(
        `invariant 6, ${frameworkId}: committed ${euros(framework.committed)} ≠ Σ contracts (initial + modifications − released) ${euros(expected)}`,
      )
    }
    for (const [beneficiaryId, beneficiary] of Object.entries(framework.beneficiaries)) {
      const mine = fromContracts.get(`${frameworkId}/${beneficiaryId}`) ?? 0n
      if (beneficiary.committed !== mine) {
        found.push(
          `invariant 6, ${frameworkId}/${beneficiaryId}: committed ${euros(beneficiary.committed)} ≠ Σ its contracts ${euros(mine)}`,
        )
      }
    }
  }
  return found
}

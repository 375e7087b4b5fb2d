import { formatCents } from '@plafond/core'

/**
 * The generator's own account of allocations and commitments, kept as it writes the history so
 * that every command it means to succeed does succeed. It throws where the ledger would refuse:
 * such a throw is a bug in the generator, never a deliberate mistake.
 */
export class AllocationBook {
  readonly #maximum: bigint
  readonly #allocated = new Map<string, bigint>()
  readonly #committed = new Map<string, bigint>()
  #totalAllocated = 0n

  /** Starts an empty book under the framework's maximum, in cents. */
  constructor(maximum: bigint) {
    this.#maximum = maximum
  }

  /** What is not allocated to anyone yet. */
  get unallocated(): bigint {
    return this.#maximum - this.#totalAllocated
  }

  /** Σ allocations. */
  get totalAllocated(): bigint {
    return this.#totalAllocated
  }

  /** A beneficiary's allocation. */
  allocated(beneficiaryId: string): bigint {
    return this.#allocated.get(beneficiaryId) ?? 0n
  }

  /** A beneficiary's committed total. */
  committed(beneficiaryId: string): bigint {
    return this.#committed.get(beneficiaryId) ?? 0n
  }

  /** What a beneficiary can still commit or give away. */
  unused(beneficiaryId: string): bigint {
    return this.allocated(beneficiaryId) - this.committed(beneficiaryId)
  }

  /** Records an allocation; throws past the maximum. */
  allocate(beneficiaryId: string, amount: bigint): void {
    this.#expect(amount <= this.unallocated, `allocate ${formatCents(amount)}`, this.unallocated)
    this.#allocated.set(beneficiaryId, this.allocated(beneficiaryId) + amount)
    this.#totalAllocated += amount
  }

  /** Records a release of unused allocation; throws past what is unused. */
  release(beneficiaryId: string, amount: bigint): void {
    this.#expectUnused(beneficiaryId, amount, 'release')
    this.#allocated.set(beneficiaryId, this.allocated(beneficiaryId) - amount)
    this.#totalAllocated -= amount
  }

  /** Records a transfer of unused allocation; throws past what the giver has unused. */
  transfer(fromId: string, toId: string, amount: bigint): void {
    this.#expectUnused(fromId, amount, 'transfer')
    this.#allocated.set(fromId, this.allocated(fromId) - amount)
    this.#allocated.set(toId, this.allocated(toId) + amount)
  }

  /** Records an award; throws past the beneficiary's unused allocation. */
  commit(beneficiaryId: string, amount: bigint): void {
    this.#expectUnused(beneficiaryId, amount, 'commit')
    this.#committed.set(beneficiaryId, this.committed(beneficiaryId) + amount)
  }

  /** Records what a closing gives back. */
  uncommit(beneficiaryId: string, amount: bigint): void {
    this.#committed.set(beneficiaryId, this.committed(beneficiaryId) - amount)
  }

  #expectUnused(beneficiaryId: string, amount: bigint, verb: string): void {
    this.#expect(
      amount <= this.unused(beneficiaryId),
      `${verb} ${formatCents(amount)} for ${beneficiaryId}`,
      this.unused(beneficiaryId),
    )
  }

  #expect(ok: boolean, what: string, limit: bigint): void {
    if (ok) return
    throw new Error(
      `The generator planned to ${what}, but only ${formatCents(limit)} is available: the ledger would refuse it. This is a bug in the generator's coordinator, not a deliberate mistake.`,
    )
  }
}

/** The decision state of one product stream. */
export interface ProductState {
  readonly status: 'none' | 'known'
  readonly beneficiaryId: string
  readonly product: string
  readonly phase: string | undefined
  readonly phaseSince: string | undefined
  readonly measurements: number
}

/** The state of a product stream that has no event yet. */
export function initialProductState(): ProductState {
  return {
    status: 'none',
    beneficiaryId: '',
    product: '',
    phase: undefined,
    phaseSince: undefined,
    measurements: 0,
  }
}

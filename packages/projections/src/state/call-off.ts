import type { EventKey } from '../projection.js'

/**
 * The call-off an event is about (`data.contractId`): the key of the entries the standard
 * projections keep per call-off, so that a bulk fold finds them once per event for all of them.
 */
export const CALL_OFF: EventKey = {
  name: 'call-off',
  of: (event) => (event.data as { readonly contractId?: string }).contractId,
}

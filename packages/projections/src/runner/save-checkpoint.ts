import type { EventStore, ProjectionCheckpoint } from '@plafond/core'
import { stateParts, stateToParts, type StatePartsOptions } from './checkpoint-parts.js'

/**
 * Saves `state` as the checkpoint `checkpoint`: through the store's `saveCheckpointParts` when it
 * has one, which writes each part before the next is serialized (the largest standard state is
 * about 45 MB of text at a million events), else through `saveCheckpoint` with every part at once.
 * With `freeze`, the state is deep-frozen on the way.
 */
export function saveCheckpoint(
  store: EventStore,
  checkpoint: Omit<ProjectionCheckpoint, 'parts'>,
  state: unknown,
  options: Pick<StatePartsOptions, 'freeze'> = {},
): Promise<void> {
  if (store.saveCheckpointParts !== undefined) {
    return store.saveCheckpointParts(checkpoint, stateParts(state, options))
  }
  return store.saveCheckpoint({ ...checkpoint, parts: stateToParts(state, options) })
}

import type { EventStore, ProjectionCheckpoint } from '@plafond/core'
import { stateParts, stateToParts } from './checkpoint-parts.js'

/**
 * Saves `state` as the checkpoint `checkpoint`: through the store's `saveCheckpointParts` when it
 * has one, which writes each part before the next is serialized (the largest standard state is
 * about 45 MB of text at a million events), else through `saveCheckpoint` with every part at once.
 */
export function saveCheckpoint(
  store: EventStore,
  checkpoint: Omit<ProjectionCheckpoint, 'parts'>,
  state: unknown,
): Promise<void> {
  if (store.saveCheckpointParts !== undefined) {
    return store.saveCheckpointParts(checkpoint, stateParts(state))
  }
  return store.saveCheckpoint({ ...checkpoint, parts: stateToParts(state) })
}

import { readFile } from 'node:fs/promises'
import { buildHistory } from './history-builder.js'
import { parseJsonl, toJsonl, type HistoryLine } from './history-line.js'

/** The seed the committed history was generated with. */
export const DEFAULT_SEED = 'plafond-replay-66m-v1'

/** Where the committed history lives: `data/history.jsonl` in this package. */
export const HISTORY_FILE = new URL('../data/history.jsonl', import.meta.url)

/** The JSONL text of the history for a seed: the same seed gives the same bytes. */
export function renderHistory(seed: string = DEFAULT_SEED): string {
  return toJsonl(buildHistory(seed).lines)
}

/** Reads a history file (the committed one by default). */
export async function readHistory(file: URL | string = HISTORY_FILE): Promise<HistoryLine[]> {
  return parseJsonl(await readFile(file, 'utf8'), String(file))
}

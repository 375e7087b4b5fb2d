import { createHash } from 'node:crypto'

/** DECP 2.0.3 market ids (`id`, `idAccordCadre`) have 1 to 16 characters. */
export const DECP_ID_MAX_LENGTH = 16

/** How a ledger id is published in DECP. */
export interface DecpIdMapping {
  /** A framework or a call-off (subsequent contract or purchase order). */
  readonly kind: 'framework' | 'call-off'
  /** The id in the ledger (up to 64 characters). */
  readonly ledgerId: string
  /** The id in DECP (up to 16 characters); the same as `ledgerId` when that fits. */
  readonly decpId: string
}

/**
 * The DECP market id of a ledger id. An id of at most 16 characters is published as it is.
 * A longer one becomes its first 7 characters, `~`, and the first 8 hexadecimal digits of the
 * SHA-256 of the whole id (UTF-8): `AC-DINUM-AGILE-2021` → `AC-DINU~` + 8 digits. Ledger ids
 * never contain `~` (`[A-Za-z0-9._:-]`), so a mapped id cannot collide with an id published
 * as it is; it is the same on every export, and anyone can recompute it
 * (`printf %s "$id" | sha256sum | cut -c1-8`).
 */
export function decpId(ledgerId: string): string {
  if (ledgerId.length <= DECP_ID_MAX_LENGTH) return ledgerId
  const digest = createHash('sha256').update(ledgerId, 'utf8').digest('hex')
  return `${ledgerId.slice(0, 7)}~${digest.slice(0, 8)}`
}

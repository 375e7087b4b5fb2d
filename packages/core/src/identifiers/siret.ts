import { z } from 'zod'

const LA_POSTE_SIREN = '356000000'

function luhn(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

/** Whether `value` is a SIREN: 9 digits passing the Luhn check. */
export function isSiren(value: string): boolean {
  return /^\d{9}$/.test(value) && luhn(value)
}

/**
 * Whether `value` is a SIRET: 14 digits passing the Luhn check. Establishments of La Poste
 * (SIREN 356000000) pass instead when the sum of their digits is a multiple of 5 (INSEE's rule).
 */
export function isSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false
  if (luhn(value)) return true
  if (!value.startsWith(LA_POSTE_SIREN)) return false
  let sum = 0
  for (const char of value) sum += char.charCodeAt(0) - 48
  return sum % 5 === 0
}

/** zod schema of a SIRET (14 digits, Luhn, La Poste's rule). */
export const Siret = z
  .string({ error: 'Expected a SIRET as a string of 14 digits.' })
  .refine(isSiret, {
    error: (issue) =>
      `Expected a SIRET: 14 digits passing the Luhn check (La Poste: digit sum a multiple of 5), found ${JSON.stringify(issue.input)}. Check the number on annuaire-entreprises.data.gouv.fr.`,
  })

/** zod schema of a CPV code: 8 digits with an optional `-d`; the check digit is never verified. */
export const Cpv = z
  .string()
  .regex(/^\d{8}(?:-\d)?$/, { error: 'Expected a CPV code such as "72000000" or "72000000-5".' })

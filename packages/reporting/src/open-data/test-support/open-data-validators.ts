import { readFileSync } from 'node:fs'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import ajvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'

// Both are CommonJS modules: depending on the loader, a default import gives their export itself
// or an object holding it as `default`.
function commonJsDefault<T>(module: T | { readonly default: T }): T {
  return typeof module === 'object' && module !== null && 'default' in module
    ? module.default
    : module
}
const Ajv04 = commonJsDefault(ajvDraft04 as unknown as typeof ajvDraft04.default)
const addFormats = commonJsDefault(ajvFormats as unknown as typeof ajvFormats.default)

/** `../shared/schemas/` next to the repository: where CI and the team keep the official schemas. */
export const SCHEMAS_DIRECTORY = new URL('../../../../../../shared/schemas/', import.meta.url)

function readSchema(name: string): Record<string, unknown> {
  const file = new URL(name, SCHEMAS_DIRECTORY)
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  } catch (error) {
    throw new Error(
      `Expected the official schema ${name} in ${SCHEMAS_DIRECTORY.pathname} (the shared/schemas directory beside the repository), but could not read it: ${(error as Error).message}`,
      { cause: error },
    )
  }
}

/** Whether a document passed, with ajv's errors (at most `limit`) when it did not. */
export interface SchemaVerdict {
  readonly valid: boolean
  readonly errors: readonly ErrorObject[]
}

function verdict(validate: ValidateFunction, document: unknown, limit = 20): SchemaVerdict {
  const valid = validate(document)
  return { valid, errors: valid ? [] : (validate.errors ?? []).slice(0, limit) }
}

let decp: ValidateFunction | undefined
let ocds: ValidateFunction | undefined

/** Validates a document against the official DECP 2.0.3 schema (JSON Schema draft-07). */
export function validateDecp(document: unknown): SchemaVerdict {
  if (decp === undefined) {
    // strict: false: the official schemas carry annotations ajv's strict mode does not know.
    const ajv = new Ajv({ allErrors: true, strict: false })
    addFormats(ajv)
    decp = ajv.compile(readSchema('decp-marches-v2.0.3.schema.json'))
  }
  return verdict(decp, document)
}

/**
 * Validates a document against the official OCDS 1.1.5 release package schema (draft-04), with
 * the release schema loaded under the `$id` the package schema refers to.
 */
export function validateOcdsPackage(document: unknown): SchemaVerdict {
  if (ocds === undefined) {
    const ajv = new Ajv04({ allErrors: true, strict: false })
    addFormats(ajv)
    ajv.addSchema(readSchema('ocds-1.1.5-release.schema.json'))
    ocds = ajv.compile(readSchema('ocds-1.1.5-release-package.schema.json'))
  }
  return verdict(ocds, document)
}

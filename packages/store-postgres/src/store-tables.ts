import { LedgerError } from '@plafond/core'

/** The schema the store uses when the caller names none. */
export const DEFAULT_SCHEMA = 'plafond'

/** Lower-case letters, digits and `_`, not starting with a digit: needs no quoting rules to remember. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/

/** The qualified names of the store's tables in one PostgreSQL schema, ready to put in SQL. */
export interface StoreTables {
  /** The schema name, unquoted. */
  readonly schema: string
  readonly events: string
  readonly logHead: string
  readonly commandOutcomes: string
  readonly projectionCheckpoints: string
  readonly projectionCheckpointParts: string
  readonly migrations: string
}

/**
 * The tables of a store in `schema`. Only plain lower-case names are accepted, so that the name can
 * be spliced into SQL (identifiers cannot be query parameters) without any escaping to get wrong.
 */
export function storeTables(schema: string): StoreTables {
  if (!SCHEMA_NAME.test(schema)) {
    throw new LedgerError(
      'INVALID_ARGUMENT',
      `Expected a PostgreSQL schema name of lower-case letters, digits and _ (at most 63, not starting with a digit), found ${JSON.stringify(schema)}. Pick a name such as "plafond" or "plafond_ac_2025".`,
      { details: { schema } },
    )
  }
  const table = (name: string): string => `"${schema}".${name}`
  return {
    schema,
    events: table('events'),
    logHead: table('log_head'),
    commandOutcomes: table('command_outcomes'),
    projectionCheckpoints: table('projection_checkpoints'),
    projectionCheckpointParts: table('projection_checkpoint_parts'),
    migrations: table('plafond_migrations'),
  }
}

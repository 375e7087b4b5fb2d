import type { ZodType } from 'zod'

/** What a compiled parser returns when it cannot vouch for its input: ask zod. */
export const NOT_SURE: unique symbol = Symbol('not sure')

/**
 * A parser that returns zod's output for inputs it can vouch for, and `NOT_SURE` for the rest.
 * Whenever it returns a value, zod's `safeParse` of the same input succeeds with an equal value
 * (same members in the same order, same frozen arrays and objects); it never reports an error
 * itself, so error messages stay zod's.
 */
export type CompiledParser = (input: unknown) => unknown

/**
 * zod's internals read by the compiler: each schema's `_zod.def` (its type and parts), its
 * `_zod.values` (literals and enums), its traits (a schema that is also a check) and each check's
 * `_zod.check(payload)`, which pushes an issue when the value fails it.
 */
interface Payload {
  value: unknown
  issues: unknown[]
}
interface Check {
  readonly _zod: {
    readonly def: { readonly when?: (payload: Payload) => boolean }
    readonly check: (payload: Payload) => unknown
  }
}
interface Internals {
  readonly _zod: {
    readonly def: {
      readonly type: string
      readonly checks?: readonly Check[]
      readonly coerce?: boolean
      readonly shape?: Readonly<Record<string, ZodType>>
      readonly catchall?: ZodType
      readonly innerType?: ZodType
      readonly element?: ZodType
      readonly in?: ZodType
      readonly out?: ZodType
      readonly options?: readonly ZodType[]
      readonly discriminator?: string
      readonly unionFallback?: boolean
      readonly transform?: (value: unknown, payload: Payload) => unknown
    }
    readonly values?: ReadonlySet<unknown>
    readonly traits: ReadonlySet<string>
    readonly optin?: string
    readonly optout?: string
  }
}

type Step = (value: unknown) => unknown

/**
 * Compiles a zod schema into closures that do the same work without zod's per-value bookkeeping:
 * on the command path, parsing a command and validating its events took about a fifth of a
 * command's time. Objects, strings, numbers, literals, enums, optionals, arrays,
 * read-only wrappers, pipes, transforms and discriminated unions are compiled; their checks (regex,
 * lengths, bounds, refinements) are zod's own, called directly. Any other kind of schema is handed
 * to zod whole. The caller falls back to zod's `safeParse` on `NOT_SURE`, for the error message.
 */
export function compileParser(
  schema: ZodType,
  options: { readonly generateCode?: boolean } = {},
): CompiledParser {
  const before = generatingCode
  generatingCode = options.generateCode ?? true
  try {
    return compile(schema)
  } finally {
    generatingCode = before
  }
}

/**
 * Whether object parsers are generated as code (`generatedObject`) in the compilation under way;
 * `compileParser`'s option, for the tests that compare both kinds with zod.
 */
let generatingCode = true

function compile(schema: ZodType): Step {
  const zod = (schema as unknown as Internals)._zod
  const def = zod.def
  const body = compileBody(schema, zod)
  // zod's own parse already ran the schema's checks.
  if (WHOLE_BY_ZOD.has(body)) return body
  const checks: Check[] = []
  if (zod.traits.has('$ZodCheck')) checks.push(schema as unknown as Check)
  for (const check of def.checks ?? []) checks.push(check)
  if (checks.length === 0) return body
  // Regex checks and refinements, most of them, are tested directly: zod's check would wrap each
  // value in a payload to collect issues that a compiled parser never reports.
  if (checks.length === 1) {
    const test = directTest(checks[0]!)
    if (test !== undefined) {
      return (value) => {
        const parsed = body(value)
        return parsed === NOT_SURE || !test(parsed) ? NOT_SURE : parsed
      }
    }
  }
  return (value) => {
    const parsed = body(value)
    return parsed === NOT_SURE ? NOT_SURE : passesChecks(parsed, checks)
  }
}

/** The value when every check passes (as zod runs them after parsing), `NOT_SURE` otherwise. */
function passesChecks(value: unknown, checks: readonly Check[]): unknown {
  const payload: Payload = { value, issues: [] }
  for (const check of checks) {
    const when = check._zod.def.when
    if (when !== undefined && !when(payload)) continue
    const result = check._zod.check(payload)
    if (result instanceof Promise || payload.issues.length > 0) return NOT_SURE
  }
  return payload.value
}

/**
 * What zod's check does, as a test of the value alone, for the two kinds that need no payload:
 * a regex (`lastIndex` reset, then `test`) and a refinement (its function's result, truthy to
 * pass; a promise is not vouched for). Any other check, or one with a `when`, goes through zod.
 */
function directTest(check: Check): ((value: unknown) => boolean) | undefined {
  const zod = (check as unknown as Internals)._zod
  const def = zod.def as Internals['_zod']['def'] & {
    readonly when?: unknown
    readonly pattern?: RegExp
    readonly fn?: (value: unknown) => unknown
  }
  if (def.when !== undefined) return undefined
  if (zod.traits.has('$ZodCheckRegex') && def.pattern instanceof RegExp) {
    const pattern = def.pattern
    const table = charClassTest(pattern)
    if (table !== undefined) return table
    return (value) => {
      pattern.lastIndex = 0
      return pattern.test(value as string)
    }
  }
  if (zod.traits.has('$ZodCustom') && typeof def.fn === 'function') {
    const fn = def.fn
    return (value) => {
      const result = fn(value)
      return !(result instanceof Promise) && Boolean(result)
    }
  }
  return undefined
}

/**
 * The test of a regex of the form `^[class]{min,max}$` (no flags; the class made of single
 * characters and ranges below U+0080, as ids are) as a table of the characters it allows: every
 * id of every command and event was a regex test, 2 to 3 % of a command. Undefined for any other
 * regex, which is tested as it is.
 */
export function charClassTest(pattern: RegExp): ((value: unknown) => boolean) | undefined {
  const form = /^\^\[([^\]\\^]+)\]\{(\d+),(\d+)\}\$$/.exec(pattern.source)
  if (pattern.flags !== '' || form === null) return undefined
  const [, members, low, high] = form as unknown as [string, string, string, string]
  const allowed = new Uint8Array(128)
  for (let i = 0; i < members.length; i++) {
    const first = members.charCodeAt(i)
    const isRange = members[i + 1] === '-' && i + 2 < members.length
    const last = isRange ? members.charCodeAt(i + 2) : first
    if (first >= 128 || last >= 128 || last < first) return undefined
    for (let code = first; code <= last; code++) allowed[code] = 1
    if (isRange) i += 2
  }
  const min = Number(low)
  const max = Number(high)
  if (min > max) return undefined
  return (value) => {
    const text = value as string
    if (text.length < min || text.length > max) return false
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      if (code >= 128 || allowed[code] === 0) return false
    }
    return true
  }
}

const WHOLE_BY_ZOD = new WeakSet<Step>()

/** zod's own parse of a schema the compiler does not take apart, its checks included. */
function byZod(schema: ZodType): Step {
  const step: Step = (value) => {
    const result = schema.safeParse(value)
    return result.success ? result.data : NOT_SURE
  }
  WHOLE_BY_ZOD.add(step)
  return step
}

function compileBody(schema: ZodType, zod: Internals['_zod']): Step {
  const def = zod.def
  switch (def.type) {
    case 'string':
      if (def.coerce === true) return byZod(schema)
      return (value) => (typeof value === 'string' ? value : NOT_SURE)
    case 'number':
      if (def.coerce === true) return byZod(schema)
      return (value) => (typeof value === 'number' && Number.isFinite(value) ? value : NOT_SURE)
    case 'literal':
    case 'enum': {
      const values = zod.values
      if (values === undefined) return byZod(schema)
      return (value) => (values.has(value) ? value : NOT_SURE)
    }
    case 'optional': {
      const inner = def.innerType!
      if ((inner as unknown as Internals)._zod.optin === 'optional') return byZod(schema)
      const parseInner = compile(inner)
      return (value) => (value === undefined ? undefined : parseInner(value))
    }
    case 'readonly': {
      const parseInner = compile(def.innerType!)
      return (value) => {
        const parsed = parseInner(value)
        return parsed === NOT_SURE ? NOT_SURE : Object.freeze(parsed)
      }
    }
    case 'array': {
      const parseElement = compile(def.element!)
      return (value) => {
        if (!Array.isArray(value)) return NOT_SURE
        const out: unknown[] = new Array(value.length)
        for (let i = 0; i < value.length; i++) {
          const parsed = parseElement(value[i])
          if (parsed === NOT_SURE) return NOT_SURE
          out[i] = parsed
        }
        return out
      }
    }
    case 'pipe': {
      const first = compile(def.in!)
      const second = compile(def.out!)
      return (value) => {
        const parsed = first(value)
        return parsed === NOT_SURE ? NOT_SURE : second(parsed)
      }
    }
    case 'transform': {
      const transform = def.transform!
      return (value) => {
        const issues: unknown[] = []
        // zod hands a transform its payload with `addIssue`; an issue means zod would refuse.
        const payload = { value, issues, addIssue: (issue: unknown) => issues.push(issue) }
        let out: unknown
        try {
          out = transform(value, payload)
        } catch {
          return NOT_SURE
        }
        return out instanceof Promise || issues.length > 0 ? NOT_SURE : out
      }
    }
    case 'object':
      return compileObject(schema, def)
    case 'union':
      return compileDiscriminatedUnion(schema, def)
    default:
      return byZod(schema)
  }
}

interface Field {
  readonly key: string
  readonly parse: Step
  readonly optional: boolean
}

/**
 * A strict object (unknown members refused), as zod's object parser builds it: members in the
 * shape's order, an optional member copied when the input has it (even as `undefined`), a required
 * one when its value is defined or the input has it.
 */
function compileObject(schema: ZodType, def: Internals['_zod']['def']): Step {
  const catchall = def.catchall as unknown as Internals | undefined
  if (catchall === undefined || catchall._zod.def.type !== 'never') return byZod(schema)
  const shape = def.shape!
  const fields: Field[] = []
  for (const key of Object.keys(shape)) {
    if (key === '__proto__') return byZod(schema)
    const member = shape[key]!
    const inner = (member as unknown as Internals)._zod
    const optionalIn = inner.optin !== undefined
    const optionalOut = inner.optout === 'optional'
    // The "optional in, required out" case (defaults) is zod's: the compiler leaves it alone.
    if (optionalIn !== optionalOut || (optionalIn && inner.optin !== 'optional')) {
      return byZod(schema)
    }
    fields.push({ key, parse: compile(member), optional: optionalIn })
  }
  return (generatingCode ? generatedObject(fields) : undefined) ?? closureObject(fields)
}

/**
 * The object parser as generated code: one function per schema that reads each member by its
 * name, counts the input's members instead of looking each one up, and builds its output as one
 * object literal followed by named stores, so that every output of a schema shares one hidden
 * class. The closures of `closureObject` stored members by a computed name, which V8 treats as a
 * dictionary lookup each time: a quarter of parsing a command. Member names come from the schema
 * and are written as JSON string literals. Undefined when the runtime refuses code generation
 * (`--disallow-code-generation-from-strings`), or when a member's name is also an inherited one,
 * which counting cannot tell apart.
 */
function generatedObject(fields: readonly Field[]): Step | undefined {
  if (fields.some((field) => field.key in Object.prototype)) return undefined
  const lines = [
    'return function parseObject(value) {',
    '  if (!isPlainObject(value)) return NOT_SURE',
    '  let members = 0',
    '  for (const key in value) members++',
    '  let known = 0',
  ]
  // Required members before the first optional one go into the literal; the rest, in order, are
  // stored by name.
  let literal = 0
  while (literal < fields.length && !fields[literal]!.optional) literal++
  fields.forEach((field, i) => {
    const name = JSON.stringify(field.key)
    lines.push(`  const present${i} = ${name} in value`)
    lines.push(`  if (present${i}) known++`)
    lines.push(`  const parsed${i} = parse${i}(value[${name}])`)
    if (field.optional) {
      // An absent optional member is no error, whatever its schema says of undefined.
      lines.push(`  if (parsed${i} === NOT_SURE && present${i}) return NOT_SURE`)
    } else {
      lines.push(`  if (parsed${i} === NOT_SURE) return NOT_SURE`)
      // zod leaves out a required member that is absent and parses to undefined: rare enough to
      // take the general path.
      lines.push(`  if (parsed${i} === undefined && !present${i}) return general(value)`)
    }
  })
  lines.push('  if (known !== members) return NOT_SURE')
  const members = fields
    .slice(0, literal)
    .map((field, i) => `${JSON.stringify(field.key)}: parsed${i}`)
  lines.push(`  const out = { ${members.join(', ')} }`)
  for (let i = literal; i < fields.length; i++) {
    const field = fields[i]!
    const store = `out[${JSON.stringify(field.key)}] = parsed${i}`
    lines.push(field.optional ? `  if (present${i}) ${store}` : `  ${store}`)
  }
  lines.push('  return out', '}')
  try {
    const parameters = fields.map((_field, i) => `parse${i}`)
    // Code generation is the point here (ADR 0017); the source holds only member names from the
    // schema, written as JSON string literals, and indices.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const make = new Function(
      'isPlainObject',
      'NOT_SURE',
      'general',
      ...parameters,
      lines.join('\n'),
    ) as (...args: unknown[]) => Step
    return make(
      isPlainObject,
      NOT_SURE,
      closureObject(fields),
      ...fields.map((field) => field.parse),
    )
  } catch (error) {
    // The runtime refuses code generation; any other error is a bug in the source above.
    if (error instanceof EvalError) return undefined
    throw error
  }
}

/** The same parser as closures: where code cannot be generated. */
function closureObject(fields: readonly Field[]): Step {
  const known = new Set(fields.map((field) => field.key))
  return (value) => {
    if (!isPlainObject(value)) return NOT_SURE
    const input = value as Record<string, unknown>
    for (const key in input) if (!known.has(key)) return NOT_SURE
    const out: Record<string, unknown> = {}
    for (const field of fields) {
      const present = field.key in input
      const member = input[field.key]
      const parsed = field.parse(member)
      if (parsed === NOT_SURE) {
        // An absent optional member is no error, whatever its schema says of undefined.
        if (field.optional && !present) continue
        return NOT_SURE
      }
      if (field.optional ? present : parsed !== undefined || present) out[field.key] = parsed
    }
    return out
  }
}

/** A union on one discriminating member whose every option is an object with literal values. */
function compileDiscriminatedUnion(schema: ZodType, def: Internals['_zod']['def']): Step {
  const discriminator = def.discriminator
  if (discriminator === undefined || def.unionFallback === true) return byZod(schema)
  const byValue = new Map<unknown, Step>()
  for (const option of def.options ?? []) {
    const optionDef = (option as unknown as Internals)._zod.def
    const tag = optionDef.shape?.[discriminator] as unknown as Internals | undefined
    const values = tag?._zod.values
    if (optionDef.type !== 'object' || values === undefined) return byZod(schema)
    const parse = compile(option)
    for (const value of values) {
      if (byValue.has(value)) return byZod(schema)
      byValue.set(value, parse)
    }
  }
  return (value) => {
    if (!isPlainObject(value)) return NOT_SURE
    const parse = byValue.get((value as Record<string, unknown>)[discriminator])
    return parse === undefined ? NOT_SURE : parse(value)
  }
}

/** An object literal's kind of object: the only inputs the compiled parsers vouch for. */
function isPlainObject(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const prototype = Object.getPrototypeOf(value) as unknown
  return prototype === Object.prototype || prototype === null
}

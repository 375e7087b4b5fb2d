/** One impact indicator as `RecordImpact` takes it. */
export interface IndicatorValue {
  readonly name: string
  readonly value: string
  readonly unit?: string | undefined
}

function escape(text: string): string {
  return text.replace(/[\\|=]/g, (char) => `\\${char}`)
}

/**
 * Writes impact indicators in one cell: `name=value unit`, separated by ` | `, e.g.
 * `usagers actifs par mois=1250 usagers | taux de satisfaction=0.82`. In names and units, `\`,
 * `|` and `=` are written `\\`, `\|` and `\=`. `decimalMark` is the dialect's.
 */
export function formatIndicators(
  indicators: readonly IndicatorValue[],
  decimalMark: '.' | ',',
): string {
  return indicators
    .map(({ name, value, unit }) => {
      const number = decimalMark === ',' ? value.replace('.', ',') : value
      return `${escape(name)}=${number}${unit === undefined ? '' : ` ${escape(unit)}`}`
    })
    .join(' | ')
}

/** Splits on `separator` outside escapes, and unescapes each part. */
function splitUnescaped(text: string, separator: string, limit = Infinity): string[] {
  const parts: string[] = []
  let current = ''
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (char === '\\' && i + 1 < text.length) {
      current += `\\${text[i + 1]!}`
      i += 1
    } else if (char === separator && parts.length < limit - 1) {
      parts.push(current)
      current = ''
    } else {
      current += char
    }
  }
  parts.push(current)
  return parts
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1')
}

/**
 * Reads the cell `formatIndicators` writes. Returns the indicators, or the reason the cell is
 * not a list of indicators. Spaces around each indicator and around its name are ignored.
 */
export function parseIndicators(
  cell: string,
  decimalMark: '.' | ',',
): { readonly indicators: IndicatorValue[] } | { readonly reason: string } {
  const indicators: IndicatorValue[] = []
  const number = decimalMark === ',' ? /^-?\d{1,15}(?:,\d{1,6})?$/ : /^-?\d{1,15}(?:\.\d{1,6})?$/
  for (const item of splitUnescaped(cell, '|')) {
    const text = item.trim()
    const [rawName, rest] = splitUnescaped(text, '=', 2)
    if (rest === undefined || rawName === undefined || rawName.trim() === '') {
      return {
        reason: `expected indicators written "name=value unit | name=value", found ${JSON.stringify(text)}.`,
      }
    }
    const space = rest.search(/\s/)
    const value = space === -1 ? rest : rest.slice(0, space)
    const unit = space === -1 ? '' : rest.slice(space + 1).trim()
    if (!number.test(value)) {
      return {
        reason: `expected the value of indicator ${JSON.stringify(unescape(rawName.trim()))} as a decimal number written with "${decimalMark}", found ${JSON.stringify(value)}.`,
      }
    }
    indicators.push({
      name: unescape(rawName.trim()),
      value: decimalMark === ',' ? value.replace(',', '.') : value,
      ...(unit === '' ? {} : { unit: unescape(unit) }),
    })
  }
  return { indicators }
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text safe in HTML and SVG, in content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!)
}

/** Attribute values; `null` and `undefined` leave the attribute out. */
export type Attributes = Readonly<Record<string, string | number | null | undefined>>

/** ` name="value"` for each attribute given, escaped, in the order given. */
export function attributes(values: Attributes): string {
  let out = ''
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined) continue
    out += ` ${name}="${escapeHtml(String(value))}"`
  }
  return out
}

/** An element with escaped attributes around content already written as HTML. */
export function element(tag: string, values: Attributes, content = ''): string {
  return `<${tag}${attributes(values)}>${content}</${tag}>`
}

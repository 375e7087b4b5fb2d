import { describe, expect, it } from 'vitest'
import { markdownTable, markdownText } from './markdown-text.js'

describe('Markdown text', () => {
  it('escapes what would break a table or start emphasis, code, a link or HTML', () => {
    expect(markdownText('a | b')).toBe('a \\| b')
    expect(markdownText('*gras* _it_ `code` [lien](x) <b> #1 \\')).toBe(
      '\\*gras\\* \\_it\\_ \\`code\\` \\[lien\\](x) \\<b\\> \\#1 \\\\',
    )
  })

  it('keeps a name with line breaks on one table row', () => {
    expect(markdownText('deux\nlignes\r\nici')).toBe('deux lignes ici')
  })

  it('aligns numbers right in a GFM table', () => {
    expect(markdownTable(['Nom', 'Montant'], ['left', 'right'], [['A', '1,00 €']])).toBe(
      '| Nom | Montant |\n| :-- | --: |\n| A | 1,00 € |',
    )
  })
})

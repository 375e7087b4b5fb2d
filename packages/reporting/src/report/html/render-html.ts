import { frenchDate, frenchInstant } from '../format/french-date.js'
import { statusLabel } from '../format/french-labels.js'
import { sizeLine } from '../format/report-sentences.js'
import type { ReportData } from '../report-data.js'
import { escapeHtml } from './html-text.js'
import { reportSections, type Names } from './report-sections.js'
import { REPORT_STYLES } from './report-styles.js'

// Nothing may load: no script, no font, no image from anywhere. The page is complete as is.
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

function metaItem(term: string, value: string): string {
  return `<div><dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd></div>`
}

function masthead(data: ReportData): string {
  const { meta, overview } = data
  const items = [
    metaItem(
      'Situation',
      meta.asOf === null
        ? `à jour du journal (${frenchDate(meta.today)})`
        : `au ${frenchDate(meta.asOf)}`,
    ),
    ...(meta.asKnownAt === null
      ? []
      : [metaItem('Telle que connue', `le ${frenchInstant(meta.asKnownAt)}`)]),
    ...(meta.generatedAt === null
      ? []
      : [metaItem('Générée', `le ${frenchInstant(meta.generatedAt)}`)]),
    metaItem('Validité', `du ${frenchDate(overview.startsOn)} au ${frenchDate(overview.endsOn)}`),
    metaItem('Statut', statusLabel(overview)),
  ]
  const notice =
    meta.notice === null
      ? ''
      : `\n<div class="notice" role="note"><p><strong>À noter :</strong> ${escapeHtml(meta.notice)}</p></div>`
  return `<header class="masthead">
<p class="brand">Plafond · suivi d’accord-cadre</p>
<p class="kicker">Accord-cadre ${escapeHtml(meta.frameworkId)} · ${escapeHtml(sizeLine(data))}</p>
<h1>${escapeHtml(meta.title)}</h1>
<dl class="meta">${items.join('')}</dl>${notice}
</header>`
}

function names(data: ReportData): Names {
  const beneficiaries = new Map(
    data.beneficiaries.map((b) => [b.beneficiaryId, b.name ?? b.beneficiaryId]),
  )
  const holders = new Map(data.holders.holders.map((h) => [h.holderId, h.name ?? h.holderId]))
  return {
    beneficiary: (id) => beneficiaries.get(id) ?? id,
    holder: (id) => holders.get(id) ?? id,
  }
}

/**
 * The report as one self-contained HTML file, in French: no script, no external asset (a
 * Content-Security-Policy forbids loading anything), charts drawn at render time as inline SVG.
 * A header says which framework, as of which date and when it was generated, and shows the
 * caller's notice prominently; then the synthesis with the ceiling gauge, commitments over time
 * with the forecast band, beneficiaries, holders, budget years, contract drift, alerts, payment
 * delays, products and definitions. Every chart is an `<svg role="img">` with a title and a
 * description, followed by a table of its figures; the figures a test checks are on the SVG
 * elements as `data-*` attributes, as exact decimal strings. Prints on A4, one section a page.
 */
export function renderHtml(data: ReportData): string {
  const sections = reportSections(data, names(data))
  const toc = sections
    .map((s) => `<li><a href="#${s.id}">${escapeHtml(s.heading)}</a></li>`)
    .join('')
  const body = sections
    .map(
      (s) =>
        `<section id="${s.id}" aria-labelledby="${s.id}-heading">\n<h2 id="${s.id}-heading">${escapeHtml(s.heading)}</h2>\n${s.content}\n</section>`,
    )
    .join('\n')
  const title = `${data.meta.title} · ${data.meta.asOf === null ? 'situation' : `situation au ${frenchDate(data.meta.asOf)}`}`
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="generator" content="Plafond">
<title>${escapeHtml(title)}</title>
<style>
${REPORT_STYLES}
</style>
</head>
<body>
<a class="skip" href="#contenu">Aller au contenu</a>
<div class="page">
${masthead(data)}
<nav class="toc" aria-label="Sommaire"><ol>${toc}</ol></nav>
<main id="contenu">
${body}
</main>
<footer><p>Établi par Plafond à partir du journal des événements de l’accord-cadre, chaîné et vérifiable. Ce document ne contient ni script ni ressource externe ; ses chiffres sont repris, au centime, des projections du registre.</p></footer>
</div>
</body>
</html>
`
}

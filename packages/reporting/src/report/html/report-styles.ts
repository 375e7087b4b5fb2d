import { HOLDER_COLOURS } from './holder-shares.js'

// Colours of the French State's design system (DSFR): blue France and red Marianne as accents
// on white, greys for text. Every text colour keeps a contrast of at least 4.5:1 on white.
const HOLDER_PALETTE = ['#000091', '#417dc4', '#009081', '#b7a73f', '#a558a0', '#e4794a', '#7b7b7b']

const holderRules = HOLDER_PALETTE.slice(0, HOLDER_COLOURS)
  .map((colour, i) => `.k-holder-${i}{fill:${colour};background:${colour}}`)
  .join('\n')

/**
 * The report's one stylesheet: system fonts, a calm palette, charts that scale to the page, and
 * print rules for A4 (margins, a page per section, nothing cut inside a chart or a table row).
 */
export const REPORT_STYLES = `
:root{--blue:#000091;--blue-2:#6a6af4;--blue-3:#cacafb;--blue-4:#ececfe;--blue-5:#f5f5fe;--red:#c9191e;--red-2:#e1000f;--red-4:#fef4f4;--ink:#161616;--ink-2:#3a3a3a;--ink-3:#666666;--line:#dddddd;--track:#eeeeee}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#fff;color:var(--ink);font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Liberation Sans","DejaVu Sans",sans-serif;font-size:1rem;line-height:1.5;font-variant-numeric:tabular-nums}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
.page{max-width:60rem;margin:0 auto;padding:0 1.5rem 3rem}
a{color:var(--blue)}
.masthead{border-top:6px solid var(--blue);padding:1.25rem 0 .5rem}
.brand{margin:0;font-size:.8125rem;letter-spacing:.06em;text-transform:uppercase;color:var(--ink-3)}
.kicker{margin:.75rem 0 0;font-size:.9375rem;color:var(--blue);font-weight:600}
h1{margin:.25rem 0 .75rem;font-size:2rem;line-height:1.2;font-weight:700;max-width:46rem}
.meta{display:flex;flex-wrap:wrap;gap:.25rem 2rem;margin:0;font-size:.9375rem;color:var(--ink-2)}
.meta div{display:flex;gap:.375rem}
.meta dt{font-weight:600;color:var(--ink)}
.meta dd{margin:0}
.notice{margin:1.25rem 0 0;padding:.75rem 1rem;border-left:4px solid var(--red);background:var(--red-4);color:var(--ink)}
.notice p{margin:0}
.notice strong{color:var(--red)}
.toc{margin:1.5rem 0 0;padding:.75rem 0;border-top:1px solid var(--line);border-bottom:1px solid var(--line)}
.toc ol{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin:0;padding:0;list-style:none;font-size:.875rem}
.toc a{text-decoration:none}.toc a:hover{text-decoration:underline}
section{padding-top:2.25rem}
h2{margin:0 0 .75rem;padding-bottom:.375rem;border-bottom:2px solid var(--blue);font-size:1.5rem;line-height:1.25}
h3{margin:1.5rem 0 .5rem;font-size:1.125rem}
.lead{margin:0 0 1rem;max-width:48rem;font-size:1.0625rem;color:var(--ink-2)}
.muted{color:var(--ink-3)}
.cards{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:.75rem;margin:1rem 0 1.5rem;padding:0;list-style:none}
.card{padding:.75rem 1rem;border:1px solid var(--line);border-top:4px solid var(--blue-3);background:#fff}
.card.key{border-top-color:var(--blue);background:var(--blue-5)}
.card .label{display:block;font-size:.8125rem;font-weight:600;color:var(--ink-2);text-transform:uppercase;letter-spacing:.03em}
.card .value{display:block;margin-top:.125rem;font-size:1.75rem;line-height:1.2;font-weight:700;color:var(--blue)}
.card .exact{display:block;font-size:.875rem;color:var(--ink-2)}
.card .note{display:block;margin-top:.25rem;font-size:.8125rem;color:var(--ink-3)}
.stats{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:.75rem;margin:1rem 0;padding:0;list-style:none}
.stats li{padding:.5rem 0 .5rem 1rem;border-left:4px solid var(--blue-3)}
.stats .value{display:block;font-size:1.5rem;font-weight:700;color:var(--blue)}
.stats .late{border-left-color:var(--red)}.stats .late .value{color:var(--red)}
figure.chart{margin:1.25rem 0 1.75rem}
figure.chart figcaption{margin-bottom:.5rem;font-weight:700;font-size:1rem}
figure.chart svg{display:block;width:100%;height:auto;overflow:visible}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin:0 0 .75rem;padding:0;list-style:none;font-size:.8125rem;color:var(--ink-2)}
.legend li{display:flex;align-items:center;gap:.375rem}
.swatch{display:inline-block;width:.875rem;height:.875rem}
.swatch.line{height:3px;width:1.25rem}
.swatch.dash{height:0;width:1.25rem;border-top:2px dashed var(--ink-2);background:none!important}
.swatch.dash.k-maximum{border-top-color:var(--red)}
details.chart-data{margin-top:.5rem;font-size:.875rem}
details.chart-data summary,details.more summary{cursor:pointer;color:var(--blue)}
table{width:100%;margin:.5rem 0 1rem;border-collapse:collapse;font-size:.875rem}
caption{padding:.25rem 0 .5rem;text-align:left;font-weight:700;color:var(--ink)}
th,td{padding:.375rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{border-bottom:2px solid var(--ink-2);font-weight:600;vertical-align:bottom}
tbody th{font-weight:400}
tbody tr:nth-child(even){background:var(--blue-5)}
.num{text-align:right;white-space:nowrap}
.nowrap,td code{white-space:nowrap}
tfoot th,tfoot td{font-weight:700;border-top:2px solid var(--ink-2)}
code,.mono{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:.85em}
.notes dt{font-weight:700;margin-top:.5rem}.notes dd{margin:0 0 .25rem;color:var(--ink-2)}
footer{margin-top:3rem;padding-top:1rem;border-top:1px solid var(--line);font-size:.8125rem;color:var(--ink-3)}
svg text{font-family:inherit;font-size:13px;fill:var(--ink-2)}
svg .tick{font-size:12px;fill:var(--ink-3)}
svg .strong{font-weight:700;fill:var(--ink)}
svg .muted{fill:var(--ink-3)}
svg .row-label{font-size:13px;fill:var(--ink)}
svg .row-figure{font-size:13px;fill:var(--ink-2)}
svg .row-figure.high{fill:var(--red);font-weight:700}
svg .bar-value{font-size:12px;fill:var(--ink-2)}
svg .mono{font-family:ui-monospace,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:12px}
svg .grid{stroke:#e5e5e5;stroke-width:1}
svg .axis{stroke:var(--ink-2);stroke-width:1}
svg .lane{stroke:var(--line);stroke-width:1}
.k-committed{fill:var(--blue);background:var(--blue)}
.k-committed-high{fill:var(--red);background:var(--red)}
.k-paid{fill:var(--blue-2);background:var(--blue-2)}
.k-track{fill:var(--track);background:var(--track)}
.k-allocation{fill:var(--blue-4);background:var(--blue-4);stroke:var(--blue-3);stroke-width:1}
.k-estimate{background:none}
.k-maximum{fill:var(--red);background:var(--red)}
.k-band{fill:var(--blue-3);background:var(--blue-3)}
.k-remaining{fill:var(--red);background:var(--red);stroke:#fff;stroke-width:1.5}
.k-on-time{fill:var(--blue);background:var(--blue)}
.k-late{fill:var(--red);background:var(--red)}
.k-drift{fill:var(--blue);background:var(--blue)}
.k-drift-high{fill:var(--red);background:var(--red)}
.k-alert-estimate{fill:var(--blue);background:var(--blue)}
.k-alert-maximum{fill:var(--red);background:var(--red)}
.k-alert-allocation{fill:var(--blue-2);background:var(--blue-2)}
.k-ceiling{fill:var(--red);stroke:#fff;stroke-width:1.5}
.k-hhi{fill:var(--blue-2)}
.k-committed-area{fill:var(--blue-4)}
${holderRules}
svg circle[class^="k-alert"]{stroke:#fff;stroke-width:1.5}
.marker-estimate,.level-estimate{stroke:var(--ink-2);stroke-width:1.5;stroke-dasharray:6 4}
.marker-maximum,.level-maximum,.reference-drift{stroke:var(--red);stroke-width:2}
.reference-drift{stroke-dasharray:6 4}
svg .marker-label-estimate,svg .level-estimate-label{font-size:12px;fill:var(--ink-2);font-weight:600}
svg .marker-label-maximum,svg .level-maximum-label{font-size:12px;fill:var(--red);font-weight:600}
svg .marker-label-hhi{font-size:13px;font-weight:700;fill:var(--blue)}
svg .marker-note{font-size:12px;fill:var(--ink-3)}
.line-committed{fill:none;stroke:var(--blue);stroke-width:2.5;stroke-linejoin:round}
.line-paid{fill:none;stroke:var(--blue-2);stroke-width:2;stroke-linejoin:round}
.line-remaining{fill:none;stroke:var(--red);stroke-width:1.5}
.forecast-band{fill:var(--blue-3);fill-opacity:.55}
.forecast-central{fill:none;stroke:var(--blue);stroke-width:1.5;stroke-dasharray:5 4}
.forecast-mark{fill:#fff;stroke:var(--blue);stroke-width:2}
svg .forecast-label,svg .level-estimate-label,svg .level-maximum-label,svg .marker-note{paint-order:stroke;stroke:#fff;stroke-width:4px;stroke-linejoin:round}
svg .forecast-label{font-size:12px;fill:var(--blue);font-weight:600}
.validity-end,.situation{stroke:var(--ink-3);stroke-width:1;stroke-dasharray:2 3}
.equal-share{stroke:var(--ink-2);stroke-width:1.5;stroke-dasharray:3 3}
.hhi-marker{fill:var(--blue)}
@page{size:A4;margin:14mm 12mm 16mm}
@media print{
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-size:10pt}
.page{max-width:none;padding:0}
.toc,details.chart-data,.skip{display:none}
section{padding-top:0}
section+section{break-before:page}
h2,h3,figcaption{break-after:avoid}
figure.chart,.cards,.stats,tr{break-inside:avoid}
a{color:inherit;text-decoration:none}
}
@media (max-width:40rem){.cards,.stats{grid-template-columns:1fr 1fr}h1{font-size:1.5rem}}
`.trim()

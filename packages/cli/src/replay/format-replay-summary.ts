import type { Refusal, ReplaySummary } from './replay-tally.js'

function refusalLine(refusal: Refusal): string {
  const before = refusal.replayed ? ' (refused before, returned again)' : ''
  return `    line ${refusal.line}  ${refusal.commandId}  ${refusal.type}${before}: ${refusal.message}`
}

/** The replay's summary as a person reads it: counts, the head, and every refusal by code. */
export function formatReplaySummary(summary: ReplaySummary): string {
  const rate = summary.seconds > 0 ? Math.round(summary.processed / summary.seconds) : 0
  const lines: string[] = []
  if (summary.interrupted) {
    lines.push(
      `Stopped after ${summary.processed} of ${summary.commands} commands from ${summary.file} (interrupted), into ${summary.store}.`,
      `Run the same command again to resume: the commands recorded are replayed, not written twice.`,
    )
  } else {
    lines.push(
      `Replayed ${summary.commands} commands from ${summary.file} into ${summary.store} in ${summary.seconds.toFixed(1)} s (${rate} commands/s).`,
    )
  }
  const width = String(summary.processed).length
  const count = (n: number): string => String(n).padStart(width)
  lines.push(
    `  applied   ${count(summary.applied)}  wrote ${summary.eventsWritten} events`,
    `  replayed  ${count(summary.replayed)}  already recorded (by an earlier run, or earlier in the file): nothing written`,
    `  refused   ${count(summary.refused)}  refused by the ledger's rules: nothing written`,
  )
  if (summary.replayed === summary.processed && summary.processed > 0) {
    lines.push('Nothing new: every command was already recorded.')
  }
  lines.push(
    summary.head === null
      ? 'The log is empty.'
      : `Head of the log: position ${summary.head.position}, hash ${summary.head.hash}`,
  )
  const codes = Object.keys(summary.refusalsByCode).sort()
  if (codes.length > 0) {
    lines.push('', `Refused commands (${summary.refusals.length}), by code:`)
    for (const code of codes) {
      lines.push(`  ${code} ×${summary.refusalsByCode[code]}`)
      for (const refusal of summary.refusals)
        if (refusal.code === code) lines.push(refusalLine(refusal))
    }
  }
  return `${lines.join('\n')}\n`
}

import { execFileSync } from 'node:child_process'
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os'

/** Where and on what the figures were measured. */
export interface MachineInfo {
  readonly cpu: string
  readonly cores: number
  readonly memoryGiB: number
  readonly os: string
  readonly node: string
  /** The commit measured, with `+dirty` when the working tree had changes. */
  readonly commit: string
}

/** Describes this machine and checkout. */
export function machineInfo(): MachineInfo {
  let commit = 'unknown'
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()
    const dirty =
      execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
        encoding: 'utf8',
      }).trim() !== ''
    commit = `${head}${dirty ? '+dirty' : ''}`
  } catch {
    // Not a git checkout: the figures stand without a commit.
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    commit,
  }
}

/** The 1-minute load average, rounded: how busy the machine was. */
export function loadAverage(): number {
  return Math.round(loadavg()[0]! * 100) / 100
}

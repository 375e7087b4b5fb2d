// The entry point of a workload process: `run-workload.ts NAME OPTIONS_JSON`. The runner starts
// one per workload (or per run, where peak memory is measured), so that no workload inherits
// another's heap, JIT state or garbage.
import { isWorkloadName, WORKLOADS } from './workload-registry.js'

const [name, json] = process.argv.slice(2)
if (name === undefined || !isWorkloadName(name)) {
  throw new Error(
    `Expected a workload name (${Object.keys(WORKLOADS).join(', ')}), found ${JSON.stringify(name)}.`,
  )
}
const run = WORKLOADS[name] as (options: unknown) => Promise<void>
await run(JSON.parse(json ?? '{}') as unknown)

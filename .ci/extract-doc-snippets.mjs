#!/usr/bin/env node
// Writes every ```ts block of README.md, docs/**/*.md and packages/*/README.md into
// examples/doc-snippets/generated/, one module per block, for `tsc` to compile. A block whose
// first line is `// not compiled: <why>` is skipped.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const out = join(root, 'examples/doc-snippets/generated')

function markdownFiles(dir) {
  const found = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) found.push(...markdownFiles(path))
    else if (name.endsWith('.md')) found.push(path)
  }
  return found
}

const sources = [join(root, 'README.md'), ...markdownFiles(join(root, 'docs'))]
for (const pkg of readdirSync(join(root, 'packages'))) {
  const readme = join(root, 'packages', pkg, 'README.md')
  try {
    statSync(readme)
    sources.push(readme)
  } catch {
    // A package without a README has no samples.
  }
}

rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
let count = 0
for (const source of sources) {
  const text = readFileSync(source, 'utf8')
  const blocks = [...text.matchAll(/^```ts\n([\s\S]*?)^```/gm)]
  blocks.forEach((match, index) => {
    const code = match[1]
    if (code.startsWith('// not compiled:')) return
    const name = `${relative(root, source).replace(/[^A-Za-z0-9]+/g, '-')}-${index + 1}.ts`
    writeFileSync(
      join(out, name),
      `// From ${relative(root, source)}, sample ${index + 1}.\n${code}\nexport {}\n`,
    )
    count += 1
  })
}
console.log(`doc snippets: ${count} TypeScript samples extracted from ${sources.length} files`)

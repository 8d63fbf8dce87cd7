// The preview's HTML of a module body, compiled block by block. A trainer's keystroke changes one top-level block
// (a heading, a paragraph, one <Case>…</Case>); compiling the whole body with mdx-bundler on every edit cost
// ~26 ms of CPU for the longest module, most of it re-parsing and re-bundling text that did not change. MDX
// renders top-level blocks one after another with a newline between them, so each block's HTML is kept by its
// text and only new blocks are compiled (by @mdx-js/mdx, the compiler inside the importer's mdx-bundler) and
// rendered by the importer's renderer.
// tests/integration/studio-preview-blocks.test.ts checks that the joined blocks give the very HTML of the whole
// compile for every module of content/. Bodies whose blocks refer to each other (link reference definitions,
// footnotes, import/export), with a thematic break, or that do not parse are compiled whole, as before.
import type { Language } from '~/i18n/catalog'
import { compile, run } from '@mdx-js/mdx'
import * as jsxRuntime from 'react/jsx-runtime'
import { compileModule } from '../content/compile.server'
import { parseModuleBody, type TreeNode } from '../content/mdx-analysis.server'
import { renderBodyHtml, renderModuleHtml } from '../content/render.server'

type Html = Record<Language, string>

// a thematic break alone ('---') would be read as frontmatter by mdx-bundler when compiled as a block of its own
const COMPILED_WHOLE = new Set(['definition', 'footnoteDefinition', 'mdxjsEsm', 'thematicBreak'])
const KEPT_BLOCKS = 2000

const rendered = new Map<string, Promise<Html>>()

function renderBlock(text: string): Promise<Html> {
  const known = rendered.get(text)
  if (known) return known
  if (rendered.size >= KEPT_BLOCKS) rendered.clear()
  const html = compileBlock(text)
  rendered.set(text, html)
  // a block that fails is not kept: the whole compile reports why
  html.catch(() => rendered.delete(text))
  return html
}

/**
 * One block through @mdx-js/mdx itself — the compiler mdx-bundler runs inside esbuild, with the same options
 * (mdx-bundler's frontmatter plugins do nothing to a block without frontmatter) — evaluated without esbuild's
 * bundling, whose set-up cost ~20 ms of CPU per block.
 */
async function compileBlock(text: string): Promise<Html> {
  const code = String(await compile(text, { outputFormat: 'function-body' }))
  const { default: Body } = await run(code, { ...jsxRuntime, baseUrl: import.meta.url })
  return renderBodyHtml(Body as Parameters<typeof renderBodyHtml>[0])
}

/** The top-level blocks' texts, or null when the body must be compiled whole. */
export function blocksOf(body: string): string[] | null {
  let tree: TreeNode
  try {
    tree = parseModuleBody(body)
  } catch {
    return null
  }
  const blocks: string[] = []
  for (const node of tree.children ?? []) {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (COMPILED_WHOLE.has(node.type) || start === undefined || end === undefined) return null
    blocks.push(body.slice(start, end))
  }
  return blocks
}

async function wholeBody(body: string): Promise<Html> {
  return renderModuleHtml(await compileModule(body))
}

/** The module body as clerks will see it, per language; throws the compiler's error when it does not compile. */
export async function previewHtml(body: string): Promise<Html> {
  const blocks = blocksOf(body)
  if (!blocks || blocks.length === 0) return wholeBody(body)
  let parts: Html[]
  try {
    parts = await Promise.all(blocks.map(renderBlock))
  } catch {
    return wholeBody(body)
  }
  const joined = {} as Html
  for (const language of Object.keys(parts[0]) as Language[]) joined[language] = parts.map((p) => p[language]).join('\n')
  return joined
}

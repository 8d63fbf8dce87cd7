// Reads a module's MDX body as a syntax tree: syntax errors, unknown components and attributes, quiz
// references and links to other modules, each with its line in the file.
import { createProcessor } from '@mdx-js/mdx'
import { MDX_COMPONENTS, isKnownComponent } from '~/core/content/mdx-components'
import type { ContentProblem } from '~/core/content/problems'
import { isSafeContentUrl } from '~/core/content/safe-content'

export interface Located<T> {
  value: T
  line: number
  column: number
}

export interface ModuleBodyFacts {
  problems: ContentProblem[]
  quizRefs: Located<string>[]
  links: Located<string>[]
  components: string[]
  /** Pictures as written: ![alt](url). */
  images: Located<{ url: string; alt: string }>[]
  /** <StarLevel level="N"> blocks with their plain text, compared with stars.yaml by content:check. */
  starLevels: Located<{ level: string; text: string }>[]
}

export interface TreeNode {
  type: string
  name?: string | null
  url?: string
  alt?: string | null
  value?: unknown
  attributes?: Array<{ type: string; name?: string; value?: unknown }>
  position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } }
  children?: TreeNode[]
}

const processor = createProcessor({})

// The studio's preview splits the body it has just checked into blocks (studio/preview-blocks): the last tree
// parsed is kept so the body is parsed once per edit, not twice. Trees are read, never changed, by both.
let lastParsed: { body: string; tree: TreeNode } | null = null

/** The body's MDX syntax tree (top-level nodes carry offsets); throws the parser's error when it does not parse. */
export function parseModuleBody(body: string): TreeNode {
  if (lastParsed?.body === body) return lastParsed.tree
  const tree = processor.parse(body) as unknown as TreeNode
  lastParsed = { body, tree }
  return tree
}

/** The text under a node (Markdown and inline code values), without the markup. */
function plainText(node: TreeNode): string {
  const own = node.type === 'text' || node.type === 'inlineCode' ? String(node.value ?? '') : ''
  return own + (node.children ?? []).map(plainText).join('')
}

/**
 * Where the parser's error is: its own line and column, or else the first "line:column" its reason names
 * (an unclosed tag is only noticed at the end of the body, and the error then carries no place of its own).
 */
function errorPlace(e: { line?: number; column?: number; reason?: string; message?: string }): { line: number; column: number } {
  if (typeof e.line === 'number' && e.line > 0) return { line: e.line, column: e.column ?? 1 }
  const named = /\((\d+):(\d+)(?:-\d+:\d+)?\)/.exec(String(e.reason ?? e.message ?? ''))
  return named ? { line: Number(named[1]), column: Number(named[2]) } : { line: 1, column: 1 }
}

// The studio re-checks a course folder on every edit of one module: the others' bodies parse once, not per keystroke.
const analysed = new Map<string, ModuleBodyFacts>()

export function analyseModuleBody(file: string, body: string, firstLine: number): ModuleBodyFacts {
  const key = `${file}\u0000${firstLine}\u0000${body}`
  const known = analysed.get(key)
  if (known) return structuredClone(known)
  const facts = analyseModuleBodyOnce(file, body, firstLine)
  if (analysed.size >= 300) analysed.clear()
  analysed.set(key, structuredClone(facts))
  return facts
}

function analyseModuleBodyOnce(file: string, body: string, firstLine: number): ModuleBodyFacts {
  const facts: ModuleBodyFacts = { problems: [], quizRefs: [], links: [], components: [], images: [], starLevels: [] }
  const at = (node: TreeNode) => ({
    line: (node.position?.start.line ?? 1) + firstLine - 1,
    column: node.position?.start.column ?? 1,
  })
  const problem = (node: TreeNode, code: ContentProblem['code'], params: ContentProblem['params']) =>
    facts.problems.push({ file, ...at(node), code, params })

  let tree: TreeNode
  try {
    tree = parseModuleBody(body)
  } catch (error) {
    const e = error as { line?: number; column?: number; reason?: string; message?: string }
    const { line, column } = errorPlace(e)
    facts.problems.push({
      file,
      line: line + firstLine - 1,
      column,
      code: 'mdx-syntax',
      // The parser's reason names body positions ("(9:1-9:6)"); shift them to file lines as well.
      params: { reason: String(e.reason ?? e.message ?? error).replace(/\b(\d+):(\d+)\b/g, (_, l: string, c: string) => `${Number(l) + firstLine - 1}:${c}`) },
    })
    return facts
  }

  const visit = (node: TreeNode) => {
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') checkElement(node)
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression' || node.type === 'mdxjsEsm') {
      problem(node, 'mdx-syntax', { reason: 'expressions, import and export are not allowed in modules / 模块中不允许 {…} 表达式和 import/export' })
    }
    if (typeof node.url === 'string' && !isSafeContentUrl(node.url)) problem(node, 'unsafe-link', { href: node.url })
    else if (node.type === 'link' && node.url?.startsWith('/')) facts.links.push({ value: node.url, ...at(node) })
    if (node.type === 'image') facts.images.push({ value: { url: node.url ?? '', alt: node.alt ?? '' }, ...at(node) })
    node.children?.forEach(visit)
  }

  const checkElement = (node: TreeNode) => {
    const name = node.name ?? ''
    if (!/^[A-Z]/.test(name) || !isKnownComponent(name)) {
      problem(node, 'unknown-component', { name: name || '(fragment)', known: Object.keys(MDX_COMPONENTS).join(', ') })
      return
    }
    facts.components.push(name)
    const rule = MDX_COMPONENTS[name]
    const given = new Map<string, unknown>()
    for (const attribute of node.attributes ?? []) {
      if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
        problem(node, 'attribute-expression', { name, attribute: '{…}' })
        continue
      }
      if (typeof attribute.value !== 'string') problem(node, 'attribute-expression', { name, attribute: attribute.name })
      else if (![...rule.required, ...rule.optional].includes(attribute.name)) problem(node, 'attribute-unknown', { name, attribute: attribute.name })
      given.set(attribute.name, attribute.value)
    }
    for (const required of rule.required) {
      if (typeof given.get(required) !== 'string' || !(given.get(required) as string).trim()) problem(node, 'attribute-missing', { name, attribute: required })
    }
    if (name === 'QuizLink' && typeof given.get('id') === 'string') facts.quizRefs.push({ value: given.get('id') as string, ...at(node) })
    if (name === 'StarLevel' && typeof given.get('level') === 'string') facts.starLevels.push({ value: { level: given.get('level') as string, text: plainText(node) }, ...at(node) })
  }

  visit(tree)
  return facts
}

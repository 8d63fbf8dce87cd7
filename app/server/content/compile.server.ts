// Compiles a module's MDX body to the code the page runs (mdx-bundler/esbuild). Only the importer calls it:
// a page view never compiles.
import { bundleMDX } from 'mdx-bundler'
import { mediaPath } from '~/core/content/media-path'

/** A picture the body refers to, as the importer stores it. */
export interface CompiledImage {
  url: string
  hash: string
  mime: string
  width: number | null
  height: number | null
}

interface MarkdownNode {
  type: string
  url?: string
  data?: { hProperties?: Record<string, unknown> }
  children?: MarkdownNode[]
}

/** Points each ![alt](images/…) at its stored copy and gives it a size, so the page reserves its space. */
function remarkImageSources(images: readonly CompiledImage[]) {
  const byUrl = new Map(images.map((image) => [image.url, image]))
  return () => (tree: MarkdownNode) => {
    const visit = (node: MarkdownNode) => {
      const image = node.type === 'image' && node.url ? byUrl.get(node.url) : undefined
      if (image) {
        node.url = mediaPath(image.hash, image.mime)
        node.data = {
          ...node.data,
          hProperties: { ...(image.width && image.height ? { width: image.width, height: image.height } : {}), loading: 'lazy', decoding: 'async' },
        }
      }
      node.children?.forEach(visit)
    }
    visit(tree)
  }
}

export async function compileModule(body: string, images: readonly CompiledImage[] = []): Promise<string> {
  const { code } = await bundleMDX({
    source: body,
    mdxOptions: (options) => ({ ...options, remarkPlugins: [...(options.remarkPlugins ?? []), remarkImageSources(images)] }),
    esbuildOptions: (options) => ({ ...options, minify: true, target: ['es2020'] }),
  })
  return code
}

/** Compiles many modules, a few at a time (esbuild is a separate process; unbounded fan-out gains nothing). */
export async function compileAll<T extends { body: string; images?: readonly CompiledImage[] }>(modules: readonly T[], parallel = 4): Promise<Map<T, string>> {
  const results = new Map<T, string>()
  let next = 0
  async function worker() {
    while (next < modules.length) {
      const module = modules[next++]
      results.set(module, await compileModule(module.body, module.images ?? []))
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, modules.length) }, worker))
  return results
}

// Compiles a module's MDX body to the code the page runs (mdx-bundler/esbuild). Only the importer calls it:
// a page view never compiles.
import { bundleMDX } from 'mdx-bundler'

export async function compileModule(body: string): Promise<string> {
  const { code } = await bundleMDX({
    source: body,
    esbuildOptions: (options) => ({ ...options, minify: true, target: ['es2020'] }),
  })
  return code
}

/** Compiles many modules, a few at a time (esbuild is a separate process; unbounded fan-out gains nothing). */
export async function compileAll<T extends { body: string }>(modules: readonly T[], parallel = 4): Promise<Map<T, string>> {
  const results = new Map<T, string>()
  let next = 0
  async function worker() {
    while (next < modules.length) {
      const module = modules[next++]
      results.set(module, await compileModule(module.body))
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, modules.length) }, worker))
  return results
}

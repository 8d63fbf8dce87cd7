// Renders a compiled module. The compiled function is cached by version id: built once per process/tab.
import { getMDXComponent } from 'mdx-bundler/client/index.js'
import { MDX_UI } from './components'

type Compiled = ReturnType<typeof getMDXComponent>
const cache = new Map<string, Compiled>()
const CACHE_LIMIT = 500

function componentFor(versionId: string, code: string): Compiled {
  let component = cache.get(versionId)
  if (!component) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
    component = getMDXComponent(code)
    cache.set(versionId, component)
  }
  return component
}

export function ModuleBody({ versionId, code }: { versionId: string; code: string }) {
  const Body = componentFor(versionId, code)
  return (
    <div className="prose">
      <Body components={MDX_UI} />
    </div>
  )
}

// The arguments content:check and content:import share: an optional folder and --lang zh-CN|en.
import type { ProblemLanguage } from '~/core/content/problems'

export function contentArgs(argv: string[]): { root: string; language: ProblemLanguage } {
  let language: ProblemLanguage = 'zh-CN'
  const rest: string[] = []
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang') {
      const value = argv[++i]
      if (value !== 'en' && value !== 'zh-CN' && value !== 'zh') throw new Error(`--lang takes zh-CN or en, not ${value}`)
      language = value === 'en' ? 'en' : 'zh-CN'
    } else if (argv[i].startsWith('--lang=')) {
      language = argv[i].endsWith('=en') ? 'en' : 'zh-CN'
    } else rest.push(argv[i])
  }
  return { root: rest[0] ?? 'content', language }
}

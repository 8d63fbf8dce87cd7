// `npm run content:check [-- <dir>] [--lang en]`: every problem as path:line:column: reason, or the summary.
import { formatProblem } from '~/core/content/problems'
import { checkContent } from '~/server/content/check.server'
import { summarise } from '~/server/content/summary.server'
import { contentArgs } from './content-args'
import { textTable } from './text-table'

const { root, language } = contentArgs(process.argv.slice(2))
const { problems, content } = checkContent(root, language)
if (problems.length) {
  for (const problem of problems) console.error(formatProblem(problem, language))
  console.error(language === 'en' ? `\n${problems.length} problem(s); nothing can be imported.` : `\n共 ${problems.length} 个问题；修正之前不能导入。`)
  process.exit(1)
}
const rows = summarise(content).map((s) => [s.course, String(s.modules), String(s.minutes), String(s.quizItems), String(s.scenarios)])
const header = language === 'en' ? ['course', 'modules', 'minutes', 'quiz items', 'scenarios'] : ['课程', '模块', '阅读分钟', '测验题', '情景']
console.log(textTable(header, rows))
console.log(language === 'en' ? '\nno problems: every module and scenario cites its sources.' : '\n没有问题：每个模块和情景都注明了来源。')

// Writes a generated, valid content tree (courses × modules of ~1500-character Chinese MDX, one quiz per course) for import benchmarks.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const SENTENCES = [
  '客户走进营业厅，第一眼看到的是你的仪表和神态，而不是系统和套餐。',
  '统一着装、挂牌上岗是硬性要求，检查时按项扣分，不看当天忙不忙。',
  '首问负责制要求第一个接待客户的员工把问题接住，查清事实，不推诿给别的窗口。',
  '业务解释要一次讲清楚：费用、生效时间、需要客户自己做的事情，都要主动告知。',
  '客户情绪激动时，先致歉、再倾听，不要急着解释规定，更不要和客户争辩。',
  '递接证件和单据时双手递接，文字正面朝向客户，笔尖朝向自己。',
  '叫号后客户走近柜台，起身或点头示意，微笑问候，请客户就座。',
  '办理过程中需要离开座位，先向客户说明原因和大约需要的时间，请客户稍等。',
  '办理结束后确认客户没有其他需要，提醒客户带好证件和随身物品，礼貌道别。',
  '厅堂环境每天至少巡视三次，地面、台面、宣传资料保持整洁，一米线清晰可见。',
  '排队人数较多时，引导员主动分流，能在自助终端办理的业务引导客户自助办理。',
  '电话回访要在约定时间内完成，开头说明身份和来意，结束前确认问题是否解决。',
  '遇到不清楚的业务，先向客户说明会帮他问清楚，再请教同事或值班经理。',
  '涉及费用的争议，先查记录、再解释依据，确实是我方差错的，当场认错并说明补救办法。',
  '老年客户办理业务时放慢语速，必要时写下关键信息，耐心确认客户已经听懂。',
  '明查暗访会记录每一个环节的表现，平时怎么做，检查时就是什么样子。',
]

const SCRIPTS = [
  ['不知道，问别人去。', '这个问题我帮您问清楚，请稍等。'],
  ['你问我工号干什么？', '真抱歉，是我疏忽了。我是3号窗口营业员，工牌我现在就戴好。'],
  ['下班了，明天再来。', '今天的业务我们办到最后一位客户，请您把材料给我。'],
]

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]

function paragraph(seed: number, sentences: number): string {
  return Array.from({ length: sentences }, (_, i) => pick(SENTENCES, seed * 7 + i * 3)).join('')
}

function moduleBody(course: string, quiz: string, c: number, m: number, next: string | null): string {
  const s = c * 100 + m
  const [bad, good] = pick(SCRIPTS, s)
  return `这是第${c + 1}门课程的第${m + 1}个模块。${paragraph(s, 4)}

## 为什么要这样做

${paragraph(s + 1, 5)}

<Case title="营业厅里的真实情况（${c + 1}-${m + 1}）">

**发生了什么：** ${paragraph(s + 2, 3)}

**哪里出了问题：** ${paragraph(s + 3, 2)}

**规则：** ${paragraph(s + 4, 2)}

</Case>

## 按步骤做

<Steps>

1. ${pick(SENTENCES, s + 5)}
2. ${pick(SENTENCES, s + 6)}
3. ${pick(SENTENCES, s + 7)}
4. ${pick(SENTENCES, s + 8)}

</Steps>

${paragraph(s + 9, 4)}

<Script bad="${bad}" good="${good}"/>

<Tip>${pick(SENTENCES, s + 10)}</Tip>

## 常见问题

${paragraph(s + 12, 6)}

## 小结

${paragraph(s + 11, 4)}
${next ? `\n下一课：[下一个模块](/learn/${course}/${next})\n` : ''}
<QuizLink id="${quiz}"/>
`
}

function moduleFile(course: string, slug: string, quiz: string, c: number, m: number, next: string | null): string {
  return `---
id: ${slug}
title: { zh: 生成的模块 ${c + 1}-${m + 1}, en: "Generated module ${c + 1}-${m + 1}" }
minutes: 7
version: 1
objectives:
  - 说出本模块的服务规范要求，以及它们为什么会被检查和打分
  - 遇到客户不满时，能先认错、再说明、最后当场纠正
sources:
  - seed: 000_70bcd773849c5a89.txt
    quote: 二是实行统一着装,挂牌上岗,规范服务礼仪
  - common: 行业通行做法：生成内容，仅用于基准测试
quizzes: [${quiz}]
---

${moduleBody(course, quiz, c, m, next)}`
}

function quizFile(id: string, course: string, modules: string[]): string {
  const items = modules.slice(0, 3).map(
    (module, i) => `  - id: q${i + 1}
    type: single
    module: ${module}
    points: 1
    prompt: 上岗前发现工牌丢了，正确的做法是？
    options:
      - { id: a, text: 先不戴，客户一般不会注意, feedback: 挂牌上岗是硬性要求。 }
      - { id: b, text: 报告值班经理补办后再上岗, correct: true, feedback: 先补办再上岗。 }`,
  )
  return `id: ${id}
title: { zh: 生成的测验, en: Generated quiz }
course: ${course}
modules: [${modules.join(', ')}]
passMark: 60
attemptsAllowed: 2
minDelayMinutes: 10
timeLimitMinutes: 15
shuffle: true
items:
${items.join('\n')}
`
}

/** Writes `courses` courses of `modulesPerCourse` modules each under `root`; returns the module count. */
export function writeGeneratedContent(root: string, courses: number, modulesPerCourse: number): number {
  mkdirSync(path.join(root, 'quizzes'), { recursive: true })
  mkdirSync(path.join(root, 'phrases'), { recursive: true })
  copyFileSync('content/phrases/forbidden.yaml', path.join(root, 'phrases', 'forbidden.yaml'))
  for (let c = 0; c < courses; c++) {
    const course = `gen-course-${c + 1}`
    const quiz = `${course}-quiz`
    const slugs = Array.from({ length: modulesPerCourse }, (_, m) => `module-${m + 1}`)
    const dir = path.join(root, 'courses', course)
    mkdirSync(dir, { recursive: true })
    writeFileSync(
      path.join(dir, 'course.yaml'),
      `id: ${course}
title: { zh: 生成的课程 ${c + 1}, en: Generated course ${c + 1} }
summary:
  zh: 用于导入基准测试的生成课程，内容仿照营业厅服务规范。
  en: A generated course for the import benchmark.
audience: [clerk, mentor, trainer, manager]
modules: [${slugs.join(', ')}]
quizzes: [${quiz}]
`,
    )
    slugs.forEach((slug, m) => writeFileSync(path.join(dir, `${slug}.mdx`), moduleFile(course, slug, quiz, c, m, slugs[m + 1] ?? null)))
    writeFileSync(path.join(root, 'quizzes', `${quiz}.yaml`), quizFile(quiz, course, slugs))
  }
  return courses * modulesPerCourse
}

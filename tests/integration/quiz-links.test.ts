// A quiz covers several modules: its "去做测验" link sits on the last of them only, so module 1 does not send a
// clerk to a quiz on modules she has not read yet.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { checkContent } from '~/server/content/check.server'

const { content } = checkContent('content')
const quizzes = new Map(content.quizzes.map(({ quiz }) => [quiz.id, quiz]))
const links = readdirSync('content/courses').flatMap((course) =>
  readdirSync(path.join('content/courses', course))
    .filter((file) => file.endsWith('.mdx'))
    .flatMap((file) =>
      [...readFileSync(path.join('content/courses', course, file), 'utf8').matchAll(/<QuizLink id="([^"]+)"/g)].map((m) => ({
        module: file.slice(0, -'.mdx'.length),
        quiz: m[1],
      })),
    ),
)

it('the content has quiz links to check', () => expect(links.length).toBeGreaterThanOrEqual(quizzes.size))

it.each(links)('$quiz is linked from $module, the last module it covers', ({ module, quiz }) =>
  expect(quizzes.get(quiz)?.modules.at(-1)).toBe(module),
)

it('every quiz is linked from its last module', () => {
  for (const quiz of quizzes.values()) expect(links, quiz.id).toContainEqual({ module: quiz.modules.at(-1), quiz: quiz.id })
})

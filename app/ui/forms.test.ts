// The form field is one shared component (issue 12): its label names the control, its error line (always there, so
// the layout does not jump) is tied to the field's error id; and no form writes a conform field's label by hand.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { Field } from './forms'

const field = { id: 'f-name', errorId: 'f-name-error' }
const render = (errors?: string[]) =>
  renderToStaticMarkup(createElement(Field, { field, label: '姓名', errors, children: createElement('input', { id: field.id, name: 'name', 'aria-describedby': field.errorId }) }))

it.each([
  { case: 'no error: the line is there, empty, not an alert', errors: undefined, error: '<p id="f-name-error" class="field-error"></p>' },
  { case: 'errors: written beside the field as an alert', errors: ['请填写姓名', '最多 20 个字'], error: '<p id="f-name-error" class="field-error" role="alert">请填写姓名 最多 20 个字</p>' },
])('$case', ({ errors, error }) => {
  expect(render(errors)).toBe(`<div class="field"><label for="f-name">姓名</label><input id="f-name" name="name" aria-describedby="f-name-error"/>${error}</div>`)
})

it('no form writes the label of a conform field by hand (every such field is a Field)', () => {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', 'app'], { encoding: 'utf8' })
    .split('\0')
    .filter((file) => file.endsWith('.tsx') && file !== 'app/ui/forms.tsx')
  const byHand = files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (/<label htmlFor=\{fields\.\w+\.id\}>/.test(line) ? [`${file}:${i + 1}`] : [])),
  )
  expect(byHand).toEqual([])
})

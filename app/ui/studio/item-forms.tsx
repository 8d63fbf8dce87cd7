// One form per item type, listed once in ITEM_FORMS: keyed by the item registry, so a new item type does not
// compile until it has its form here. Field names follow the importer's schema (item.options[0].text …), parsed on
// the server by conform with that very schema.
import { useField, type FieldMetadata } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import type { ItemKind, QuizItem } from '~/core/quiz/registry'
import { CheckField, NumberField, RowList, SelectField, TextField, TextList } from './item-fields'

type ItemOf<K extends ItemKind> = Extract<QuizItem, { type: K }>

/** id, type, points and module: every type has them. */
function BaseFields() {
  const { t } = useTranslation()
  const [item] = useField<{ id: string; type: string; points: number; module?: string }>('item')
  const fields = item.getFieldset()
  return (
    <div className="item-base">
      <input type="hidden" name={fields.type.name} value={fields.type.initialValue ?? ''} />
      <TextField field={fields.id} label={t('items.form.id')} />
      <NumberField field={fields.points} label={t('items.form.points')} />
      <TextField field={fields.module} label={t('items.form.module')} />
    </div>
  )
}

function ChoiceForm({ multiple }: { multiple: boolean }) {
  const { t } = useTranslation()
  const [item] = useField<ItemOf<'multiple'>>('item')
  const fields = item.getFieldset()
  return (
    <>
      <BaseFields />
      {multiple ? (
        <SelectField
          field={fields.scoring}
          label={t('items.form.scoring')}
          options={[
            { value: 'partial', label: t('items.form.scoringPartial') },
            { value: 'all-or-nothing', label: t('items.form.scoringAll') },
          ]}
        />
      ) : null}
      <TextField field={fields.prompt} label={t('items.form.prompt')} long />
      <RowList
        list={fields.options}
        legend={multiple ? t('items.form.optionsMultiple') : t('items.form.optionsSingle')}
        addLabel={t('items.form.addOption')}
        newRow={{ id: '', text: '', feedback: '' }}
        row={(option) => {
          const o = option.getFieldset()
          return (
            <div className="item-row-fields">
              <TextField field={o.id} label={t('items.form.optionId')} />
              <TextField field={o.text} label={t('items.form.optionText')} />
              <CheckField field={o.correct} label={t('items.form.correct')} />
              <TextField field={o.feedback} label={t('items.form.optionFeedback')} />
            </div>
          )
        }}
      />
      <TextField field={fields.feedback} label={t('items.form.feedbackOptional')} long />
    </>
  )
}

function OrderingForm() {
  const { t } = useTranslation()
  const [item] = useField<ItemOf<'ordering'>>('item')
  const fields = item.getFieldset()
  return (
    <>
      <BaseFields />
      <TextField field={fields.prompt} label={t('items.form.prompt')} long />
      <RowList
        list={fields.entries}
        legend={t('items.form.entries')}
        addLabel={t('items.form.addEntry')}
        newRow={{ id: '', text: '' }}
        row={(entry, index) => {
          const e = entry.getFieldset()
          return (
            <div className="item-row-fields">
              <TextField field={e.id} label={t('items.form.entryId', { number: index + 1 })} />
              <TextField field={e.text} label={t('items.form.entryText')} />
            </div>
          )
        }}
      />
      <TextField field={fields.feedback} label={t('items.form.feedback')} long />
    </>
  )
}

function MatchingForm() {
  const { t } = useTranslation()
  const [item] = useField<ItemOf<'matching'>>('item')
  const fields = item.getFieldset()
  return (
    <>
      <BaseFields />
      <TextField field={fields.prompt} label={t('items.form.prompt')} long />
      <RowList
        list={fields.pairs}
        legend={t('items.form.pairs')}
        addLabel={t('items.form.addPair')}
        newRow={{ id: '', left: '', right: '' }}
        row={(pair) => {
          const p = pair.getFieldset()
          return (
            <div className="item-row-fields">
              <TextField field={p.id} label={t('items.form.pairId')} />
              <TextField field={p.left} label={t('items.form.left')} />
              <TextField field={p.right} label={t('items.form.right')} />
            </div>
          )
        }}
      />
      <TextField field={fields.feedback} label={t('items.form.feedback')} long />
    </>
  )
}

type ElementFields = FieldMetadata<{ says: string; examples: string[] }>

function ElementList({ list, legend }: { list: FieldMetadata<Array<{ says: string; examples: string[] }> | undefined>; legend: string }) {
  const { t } = useTranslation()
  return (
    <RowList
      list={list}
      legend={legend}
      addLabel={t('items.form.addElement')}
      newRow={{ says: '', examples: [''] }}
      row={(element: ElementFields) => {
        const e = element.getFieldset()
        return (
          <div className="item-row-fields">
            <TextField field={e.says} label={t('items.form.says')} />
            <TextList list={e.examples} legend={t('items.form.examples')} addLabel={t('items.form.addExample')} label={t('items.form.example')} />
          </div>
        )
      }}
    />
  )
}

function TextForm() {
  const { t } = useTranslation()
  const [item] = useField<ItemOf<'text'>>('item')
  const fields = item.getFieldset()
  return (
    <>
      <BaseFields />
      <TextField field={fields.prompt} label={t('items.form.prompt')} long />
      <ElementList list={fields.elements} legend={t('items.form.elements')} />
      <ElementList list={fields.avoid} legend={t('items.form.avoid')} />
      <RowList
        list={fields.required}
        legend={t('items.form.required')}
        addLabel={t('items.form.addGroup')}
        newRow={['']}
        row={(group) => <TextList list={group} legend={t('items.form.group')} addLabel={t('items.form.addWording')} label={t('items.form.wording')} />}
      />
      <TextList list={fields.modelAnswers} legend={t('items.form.modelAnswers')} addLabel={t('items.form.addModelAnswer')} label={t('items.form.modelAnswer')} />
      <RowList
        list={fields.nearMisses}
        legend={t('items.form.nearMisses')}
        addLabel={t('items.form.addNearMiss')}
        newRow={{ text: '', missing: [] }}
        row={(nearMiss) => {
          const n = nearMiss.getFieldset()
          return (
            <div className="item-row-fields">
              <TextField field={n.text} label={t('items.form.nearMiss')} />
              <TextList list={n.missing} legend={t('items.form.missing')} addLabel={t('items.form.addMissing')} label={t('items.form.says')} />
            </div>
          )
        }}
      />
      <CheckField field={fields.forbidden} label={t('items.form.forbidden')} />
      <TextField field={fields.feedback} label={t('items.form.feedback')} long />
    </>
  )
}

function ScenarioForm() {
  const { t } = useTranslation()
  const [item] = useField<ItemOf<'scenario'>>('item')
  const fields = item.getFieldset()
  return (
    <>
      <BaseFields />
      <TextField field={fields.prompt} label={t('items.form.promptOptional')} long />
      <TextField field={fields.scenario} label={t('items.form.scenario')} />
      <TextField field={fields.feedback} label={t('items.form.feedbackOptional')} long />
    </>
  )
}

export const ITEM_FORMS: { [K in ItemKind]: () => JSX.Element } = {
  single: () => <ChoiceForm multiple={false} />,
  multiple: () => <ChoiceForm multiple />,
  ordering: OrderingForm,
  matching: MatchingForm,
  text: TextForm,
  scenario: ScenarioForm,
}

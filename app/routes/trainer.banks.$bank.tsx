// /trainer/banks/<id>: one bank's items, each previewed as a clerk would see it, with the export downloads.
import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { bankPage } from '~/server/question-bank-pages.server'
import { requireArea } from '~/server/session.server'
import { PageHeader } from '~/ui/page'
import { ItemInput } from '~/ui/quiz/inputs'

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireArea({ request, context }, 'trainer')
  const bank = await bankPage(params.bank ?? '')
  if (!bank) throw new Response('Not found', { status: 404 })
  return json({ bank })
}

export default function TrainerBank() {
  const { bank } = useLoaderData<typeof loader>()
  const [search] = useSearchParams()
  const { t } = useTranslation()
  return (
    <>
      <p className="crumb">
        <Link to="/trainer">{t('trainer.title')}</Link> / <Link to="/trainer/banks">{t('banks.title')}</Link>
      </p>
      <PageHeader title={bank.name} lead={t('banks.bankLead', { count: bank.items.length, format: t(`banks.formats.${bank.format}`), file: bank.fileName })} />
      {search.get('existing') ? <p className="notice updated">{t('banks.existing')}</p> : null}
      <p>
        <a className="button secondary" href={`/trainer/banks/${bank.id}/export/gift`} download>
          {t('banks.exportGift')}
        </a>{' '}
        <a className="button secondary" href={`/trainer/banks/${bank.id}/export/xml`} download>
          {t('banks.exportXml')}
        </a>
      </p>
      {bank.items.map((row, index) => (
        <section key={row.id} className="card" aria-label={t('banks.itemLabel', { number: index + 1 })}>
          <p className="muted">
            <span className="pill">{t(`banks.types.${row.type}`)}</span>{' '}
            {[
              row.name,
              row.category,
              'line' in row.position ? t('banks.line', { line: row.position.line }) : t('banks.index', { index: row.position.index }),
              t('banks.points', { points: row.points }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          {/* the clerk's view, answer key left out; disabled so nothing here is an answer */}
          <fieldset disabled className="bank-preview">
            <legend className="muted">{t('banks.preview')}</legend>
            <ItemInput item={row.view} saved={null} />
          </fieldset>
          {row.notes.map((note) => (
            <p key={note} className="muted">
              {note}
            </p>
          ))}
        </section>
      ))}
    </>
  )
}

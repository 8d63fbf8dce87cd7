// /verify/<code>: public, no sign-in. Level, masked name, hall, validity and status, plainly; nothing else.
// An unknown or malformed code gets the not-found page; look-ups are limited per address.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { hallDay } from '~/core/dates'
import { formatCertificateCode, normaliseCertificateCode } from '~/core/stars/certificate-code'
import { maskedName } from '~/core/stars/masked-name'
import { clientAddress } from '~/server/auth.server'
import { certificateForVerification } from '~/server/certificates.server'
import { chargeVerifyLookup } from '~/server/stars/verify-limit.server'
import { Facts } from '~/ui/facts'
import { PageHeader } from '~/ui/page'
import { StateBadge, Stars } from '~/ui/stars/star-words'
import { Dated } from '~/ui/date-text'

export const meta: MetaFunction = () => [{ name: 'robots', content: 'noindex' }]

export async function loader({ params, context }: LoaderFunctionArgs) {
  const now = new Date()
  const verdict = await chargeVerifyLookup(clientAddress(context), now)
  if (!verdict.allowed) {
    return json({ found: false, limited: true, certificate: null } as const, { status: 429, headers: { 'Retry-After': String(verdict.retryAfterSeconds) } })
  }
  const code = normaliseCertificateCode(params.code ?? '')
  const found = code ? await certificateForVerification(code, now) : null
  if (!found) return json({ found: false, limited: false, certificate: null } as const, { status: 404 })
  return json({
    found: true,
    limited: false,
    certificate: {
      code: formatCertificateCode(found.code),
      level: found.level,
      title: found.title,
      holder: maskedName(found.holderName),
      hall: found.hall,
      from: hallDay(found.issuedAt),
      to: hallDay(found.expiresAt),
      state: found.status.state,
      renewBy: found.status.renewBy ? hallDay(found.status.renewBy) : null,
    },
  } as const)
}

export default function VerifyCertificate() {
  const data = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation()
  const en = i18n.language === 'en'
  if (!data.certificate) {
    return (
      <section className="card error-page" aria-labelledby="verify-title">
        <h1 id="verify-title">{data.limited ? t('stars.verify.title') : t('stars.verify.notFound')}</h1>
        <p>{data.limited ? t('stars.verify.limited') : t('stars.verify.notFoundLead')}</p>
      </section>
    )
  }
  const c = data.certificate
  const valid = c.state === 'active' || c.state === 'expiring'
  return (
    <>
      <PageHeader title={t('stars.verify.title')} />
      <section className={`card verify ${valid ? 'valid' : 'invalid'}`} aria-live="polite">
        <p className="verify-state">
          {valid ? <strong>✓ {t('stars.verify.valid')}</strong> : <StateBadge state={c.state} />}
        </p>
        <Facts
          items={[
            [t('stars.verify.holder'), c.holder],
            [t('stars.verify.levelLabel'), <><Stars level={c.level} /> {en ? c.title.en : c.title.zh}</>],
            [t('stars.verify.hall'), c.hall ? (en ? c.hall.nameEn : c.hall.nameZh) : '—'],
            [t('stars.verify.validity'), <Dated key="validity" text={t('stars.verify.validityRange', { from: c.from, to: c.to })} />],
            [t('stars.verify.status'), c.renewBy ? <Dated key="status" text={`${t(`stars.states.${c.state}`)} · ${t('stars.verify.renewBy', { day: c.renewBy })}`} /> : t(`stars.states.${c.state}`)],
            [t('stars.verify.code'), <code key="code" className="cert-code">{c.code}</code>],
          ]}
        />
      </section>
    </>
  )
}

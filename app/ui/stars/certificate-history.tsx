// The certificates a person held before the one their star panel shows (superseded by a higher level, revoked,
// expired): each with its level, state, dates, the revocation's reason, and its public check.
import { useTranslation } from 'react-i18next'
import type { CertificateState } from '~/core/stars/certificate-status'
import { StateBadge, Stars } from './star-words'

export interface PastCertificate {
  code: string
  level: number
  issued: string
  expires: string
  state: CertificateState
  reason: string | null
}

export function CertificateHistory({ certificates }: { certificates: readonly PastCertificate[] }) {
  const { t } = useTranslation()
  if (certificates.length === 0) return null
  return (
    <section className="card">
      <h2 className="section-title">{t('certificateHistory.title')}</h2>
      <ul className="list">
        {certificates.map((c) => (
          <li key={c.code}>
            <Stars level={c.level} /> <StateBadge state={c.state} />
            <br />
            <span className="muted">
              <span className="date">{c.issued}</span> – <span className="date">{c.expires}</span> · <a className="cert-code" href={`/verify/${c.code}`}>{c.code}</a>
            </span>
            {c.reason ? <p className="muted">{t('certificateHistory.reason', { reason: c.reason })}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}

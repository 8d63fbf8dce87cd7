// The PDF of one certificate for its holder, or for a manager who may see the holder's records.
import { hallDay } from '~/core/dates'
import { canViewPerson } from '~/core/permissions'
import { maskedName } from '~/core/stars/masked-name'
import { formatCertificateCode } from '~/core/stars/certificate-code'
import { prisma } from '../db.server'
import { i18nFor } from '../i18n.server'
import type { SessionUser } from '../people.server'
import { notFound } from '../responses.server'
import { certificatePdf } from './certificate-pdf.server'
import { ladderVersion } from './ladder.server'

export async function certificatePdfFor(user: SessionUser, code: string, origin: string): Promise<Uint8Array> {
  const cert = await prisma.starCertificate.findUnique({
    where: { code },
    select: { code: true, level: true, issuedAt: true, expiresAt: true, ladderVersionId: true, user: { select: { id: true, name: true } }, hallId: true },
  })
  if (!cert) notFound('certificate')
  const hall = await prisma.orgUnit.findUniqueOrThrow({ where: { id: cert.hallId }, select: { path: true, nameZh: true } })
  // someone the viewer may not see: word for word the answer for an unknown code
  if (!canViewPerson(user.viewer, { id: cert.user.id, hallPath: hall.path })) notFound('certificate')
  const { ladder } = await ladderVersion(cert.ladderVersionId)
  const title = ladder.levels[cert.level - 1]?.title ?? { zh: `${cert.level} 星`, en: `${cert.level}-star` }
  const zh = i18nFor('zh-CN').t
  const en = i18nFor('en').t
  const stars = '★'.repeat(cert.level)
  return certificatePdf(
    {
      heading: zh('stars.pdf.heading'),
      headingEn: en('stars.pdf.heading'),
      certifies: `${zh('stars.pdf.certifies')} / ${en('stars.pdf.certifies')}`,
      holder: maskedName(cert.user.name),
      hall: hall.nameZh,
      reached: `${zh('stars.pdf.reached')} / ${en('stars.pdf.reached')}`,
      level: `${stars} ${title.zh}`,
      levelEn: title.en,
      issued: `${zh('stars.pdf.issued')} ${en('stars.pdf.issued')}: ${hallDay(cert.issuedAt)}`,
      expires: `${zh('stars.pdf.expires')} ${en('stars.pdf.expires')}: ${hallDay(cert.expiresAt)}`,
      code: `${zh('stars.pdf.code')} ${en('stars.pdf.code')}: ${formatCertificateCode(cert.code)}`,
      scan: `${zh('stars.pdf.scan')} / ${en('stars.pdf.scan')}`,
    },
    `${origin}/verify/${cert.code}`,
  )
}

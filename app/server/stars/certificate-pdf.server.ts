// The PDF certificate: Chinese drawn with a subset of Droid Sans Fallback cut to the certificate's own
// characters, Latin and digits with a subset of DejaVu Sans (Debian's Noto CJK is a .ttc, which pdf-lib
// cannot embed; see STACK.md), and a QR code to the verify page. Fonts ship with the repo in assets/fonts/ (from
// Debian's fonts-droid-fallback and fonts-dejavu-core; see its README): nothing is read from the system.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import QRCode from 'qrcode'
import subsetFont from 'subset-font'

export const CJK_FONT = path.resolve('assets/fonts/DroidSansFallbackFull.ttf')
export const LATIN_FONT = path.resolve('assets/fonts/DejaVuSans.ttf')

export interface CertificatePdfText {
  heading: string
  headingEn: string
  certifies: string
  holder: string
  hall: string
  reached: string
  level: string
  levelEn: string
  issued: string
  expires: string
  code: string
  scan: string
}

const isCjk = (ch: string) => ch.codePointAt(0)! >= 0x2e80

/** Splits a line into runs of CJK and of everything else, each drawn with its own font. */
function runs(text: string): Array<{ cjk: boolean; text: string }> {
  const out: Array<{ cjk: boolean; text: string }> = []
  for (const ch of text) {
    const cjk = isCjk(ch)
    const last = out[out.length - 1]
    if (last && last.cjk === cjk) last.text += ch
    else out.push({ cjk, text: ch })
  }
  return out
}

interface Fonts {
  cjk: PDFFont
  latin: PDFFont
}

function widthOf(text: string, size: number, fonts: Fonts): number {
  return runs(text).reduce((w, r) => w + (r.cjk ? fonts.cjk : fonts.latin).widthOfTextAtSize(r.text, size), 0)
}

function drawCentred(page: PDFPage, text: string, y: number, size: number, fonts: Fonts, color = rgb(0.12, 0.14, 0.2)): void {
  let x = (page.getWidth() - widthOf(text, size, fonts)) / 2
  for (const run of runs(text)) {
    const font = run.cjk ? fonts.cjk : fonts.latin
    page.drawText(run.text, { x, y, size, font, color })
    x += font.widthOfTextAtSize(run.text, size)
  }
}

export async function certificatePdf(text: CertificatePdfText, verifyUrl: string): Promise<Uint8Array> {
  const lines = [
    [text.heading, 30],
    [text.headingEn, 14],
    [text.certifies, 14],
    [text.holder, 26],
    [text.hall, 14],
    [text.reached, 14],
    [text.level, 24],
    [text.levelEn, 13],
    [text.issued, 12],
    [text.expires, 12],
    [text.code, 12],
  ] as const
  const all = lines.map(([t]) => t).join('') + text.scan
  const chars = [...new Set(all)]
  const [cjkBytes, latinBytes] = await Promise.all([
    subsetFont(readFileSync(CJK_FONT), chars.filter(isCjk).join('') || '星', { targetFormat: 'truetype' }),
    subsetFont(readFileSync(LATIN_FONT), chars.filter((c) => !isCjk(c)).join('') || 'A', { targetFormat: 'truetype' }),
  ])
  const pdf = await PDFDocument.create()
  pdf.registerFontkit(fontkit)
  pdf.setTitle(`${text.heading} ${text.code}`)
  const fonts = { cjk: await pdf.embedFont(cjkBytes, { subset: false }), latin: await pdf.embedFont(latinBytes, { subset: false }) }
  const page = pdf.addPage([842, 595]) // A4 landscape
  page.drawRectangle({ x: 20, y: 20, width: 802, height: 555, borderColor: rgb(0.79, 0.54, 0), borderWidth: 3 })
  let y = 520
  for (const [line, size] of lines) {
    drawCentred(page, line, y, size, fonts)
    y -= size + (size >= 24 ? 16 : 12)
  }
  const qr = await pdf.embedPng(await QRCode.toBuffer(verifyUrl, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' }))
  page.drawImage(qr, { x: 842 - 40 - 120, y: 40, width: 120, height: 120 })
  const scanWidth = widthOf(text.scan, 10, fonts)
  let x = 842 - 40 - 60 - scanWidth / 2
  for (const run of runs(text.scan)) {
    const font = run.cjk ? fonts.cjk : fonts.latin
    page.drawText(run.text, { x, y: 28, size: 10, font })
    x += font.widthOfTextAtSize(run.text, 10)
  }
  return pdf.save()
}

// The PDF certificate: rendered with poppler (pdftoppm), its QR code decoded back to the verify URL, its
// text (pdftotext) carrying the masked name and the level. Needs Debian poppler-utils, fonts-droid-fallback
// and fonts-dejavu-core.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { certificatePdf } from '~/server/stars/certificate-pdf.server'

describe('PDF certificate', () => {
  it('embeds the Chinese text as a font subset and a QR code to the verify page', async () => {
    const url = 'http://localhost:3000/verify/ABCDEFGHIJKLMNOPQRST'
    const bytes = await certificatePdf(
      {
        heading: '星级营业员证书',
        headingEn: 'Star Clerk Certificate',
        certifies: '兹证明 / This certifies that',
        holder: '张*明',
        hall: '滕州龙泉路营业厅',
        reached: '达到 / has reached',
        level: '★★★ 三星营业员',
        levelEn: 'Three-star clerk',
        issued: '签发日期 Issued: 2026-11-30',
        expires: '有效期至 Valid until: 2027-11-30',
        code: '证书编号 Code: ABCD-EFGH-IJKL-MNOP-QRST',
        scan: '扫码查验 / Scan to verify',
      },
      url,
    )
    expect(bytes.length).toBeLessThan(120_000) // subsets, not whole fonts (the CJK font alone is 4 MB)
    const dir = mkdtempSync(path.join(os.tmpdir(), 'stars-pdf-'))
    const file = path.join(dir, 'certificate.pdf')
    writeFileSync(file, bytes)
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    expect(text).toContain('张*明')
    expect(text).toContain('三星营业员')
    expect(text).toContain('星级营业员证书')
    expect(text).toContain('ABCD-EFGH-IJKL-MNOP-QRST')
    execFileSync('pdftoppm', ['-png', '-r', '100', '-singlefile', file, path.join(dir, 'page')])
    const png = PNG.sync.read(readFileSync(path.join(dir, 'page.png')))
    const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
    expect(qr?.data).toBe(url)
  })
})

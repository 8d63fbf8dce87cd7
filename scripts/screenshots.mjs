// Phone-sized (360 px) screenshots of pages as a given user sees them, to look at what we built:
//   BASE=http://localhost:3000 node scripts/screenshots.mjs clerk01 /learn /learn/etiquette/appearance
// ("-" instead of a username: signed out). FULL=1 for whole pages. LANGUAGE=en: in English (the language switch's
// cookie; file names end in _en). Files go to tmp/screenshots/.
import { mkdirSync } from 'node:fs'
import { chromium } from 'playwright-core'
const base = process.env.BASE ?? 'http://localhost:3000'
const out = 'tmp/screenshots'
mkdirSync(out, { recursive: true })
const [user, ...paths] = process.argv.slice(2)
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] })
const context = await browser.newContext({ viewport: { width: 360, height: 740 }, baseURL: base })
const english = process.env.LANGUAGE === 'en'
// the value as Remix's createCookie writes it: base64 of the JSON string "en"
if (english) await context.addCookies([{ name: 'lng', value: encodeURIComponent(btoa(JSON.stringify('en'))), url: base }])
const page = await context.newPage()
if (user !== '-') {
  await page.goto('/login'); await page.fill('input[name=username]', user); await page.fill('input[name=password]', 'Demo@2026')
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('main button[type=submit]')])
}
for (const p of paths) {
  await page.goto(p); await page.waitForLoadState('networkidle')
  const name = p.replace(/[^a-z0-9]+/gi, '_') + (english ? '_en' : '')
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: process.env.FULL === '1' })
  console.log(`${out}/${name}.png`)
}
await browser.close()

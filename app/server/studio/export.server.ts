// content:export — the published tree written back as files in the content/ format, exactly the bytes last
// imported or published, so a re-import of the export finds every hash unchanged and creates no version.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { PrismaClient } from '~/generated/prisma/client'
import { currentSources } from './sources.server'

export async function exportPublishedTree(db: PrismaClient, dir: string): Promise<{ files: number }> {
  const files = await currentSources(db)
  const root = path.resolve(dir)
  for (const file of files) {
    const target = path.resolve(root, file.path)
    // stored paths come from our own tree reader; still, nothing is written outside the folder asked for
    if (!target.startsWith(root + path.sep)) throw new Error(`refusing to write outside ${dir}: ${file.path}`)
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, file.bytes ?? file.text ?? '')
  }
  return { files: files.length }
}

// Pictures stored by content:import, read by their hash for /media.
import { prisma } from './db.server'

export async function readContentAsset(hash: string, mime: string): Promise<{ bytes: Uint8Array; mime: string } | null> {
  const asset = await prisma.contentAsset.findUnique({ where: { hash }, select: { bytes: true, mime: true } })
  return asset && asset.mime === mime ? asset : null
}

// The rules for pictures in modules: which files, how large, what alt text, and which SVGs are safe to serve.
// A module refers to a picture as ![alt](images/name.svg); the file lives in the course folder's images/.

export const MAX_IMAGE_BYTES = 60 * 1024

export const IMAGE_TYPES = {
  svg: 'image/svg+xml',
  png: 'image/png',
} as const
export type ImageExtension = keyof typeof IMAGE_TYPES

/** `images/<name>.<ext>` with a plain file name: no folders, no `..`, no query. */
const IMAGE_REFERENCE = /^(?:\.\/)?images\/([a-z0-9][a-z0-9-]*)\.(svg|png)$/

export function parseImageReference(url: string): { name: string; extension: ImageExtension } | null {
  const match = IMAGE_REFERENCE.exec(url)
  return match ? { name: `${match[1]}.${match[2]}`, extension: match[2] as ImageExtension } : null
}

/** Alt text a clerk's screen reader can read out: present, and in Chinese first. */
export function altTextProblem(alt: string): string | null {
  if (!alt.trim()) return '图片缺少替代文字（alt）：写一句说明图片内容的中文 / the image has no alt text'
  if (!/[\u4e00-\u9fff]/.test(alt)) return '替代文字要用中文 / write the alt text in Chinese'
  return null
}

export function sizeProblem(bytes: number): string | null {
  return bytes > MAX_IMAGE_BYTES
    ? `图片 ${Math.ceil(bytes / 1024)} KB，超过 ${MAX_IMAGE_BYTES / 1024} KB 的上限 / the image is over ${MAX_IMAGE_BYTES / 1024} KB`
    : null
}

/**
 * Why an SVG may not be served, or null when it may: scripts, event handlers, javascript: URLs, embedded HTML,
 * and references to anything outside the file (which would load on a clerk's phone) are refused.
 */
export function unsafeSvgReason(svg: string): string | null {
  if (!/<svg[\s>]/i.test(svg)) return '不是 SVG 文件 / not an SVG file'
  if (/<script[\s>]/i.test(svg)) return 'SVG 中含有脚本（<script>） / the SVG carries a script'
  if (/\son[a-z]+\s*=/i.test(svg)) return 'SVG 中含有事件属性（on…=） / the SVG carries an event handler'
  if (/javascript:/i.test(svg)) return 'SVG 中含有 javascript: 链接 / the SVG carries a javascript: URL'
  if (/<foreignObject[\s>]/i.test(svg)) return 'SVG 中嵌入了 HTML（<foreignObject>） / the SVG embeds HTML'
  if (/<!ENTITY/i.test(svg)) return 'SVG 中定义了实体（<!ENTITY>） / the SVG declares entities'
  const outside = /(?:xlink:)?href\s*=\s*["'](?!#)([^"']*)["']/i.exec(svg)
  if (outside) return `SVG 引用了外部资源「${outside[1]}」 / the SVG refers to an outside resource`
  return null
}

/** Width and height of a PNG from its header, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

/** The intrinsic size of an SVG from its viewBox (or width/height), so pages reserve the space before it loads. */
export function svgSize(svg: string): { width: number; height: number } | null {
  const viewBox = /viewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*["']/i.exec(svg)
  if (viewBox) return { width: Math.round(Number(viewBox[1])), height: Math.round(Number(viewBox[2])) }
  const width = /<svg[^>]*\swidth\s*=\s*["']([\d.]+)/i.exec(svg)
  const height = /<svg[^>]*\sheight\s*=\s*["']([\d.]+)/i.exec(svg)
  return width && height ? { width: Math.round(Number(width[1])), height: Math.round(Number(height[1])) } : null
}

/** Widest picture that still reads on a phone without being heavier than it needs to be. */
export const MAX_RASTER_WIDTH = 1080

export interface ImageFacts {
  extension: ImageExtension
  bytes: Uint8Array
}

/** Everything wrong with one picture file, in the order an author would fix it. */
export function imageFileProblems({ extension, bytes }: ImageFacts): string[] {
  const problems: string[] = []
  const tooBig = sizeProblem(bytes.byteLength)
  if (tooBig) problems.push(tooBig)
  if (extension === 'svg') {
    const unsafe = unsafeSvgReason(new TextDecoder().decode(bytes))
    if (unsafe) problems.push(unsafe)
  } else {
    const size = pngSize(bytes)
    if (!size) problems.push('文件内容不是 PNG 图片 / the file is not a PNG')
    else if (size.width > MAX_RASTER_WIDTH) problems.push(`图片宽 ${size.width} 像素，超过 ${MAX_RASTER_WIDTH} / wider than ${MAX_RASTER_WIDTH} px`)
  }
  return problems
}

// pngjs (a dev dependency of the PDF test) ships no types: the one call the test makes.
declare module 'pngjs' {
  export const PNG: { sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } } }
}

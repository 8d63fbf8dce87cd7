// How large a request body may be, per route. Everything is a form of at most 64 KB, except the upload
// routes listed here, each with its own cap. Adding an upload route is one line in UPLOAD_ROUTES.
// (Plain JavaScript: server.js reads it before any of the app is loaded.)

export const FORM_BODY_LIMIT = 64 * 1024

const MB = 1024 * 1024

/** Routes that take files: method, exact path (or a RegExp), and the largest body they accept. */
export const UPLOAD_ROUTES = [
  // account import and star evidence, CSV or XLSX: the file's own cap (10 MB, the routes') plus room for the form's
  // other fields and the multipart framing, so that a file the page accepts is never refused here first
  { method: 'POST', path: '/admin/people/import', limit: 10 * MB + FORM_BODY_LIMIT },
  { method: 'POST', path: '/manage/evidence/import', limit: 10 * MB + FORM_BODY_LIMIT },
  { method: 'POST', path: '/trainer/banks', limit: 3 * MB }, // question banks, GIFT or Moodle XML (file cap 2 MB)
  // studio drafts: a module in Chinese is ~9 bytes a character form-encoded; the draft's own limit says why
  { method: 'POST', path: /^\/trainer\/studio\/(?:edit|preview)$/, limit: MB },
  { method: 'POST', path: '/trainer/studio/images', limit: 256 * 1024 }, // a studio picture (file cap 60 KB, content:check's)
]

/** The upload route a request goes to (its body is spooled to disk, server/body-gate.js), or undefined. */
export function uploadRouteFor(method, pathname, routes = UPLOAD_ROUTES) {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname
  return routes.find((r) => r.method === method && (r.path instanceof RegExp ? r.path.test(path) : r.path === path))
}

/** The body limit for a request; a trailing slash or a Remix `?index` / `_data` query does not matter. */
export function bodyLimitFor(method, pathname, routes = UPLOAD_ROUTES) {
  return uploadRouteFor(method, pathname, routes)?.limit ?? FORM_BODY_LIMIT
}

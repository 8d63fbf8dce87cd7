// The document and the one layout every page renders in, including the error pages.
import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  type ShouldRevalidateFunction,
  useRouteLoaderData,
} from '@remix-run/react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { languageOf } from './server/i18n.server'
import { optionalUser } from './server/session.server'
import { Layout as PageLayout, type LayoutUser } from './ui/layout'
import { useNonce } from './ui/nonce'
import { isSuccessfulAnswerSave } from './ui/quiz/answer-save'
import stylesheet from './styles/app.css'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [locale, user] = await Promise.all([languageOf(request), optionalUser({ request, context })])
  const layoutUser: LayoutUser | null = user ? { name: user.name, username: user.username, roles: user.roles } : null
  return json({ locale, user: layoutUser })
}

// the language and the signed-in user do not change when one quiz answer is saved
export const shouldRevalidate: ShouldRevalidateFunction = (args) => !isSuccessfulAnswerSave(args) && args.defaultShouldRevalidate

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  const { t } = useTranslation()
  const nonce = useNonce()
  return (
    <html lang={data?.locale ?? 'zh-CN'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t('app.name')}</title>
        <Meta />
        <Links />
      </head>
      <body>
        <PageLayout user={data?.user ?? null} locale={data?.locale ?? 'zh-CN'}>
          {children}
        </PageLayout>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  // Marks the page interactive: browser tests wait for it before clicking (a click before hydration is a
  // plain form post, which works too, but races the test's next expectation).
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true'
  }, [])
  return <Outlet />
}

export function ErrorBoundary() {
  const error = useRouteError()
  const { t } = useTranslation()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const known = [400, 401, 403, 404, 405].includes(status) ? status : 500
  if (!isRouteErrorResponse(error)) console.error(error)
  return (
    <section className="card error-page" aria-labelledby="error-title">
      <p className="error-code">{status}</p>
      <h1 id="error-title">{t(`look.errorTitles.${known}`)}</h1>
      <p>{t(`errors.${known}`)}</p>
      <a className="button" href="/">
        {t('errors.back')}
      </a>
    </section>
  )
}

// The page frame: a top bar with the app name, a menu that folds on a phone, language switch and sign-out.
import { useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ROLE_HOMES, type Role } from '~/core/roles'

export interface LayoutUser {
  name: string
  username: string
  roles: Role[]
}

const AREA_OF_ROLE: Record<Role, 'learn' | 'mentor' | 'trainer' | 'manage' | 'admin'> = {
  clerk: 'learn',
  mentor: 'mentor',
  trainer: 'trainer',
  manager: 'manage',
  admin: 'admin',
}

type Translate = ReturnType<typeof useTranslation>['t']

function LanguageSwitch({ locale, t }: { locale: string; t: Translate }) {
  const location = useLocation()
  return (
    // a whole-page post: the new language needs a fresh document (and a plain form costs nothing to render)
    <form method="post" action="/language" className="inline-form">
      <input type="hidden" name="language" value={locale === 'en' ? 'zh-CN' : 'en'} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" className="link-button" aria-label={t('nav.languageLabel')} lang={locale === 'en' ? 'zh-CN' : 'en'}>
        {t('nav.language')}
      </button>
    </form>
  )
}

/**
 * A menu entry: a whole-page link, so the menu is closed again on the page it opens (a client-side
 * navigation left the <details> open over the new page), and the current area is marked.
 */
function MenuLink({ to, pathname, children }: { to: string; pathname: string; children: React.ReactNode }) {
  const current = pathname === to || pathname.startsWith(to.endsWith('/') ? to : `${to}/`)
  return (
    <a href={to} className={current ? 'active' : undefined} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  )
}

function Navigation({ user, t }: { user: LayoutUser; t: Translate }) {
  const { pathname } = useLocation()
  const entries: Array<[to: string, label: string]> = [
    ...user.roles.map((role): [string, string] => [ROLE_HOMES[role], t(`nav.${AREA_OF_ROLE[role]}`)]),
    // an administrator may enter the trainer and manager areas: the menu shows the way in
    ...(user.roles.includes('admin') && !user.roles.includes('trainer') ? [['/trainer', t('nav.trainer')] as [string, string]] : []),
    ...(user.roles.includes('admin') && !user.roles.includes('manager') ? [['/manage', t('nav.manage')] as [string, string]] : []),
    ...(user.roles.some((r) => r === 'clerk' || r === 'mentor') ? [['/practice', t('nav.practice')] as [string, string]] : []),
    ...(user.roles.some((r) => r === 'trainer' || r === 'manager' || r === 'admin') ? [['/assignments', t('nav.assign')] as [string, string]] : []),
    ...(user.roles.some((r) => r === 'manager' || r === 'admin') ? [['/manage/stars', t('stars.nav')] as [string, string], ['/manage/evidence/import', t('stars.navEvidence')] as [string, string]] : []),
    [`/people/${user.username}`, t('nav.me')],
  ]
  return (
    <nav aria-label={t('nav.menu')}>
      <ul className="nav-list">
        {entries.map(([to, label]) => (
          <li key={to}>
            <MenuLink to={to} pathname={pathname}>
              {label}
            </MenuLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}

export function Layout({ user, locale, children }: { user: LayoutUser | null; locale: string; children: React.ReactNode }) {
  const { t } = useTranslation()
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="top-bar">
        <a href="/" className="brand">
          <span aria-hidden="true" className="brand-star">
            ★
          </span>
          {t('app.name')}
        </a>
        <div className="top-actions">
          <LanguageSwitch locale={locale} t={t} />
          {user ? (
            <details className="menu">
              <summary>{t('nav.menu')}</summary>
              <div className="menu-panel">
                <p className="menu-user">
                  {user.name} · {user.username}
                </p>
                <Navigation user={user} t={t} />
                {/* a whole-page post: signing out leaves nothing of the session in the browser's memory */}
                <form method="post" action="/logout">
                  <button type="submit" className="button secondary full">
                    {t('nav.signOut')}
                  </button>
                </form>
              </div>
            </details>
          ) : null}
        </div>
      </header>
      <main id="main" className="page">
        {children}
      </main>
    </>
  )
}

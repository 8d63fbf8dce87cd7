// The page frame: a top bar with the app name, a menu that folds on a phone, language switch and sign-out.
import { NavLink, useLocation } from '@remix-run/react'
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

function LanguageSwitch({ locale }: { locale: string }) {
  const { t } = useTranslation()
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

function Navigation({ user }: { user: LayoutUser }) {
  const { t } = useTranslation()
  return (
    <nav aria-label={t('nav.menu')}>
      <ul className="nav-list">
        {user.roles.map((role) => (
          <li key={role}>
            <NavLink to={ROLE_HOMES[role]}>{t(`nav.${AREA_OF_ROLE[role]}`)}</NavLink>
          </li>
        ))}
        {user.roles.some((r) => r === 'clerk' || r === 'mentor') ? (
          <li>
            <NavLink to="/practice">{t('nav.practice')}</NavLink>
          </li>
        ) : null}
        {user.roles.some((r) => r === 'trainer' || r === 'manager' || r === 'admin') ? (
          <li>
            <NavLink to="/assignments">{t('nav.assign')}</NavLink>
          </li>
        ) : null}
        <li>
          <NavLink to={`/people/${user.username}`}>{t('nav.me')}</NavLink>
        </li>
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
          <LanguageSwitch locale={locale} />
          {user ? (
            <details className="menu">
              <summary>{t('nav.menu')}</summary>
              <div className="menu-panel">
                <p className="menu-user">
                  {user.name} · {user.username}
                </p>
                <Navigation user={user} />
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

import { Button, Link as DsLink, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Link, useLocation } from 'react-router';
import { logout } from './api/client';
import { loginUrl, currentPath } from './auth/login';
import { canAdministerAccess, canEditOrganisation } from './auth/permissions';
import { useSession } from './auth/session';
import { isLang, LANGS, type Lang } from './i18n';
import type { Me } from './api/types';
import { UnitSwitcher } from './features/access/UnitSwitcher';

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <nav aria-label={t('lang.label')} className="lang-switch">
      <ul>
        {LANGS.map((lng) => (
          <li key={lng}>
            <Button
              variant={i18n.language === lng ? 'primary' : 'tertiary'}
              data-size="sm"
              lang={lng}
              aria-pressed={i18n.language === lng}
              onClick={() => void i18n.changeLanguage(lng)}
            >
              {t(`lang.${lng}`)}
            </Button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The person's role, translated: unit roles first, else their role in a body. */
export function useRoleLabel(me: Me): string {
  const { t } = useTranslation();
  if (me.roles.length > 0)
    return me.roles.map((r) => t(`role.${r}`, { defaultValue: r })).join(', ');
  const bodyRole = me.bodyRoles[0]?.role;
  if (bodyRole) return t(`bodyRole.${bodyRole}`, { defaultValue: bodyRole });
  return t('role.none');
}

function UserBox({ me }: { me: Me }) {
  const { t } = useTranslation();
  const role = useRoleLabel(me);
  return (
    <div className="user-box" data-testid="user-box">
      <div className="user-text">
        <span className="user-name">{me.displayName}</span>
        <span className="user-meta">
          {t('header.unitRole', { unit: me.unit.name ?? t('header.unknownUnit'), role })}
        </span>
      </div>
      <Button
        variant="secondary"
        data-size="sm"
        onClick={() => {
          void logout().then((to) => window.location.assign(to));
        }}
      >
        {t('header.logout')}
      </Button>
    </div>
  );
}

export function LoginButton() {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'nb';
  return (
    <Button asChild variant="primary" data-size="sm">
      <a href={loginUrl(currentPath(), lang)}>{t('header.login')}</a>
    </Button>
  );
}

/** On narrow screens (and at 200 % zoom) the header folds its tools and menu behind a button. */
function useHeaderMenu() {
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return { open, toggle: () => setOpen((o) => !o) };
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const menu = useHeaderMenu();
  const nav = [
    { to: '/', label: t('nav.home'), end: true },
    { to: '/organisasjon', label: t('nav.organisation'), end: false },
    { to: '/moter', label: t('meetings.nav'), end: false },
    { to: '/tiltak', label: t('measures.nav'), end: false },
    ...(session.status === 'ready' && session.me.kind === 'person'
      ? [{ to: '/saker', label: t('cases.nav'), end: false }]
      : []),
    { to: '/handlingsplaner', label: t('measures.navPlans'), end: false },
    { to: '/kunnskap', label: t('knowledge.nav'), end: false },
    { to: '/organisasjoner', label: t('nav.organisations'), end: false },
    { to: '/personer', label: t('nav.persons'), end: false },
    { to: '/enhet', label: t('nav.unit'), end: false },
    { to: '/avtaler', label: t('agreements.nav'), end: false },
    { to: '/arshjul', label: t('wheel.nav'), end: false },
    ...(session.status === 'ready' && canAdministerAccess(session.me)
      ? [{ to: '/tilgang', label: t('nav.access'), end: false }]
      : []),
    ...(session.status === 'ready' && canEditOrganisation(session.me)
      ? [{ to: '/arkiv', label: t('archive.nav'), end: false }]
      : []),
  ];

  return (
    <div className="app-shell">
      <SkipLink href="#main">{t('app.skipToMain')}</SkipLink>
      <header className="app-header" data-menu-open={menu.open}>
        <div className="app-header-inner">
          <Link to="/" className="brand">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </Link>
          <Button
            className="menu-button"
            variant="secondary"
            data-size="sm"
            aria-expanded={menu.open}
            aria-controls={session.status === 'ready' ? 'header-tools main-nav' : 'header-tools'}
            onClick={menu.toggle}
          >
            {t('header.menu')}
          </Button>
          <div className="header-tools" id="header-tools">
            <LanguageSwitch />
            {session.status === 'ready' ? <UnitSwitcher me={session.me} /> : null}
            {session.status === 'ready' ? <UserBox me={session.me} /> : null}
            {session.status === 'anonymous' ? <LoginButton /> : null}
          </div>
        </div>
        {session.status === 'ready' ? (
          <nav aria-label={t('nav.label')} className="main-nav" id="main-nav">
            <ul>
              {nav.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        {children}
      </main>
      <footer className="app-footer">
        <div className="app-footer-inner">
          <Paragraph data-size="sm">{t('footer.about')}</Paragraph>
          <DsLink asChild>
            <Link to="/tilgjengelighet">{t('footer.accessibility')}</Link>
          </DsLink>
        </div>
      </footer>
    </div>
  );
}

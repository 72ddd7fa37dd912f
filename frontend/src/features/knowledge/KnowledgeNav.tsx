/** Knowledge room: the "Kunnskap" group's own navigation between its pages. */
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useMe } from '../../auth/session';
import { canReadTrends } from './permissions';

export function KnowledgeNav() {
  const { t } = useTranslation();
  const me = useMe();
  const links = [
    { to: '/kunnskap/situasjonsbilde', label: t('knowledge.tabs.picture') },
    { to: '/kunnskap/indikatorer', label: t('knowledge.tabs.indicators') },
    { to: '/kunnskap/import', label: t('knowledge.tabs.imports') },
    ...(canReadTrends(me) ? [{ to: '/kunnskap/trender', label: t('knowledge.tabs.trends') }] : []),
  ];
  return (
    <nav aria-label={t('knowledge.subnav')} className="sub-nav">
      <ul>
        {links.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to}>{l.label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

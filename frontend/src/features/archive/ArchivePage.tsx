/** Archive room: "Arkiv" for coordinators and unit admins — the messages by status (waiting,
 * delivered with the archive's references, failed with the next attempt, dead letters with the
 * error and "Prøv igjen"), the archive settings, and the deposit extract. */
import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canEditOrganisation } from '../../auth/permissions';
import { useMe } from '../../auth/session';
import { FilterSelect, ListResults, useListParams } from '../shared/ListTools';
import { PageHeading } from '../shared/PageHeading';
import { LoadError, Loading } from '../shared/States';
import { useArchiveMessages, useArchiveSettings } from './api';
import { ExtractPanel } from './ExtractPanel';
import { MessageTable } from './MessageTable';
import { SettingsForm } from './SettingsForm';
import { MESSAGE_STATUSES, type MessageStatus } from './types';

function Messages({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const { filter, setFilter, pages } = useListParams('status');
  const status = (filter || undefined) as MessageStatus | undefined;
  const list = useArchiveMessages(status, pages.cursor);
  return (
    <section className="stack" aria-labelledby="archive-messages-heading">
      <Heading level={2} data-size="sm" id="archive-messages-heading">
        {t('archive.messages')}
      </Heading>
      {enabled ? null : (
        <Alert data-color="warning" data-testid="archive-not-configured">
          {t('archive.notConfigured')}
        </Alert>
      )}
      <div role="search" className="filters" aria-label={t('list.filters')}>
        <FilterSelect
          id="filter-archive-status"
          label={t('archive.statusLabel')}
          value={filter}
          allLabel={t('archive.allStatuses')}
          options={MESSAGE_STATUSES.map((s) => ({ value: s, label: t(`archive.status.${s}`) }))}
          onChange={setFilter}
        />
      </div>
      <ListResults list={list} pages={pages} empty={t('archive.empty')}>
        {(items) => <MessageTable items={items} canRetry />}
      </ListResults>
    </section>
  );
}

export default function ArchivePage() {
  const { t } = useTranslation();
  const me = useMe();
  const settings = useArchiveSettings();
  const [saved, setSaved] = useState(false);
  if (!canEditOrganisation(me))
    return (
      <div className="stack">
        <PageHeading>{t('archive.title')}</PageHeading>
        <Paragraph>{t('archive.managersOnly')}</Paragraph>
      </div>
    );
  if (settings.isPending) return <Loading />;
  if (settings.isError)
    return (
      <LoadError
        error={settings.error}
        onRetry={() => void settings.refetch()}
        back="/"
        backLabel={t('nav.home')}
      />
    );
  const s = settings.data;
  return (
    <div className="stack">
      <PageHeading>{t('archive.title')}</PageHeading>
      <Paragraph>{t('archive.intro')}</Paragraph>
      <Messages enabled={s.enabled} />
      <section className="stack" aria-labelledby="archive-settings-heading">
        <Heading level={2} data-size="sm" id="archive-settings-heading">
          {t('archive.settings.title')}
        </Heading>
        <SettingsForm
          key={s.version}
          settings={s}
          onReload={() => void settings.refetch()}
          onSaved={() => setSaved(true)}
        />
        {saved ? (
          <Paragraph role="status" data-testid="archive-settings-saved">
            {t('archive.settings.saved')}
          </Paragraph>
        ) : null}
      </section>
      <section className="stack" aria-labelledby="archive-extract-heading">
        <Heading level={2} data-size="sm" id="archive-extract-heading">
          {t('archive.extract.title')}
        </Heading>
        <ExtractPanel />
      </section>
    </div>
  );
}

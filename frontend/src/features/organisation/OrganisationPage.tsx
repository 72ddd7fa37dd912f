import { Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePicture } from './api';
import type { BodySummary } from './types';
import { useMe } from '../../auth/session';
import { canEditOrganisation } from '../../auth/permissions';
import { PrintButton } from './BodyContacts';
import { PageHeading } from '../shared/PageHeading';
import { Empty, ErrorState, Loading } from '../shared/States';
import { formatNumber } from '../../i18n/format';

function BodyCard({ summary }: { summary: BodySummary }) {
  const { t, i18n } = useTranslation();
  const { body } = summary;
  return (
    <Card data-color="neutral" data-testid="body-card">
      <Heading level={3} data-size="xs">
        <Link to={`/organer/${body.id}`}>{body.name}</Link>
      </Heading>
      {body.isPolitiraad ? <Tag data-color="info">{t('body.politiraad')}</Tag> : null}
      <dl className="facts">
        <dt>{t('body.chair')}</dt>
        <dd>{summary.chairName ?? t('body.noChair')}</dd>
        <dt>{t('body.members')}</dt>
        <dd>{formatNumber(summary.memberCount, i18n.language)}</dd>
        <dt>{t('body.meetingNorm')}</dt>
        <dd>
          {body.meetingNormPerYear != null
            ? t('body.meetingsPerYear', {
                count: body.meetingNormPerYear,
                formatted: formatNumber(body.meetingNormPerYear, i18n.language),
              })
            : t('body.noMeetingNorm')}
        </dd>
      </dl>
    </Card>
  );
}

export default function OrganisationPage() {
  const { t } = useTranslation();
  const me = useMe();
  const picture = usePicture();
  const canEdit = canEditOrganisation(me);
  return (
    <div className="stack">
      <div className="page-head">
        <PageHeading>{t('organisation.title')}</PageHeading>
        <div className="row no-print">
          {canEdit ? (
            <Button asChild variant="primary">
              <Link to="/organer/ny">{t('organisation.newBody')}</Link>
            </Button>
          ) : null}
          <PrintButton />
        </div>
      </div>
      <Paragraph>{t('organisation.intro')}</Paragraph>
      {picture.isPending ? <Loading /> : null}
      {picture.isError ? (
        <ErrorState error={picture.error} onRetry={() => void picture.refetch()} />
      ) : null}
      {picture.data ? (
        <div className="levels">
          {picture.data.levels.map((level) => (
            <section
              key={level.level}
              className="level"
              aria-labelledby={`level-${level.level}`}
              data-level={level.level}
            >
              <Heading level={2} data-size="sm" id={`level-${level.level}`}>
                {t(`level.${level.level}`)}
              </Heading>
              <Paragraph data-size="sm" className="muted">
                {t(`levelDescription.${level.level}`)}
              </Paragraph>
              {level.bodies.length === 0 ? (
                <Empty>{t('organisation.noBodies')}</Empty>
              ) : (
                <ul className="card-grid">
                  {level.bodies.map((b) => (
                    <li key={b.body.id}>
                      <BodyCard summary={b} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      ) : null}
    </div>
  );
}

/** Measures room: one measure — every field, the decision's link, the transition menu, milestones,
 * the timeline, progress notes and evaluations; delete while proposed. */
import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../auth/session';
import { Flash } from '../shared/Flash';
import { PageHeading } from '../shared/PageHeading';
import { ArchiveBadge } from '../archive/ArchiveBadge';
import { LoadError, Loading } from '../shared/States';
import { useInvalidateMeasures, useMeasure } from './api';
import { MoveMenu } from './board/MoveMenu';
import { TransitionDialog } from './board/TransitionDialog';
import { DeleteMeasure } from './detail/DeleteMeasure';
import { Evaluations } from './detail/Evaluations';
import { Facts, RegistryWarnings } from './detail/Facts';
import { Milestones } from './detail/Milestones';
import { Notes } from './detail/Notes';
import { Timeline } from './detail/Timeline';
import { canEdit, canFollowUp, canManage } from './permissions';
import type { Measure, Stage } from './types';
import './measures.css';

function StageActions({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  const reload = useInvalidateMeasures();
  const [target, setTarget] = useState<Stage | null>(null);
  const [stale, setStale] = useState(false);
  return (
    <section className="stack" aria-labelledby="move-heading">
      <Heading level={2} data-size="xs" id="move-heading">
        {t('measures.detail.moveTitle')}
      </Heading>
      {stale ? (
        <Alert data-color="warning" role="alert" data-testid="move-refused">
          <Paragraph>{t('measures.transition.stale')}</Paragraph>
        </Alert>
      ) : null}
      {measure.legalTargets.length === 0 ? (
        <Paragraph>{t('measures.card.noMoves')}</Paragraph>
      ) : (
        <MoveMenu
          measure={measure}
          title={measure.title}
          onPick={(s) => {
            setStale(false);
            setTarget(s);
          }}
        />
      )}
      {target ? (
        <TransitionDialog
          measure={measure}
          target={target}
          onClose={() => setTarget(null)}
          onStale={() => {
            setTarget(null);
            setStale(true);
            void reload();
          }}
        />
      ) : null}
    </section>
  );
}

export default function MeasureDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const measure = useMeasure(id);
  if (measure.isPending) return <Loading />;
  if (measure.isError)
    return (
      <LoadError
        error={measure.error}
        onRetry={() => void measure.refetch()}
        back="/tiltak"
        backLabel={t('measures.back')}
      />
    );
  const m = measure.data as Measure;
  const followUp = canFollowUp(me, m);
  return (
    <div className="stack">
      <Link to="/tiltak">{t('measures.back')}</Link>
      <PageHeading>{m.title}</PageHeading>
      <div className="row">
        <Tag data-color="info">{t(`measures.stage.${m.stage}`)}</Tag>
        <Tag data-color="neutral">{t(`measures.tierShort.${m.tier}`)}</Tag>
        <ArchiveBadge kind="measure" recordId={m.id} enabled={m.stage === 'concluded'} />
      </div>
      <Flash />
      <RegistryWarnings measure={m} />
      {canEdit(me, m) ? (
        <div className="row">
          <Button asChild variant="secondary">
            <Link to={`/tiltak/${m.id}/rediger`}>{t('measures.detail.edit')}</Link>
          </Button>
        </div>
      ) : null}
      {canManage(me) ? <StageActions key={m.version} measure={m} /> : null}
      <section className="stack" aria-labelledby="facts-heading">
        <Heading level={2} data-size="xs" id="facts-heading">
          {t('measures.detail.facts')}
        </Heading>
        <Facts measure={m} />
      </section>
      <Milestones
        key={`milestones-${m.version}`}
        measure={m}
        canMark={followUp}
        onReload={() => void measure.refetch()}
      />
      <Timeline measureId={m.id} />
      <Evaluations measureId={m.id} canAdd={followUp} />
      <Notes measureId={m.id} canAdd={followUp} />
      {canManage(me) && m.stage === 'proposed' ? <DeleteMeasure measure={m} /> : null}
    </div>
  );
}

/** Action plans room: the plan's tree — focus areas, their goals and strategies, and the measures
 * serving each goal — with progress at every level, rolled up by the server. */
import { Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Progress } from './Progress';
import type { FocusAreaNode, GoalNode } from './types';

function Goal({ goal }: { goal: GoalNode }) {
  const { t } = useTranslation();
  return (
    <li className="tree-goal" data-testid="tree-goal">
      <div className="tree-row">
        <span className="tree-name">{goal.title}</span>
        <Progress value={goal.progress} label={goal.title} />
      </div>
      {goal.measures.length === 0 ? (
        <Paragraph data-size="sm" className="muted">
          {t('actionPlans.noMeasures')}
        </Paragraph>
      ) : (
        <ul className="tree-measures">
          {goal.measures.map((m) => (
            <li key={m.id} className="tree-row" data-testid="tree-measure">
              <DsLink asChild>
                <Link to={`/tiltak/${m.id}`}>{m.title}</Link>
              </DsLink>
              <Tag data-size="sm" data-color="neutral">
                {t(`actionPlans.stage.${m.stage}`, { defaultValue: m.stage })}
              </Tag>
              <Progress value={m.progress} label={m.title} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function FocusArea({ area }: { area: FocusAreaNode }) {
  const { t } = useTranslation();
  const headingId = `fa-${area.id}`;
  return (
    <li className="tree-area" data-testid="tree-focus-area">
      <div className="tree-row">
        <Heading level={3} data-size="2xs" id={headingId}>
          {area.title}
        </Heading>
        <Progress value={area.progress} label={area.title} />
      </div>
      {area.strategies.length > 0 ? (
        <div className="tree-strategies">
          <span className="muted">{t('actionPlans.strategiesShort')}</span>
          <ul>
            {area.strategies.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {area.goals.length === 0 ? (
        <Paragraph data-size="sm" className="muted">
          {t('actionPlans.noGoals')}
        </Paragraph>
      ) : (
        <ul className="tree-goals" aria-label={t('actionPlans.goalsOf', { name: area.title })}>
          {area.goals.map((g) => (
            <Goal key={g.id} goal={g} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function PlanTree({ areas }: { areas: FocusAreaNode[] }) {
  const { t } = useTranslation();
  if (areas.length === 0) return <Paragraph>{t('actionPlans.noFocusAreas')}</Paragraph>;
  return (
    <ul className="plan-tree" data-testid="plan-tree">
      {areas.map((a) => (
        <FocusArea key={a.id} area={a} />
      ))}
    </ul>
  );
}

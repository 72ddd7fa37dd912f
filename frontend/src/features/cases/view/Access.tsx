/** Cases room: every item of a case is either shown with its "why" (basis, citation, consent,
 * policy version) or withheld with the reason — never the value. */
import { Details, Tag } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCasePolicy } from '../api';
import { isWithheld, type Access, type Field, type Withheld } from '../types';

/** The basis' citation and what it means in the reader's language, from GET /api/case-policy. */
function useCitation(basis: string): string | undefined {
  const { i18n } = useTranslation();
  const policy = useCasePolicy();
  const found = policy.data?.legalBases.find((b) => b.code === basis);
  if (!found) return undefined;
  const text = found.text[i18n.language] ?? found.text.nb;
  return [found.citation, text].filter(Boolean).join(' – ');
}

/** "Hvorfor ser jeg dette?": a small disclosure beside each shown item. */
export function Why({ access }: { access: Access }) {
  const { t } = useTranslation();
  const citation = useCitation(access.basis);
  return (
    <Details className="case-why" data-testid="why">
      <Details.Summary>{t('cases.access.why')}</Details.Summary>
      <Details.Content>
        <dl className="facts facts-sm">
          <dt>{t('cases.access.basis')}</dt>
          <dd data-testid="why-basis">
            {t(`cases.access.basisName.${access.basis}`, { defaultValue: access.basis })}
          </dd>
          {citation ? (
            <>
              <dt>{t('cases.access.citation')}</dt>
              <dd>{citation}</dd>
            </>
          ) : null}
          {access.consentId ? (
            <>
              <dt>{t('cases.access.consentId')}</dt>
              <dd>{access.consentId}</dd>
            </>
          ) : null}
          <dt>{t('cases.access.policyVersion')}</dt>
          <dd>{access.policyVersion}</dd>
        </dl>
      </Details.Content>
    </Details>
  );
}

/** "Skjult — samtykke trukket tilbake": the marker in place of a withheld item. */
export function WithheldMarker({ item }: { item: Withheld }) {
  const { t } = useTranslation();
  const reason = t(`cases.access.reason.${item.reason}`, {
    defaultValue: t('cases.access.reason.unknown'),
  });
  return (
    <span className="case-withheld" data-testid="withheld" data-reason={item.reason}>
      <Tag data-color="warning" data-size="sm">
        {t('cases.access.withheld', { reason })}
      </Tag>
      <span className="muted case-withheld-what">
        {t('cases.access.category', {
          category: t(`cases.category.${item.category}`, { defaultValue: item.category }),
          regime: t(`cases.regime.${item.regime}`, { defaultValue: item.regime }),
        })}
      </span>
    </span>
  );
}

/** An item: its value (rendered by `children`) with the "why", or the withheld marker. */
export function Shown<T extends { withheld: false; access: Access }>({
  item,
  children,
}: {
  item: Field<T>;
  children: (value: T) => ReactNode;
}) {
  if (isWithheld(item)) return <WithheldMarker item={item} />;
  return (
    <div className="case-item">
      {children(item)}
      <Why access={item.access} />
    </div>
  );
}

/** Consent room: the wizard's last step — the consent is registered; each party's answer is
 * recorded here (or later on the consents page), with the method and evidence already given. */
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useFlashNavigate } from '../../shared/Flash';
import { Loading } from '../../shared/States';
import { useConsents } from '../api';
import { ConsentCard } from '../ConsentCard';
import type { EventDefaults } from '../EventDialog';
import type { CaseFacts, Regime } from '../types';

export function Answers({
  facts,
  consentId,
  names,
  regimes,
  defaults,
}: {
  facts: CaseFacts;
  consentId: string;
  names: ReadonlyMap<string, string>;
  regimes: ReadonlyMap<string, Regime>;
  defaults: EventDefaults;
}) {
  const { t } = useTranslation();
  const flashTo = useFlashNavigate();
  const consents = useConsents(facts.id);
  const items = consents.data ?? [];
  const index = items.findIndex((c) => c.id === consentId);
  const item = items[index];
  return (
    <>
      <Paragraph>{t('consent.wizard.answersIntro')}</Paragraph>
      {item ? (
        <ConsentCard
          item={item}
          facts={facts}
          names={names}
          regimes={regimes}
          index={index + 1}
          defaults={defaults}
        />
      ) : (
        <Loading />
      )}
      <div>
        <Button
          onClick={() => flashTo(`/saker/${facts.id}/samtykke`, t('consent.wizard.doneFlash'))}
        >
          {t('consent.wizard.done')}
        </Button>
      </div>
    </>
  );
}

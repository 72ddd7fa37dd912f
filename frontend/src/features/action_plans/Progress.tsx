/** Action plans room: a progress bar with its share in words (0–1 in, a whole per cent out). */
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';

export function percent(share: number): number {
  if (!Number.isFinite(share)) return 0;
  return Math.round(Math.min(1, Math.max(0, share)) * 100);
}

export function Progress({ value, label }: { value: number; label: string }) {
  const { t, i18n } = useTranslation();
  const p = percent(value);
  const text = t('actionPlans.progressValue', { value: formatNumber(p, i18n.language) });
  return (
    <span className="plan-progress" data-testid="progress" data-value={p}>
      <progress max={100} value={p} aria-label={t('actionPlans.progressOf', { name: label })}>
        {text}
      </progress>
      <span className="plan-progress-text">{text}</span>
    </span>
  );
}

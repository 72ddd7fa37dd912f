import { Button, Fieldset, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n';
import { CheckboxInput } from '../shared/form/fields';
import type { FormApi } from '../shared/form/useForm';
import { ROLES, type Role } from './api';

export type RoleFlags = Record<Role, boolean>;

export function roleFlags(roles: readonly string[]): RoleFlags {
  return Object.fromEntries(ROLES.map((r) => [r, roles.includes(r)])) as RoleFlags;
}

export function chosenRoles(v: RoleFlags): Role[] {
  return ROLES.filter((r) => v[r]);
}

/** A timestamp as date and time in the user's language. */
export function formatDateTime(iso: string | null | undefined, lng: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(intlLocale(lng), {
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** The unit roles as a group of checkboxes. */
export function RoleCheckboxes<V extends RoleFlags>({
  form,
  legend,
}: {
  form: FormApi<V>;
  legend: string;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {ROLES.map((r) => (
        <CheckboxInput<RoleFlags>
          key={r}
          form={form as unknown as FormApi<RoleFlags>}
          name={r}
          label={t(`role.${r}`)}
        />
      ))}
    </Fieldset>
  );
}

/** "Are you sure?" in the row, before a change that takes access away. */
export function ConfirmRow({
  question,
  confirmLabel,
  busy,
  onConfirm,
  onCancel,
}: {
  question: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="stack" role="group" aria-label={question}>
      <Paragraph data-size="sm">{question}</Paragraph>
      <div className="row">
        <Button data-size="sm" data-color="danger" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button data-size="sm" variant="tertiary" onClick={onCancel}>
          {t('access.cancel')}
        </Button>
      </div>
    </div>
  );
}

/** A table that scrolls sideways on a narrow screen: the region takes focus so that keyboard
 * users can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable). */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be focusable
    <div className="table-wrap" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}

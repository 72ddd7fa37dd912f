import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/problem';
import { draftKey } from '../../../lib/drafts';
import { renderApp } from '../../../test/render';
import { ConflictAlert, FormError, RestoredNotice, TextInput } from './fields';
import { useForm } from './useForm';

interface V {
  name: string;
  organisationNumber: string;
}

function TestForm({
  onSave,
  onReload,
}: {
  onSave: (v: V) => Promise<void>;
  onReload?: () => void;
}) {
  const form = useForm<V>({
    formId: 'org',
    initial: { name: '', organisationNumber: '' },
    validate: (v) => ({
      ...(v.name ? {} : { name: 'Fyll ut navnet.' }),
      ...(v.organisationNumber && !/^\d{9}$/.test(v.organisationNumber)
        ? { organisationNumber: 'Ni siffer.' }
        : {}),
    }),
  });
  return (
    <form noValidate onSubmit={form.handleSubmit(onSave)}>
      <RestoredNotice show={form.restored} />
      {form.status === 'conflict' ? (
        <ConflictAlert onReload={onReload ?? (() => undefined)} />
      ) : null}
      <FormError message={form.formError} />
      <TextInput form={form} name="name" label="Navn" />
      <TextInput form={form} name="organisationNumber" label="Organisasjonsnummer" />
      <button type="submit">Lagre</button>
    </form>
  );
}

const validation = (errors: { field: string; code: string; params?: Record<string, number> }[]) =>
  new ApiError(422, {
    type: '/problems/validation-failed',
    title: 'The input is not valid',
    status: 422,
    detail: 'Invalid.',
    errors: errors.map((e) => ({ params: {}, ...e, message: 'English, never shown.' })),
  });

describe('forms', () => {
  it('validates as you type', async () => {
    const user = userEvent.setup();
    renderApp(<TestForm onSave={vi.fn()} />);
    const orgNo = screen.getByLabelText('Organisasjonsnummer');
    await user.type(orgNo, '12');
    expect(await screen.findByText('Ni siffer.')).toBeInTheDocument();
    await user.type(orgNo, '3456789');
    expect(screen.queryByText('Ni siffer.')).not.toBeInTheDocument();
  });

  it("shows the server's problem+json field errors beside the fields", async () => {
    const user = userEvent.setup();
    const onSave = vi.fn(async () => {
      throw validation([{ field: 'organisationNumber', code: 'org-number-invalid' }]);
    });
    renderApp(<TestForm onSave={onSave} />);
    await user.type(screen.getByLabelText('Navn'), 'Skolen');
    await user.type(screen.getByLabelText('Organisasjonsnummer'), '123456789');
    await user.click(screen.getByRole('button', { name: 'Lagre' }));
    const msg = await screen.findByText('Ikke et gyldig organisasjonsnummer. Sjekk de ni sifrene.');
    expect(screen.queryByText('English, never shown.')).not.toBeInTheDocument();
    const input = screen.getByLabelText('Organisasjonsnummer');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    // Beside the field: inside the same field wrapper as the input.
    expect(input.closest('.ds-field')).toContainElement(msg);
    // Typing in the field clears the server's message for it.
    await user.type(input, '0');
    expect(screen.queryByText(/Ikke et gyldig organisasjonsnummer/)).not.toBeInTheDocument();
  });

  it('explains a 412 conflict and offers a reload', async () => {
    const user = userEvent.setup();
    const onReload = vi.fn();
    const onSave = vi.fn(async () => {
      throw new ApiError(412, {
        type: '/problems/stale-version',
        title: 'Stale',
        status: 412,
        detail: '',
      });
    });
    renderApp(<TestForm onSave={onSave} onReload={onReload} />);
    await user.type(screen.getByLabelText('Navn'), 'Skolen');
    await user.click(screen.getByRole('button', { name: 'Lagre' }));
    expect(await screen.findByText('Noen andre har endret dette')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Last inn på nytt' }));
    expect(onReload).toHaveBeenCalled();
  });

  it('does not submit while the client validation fails', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn(async () => undefined);
    renderApp(<TestForm onSave={onSave} />);
    await user.click(screen.getByRole('button', { name: 'Lagre' }));
    expect(await screen.findByText('Fyll ut navnet.')).toBeInTheDocument();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('restores a draft saved before a re-login, once', async () => {
    sessionStorage.setItem(
      draftKey('/organisasjoner/ny', 'org'),
      JSON.stringify({ savedAt: 1, value: { name: 'Halvferdig', organisationNumber: '' } }),
    );
    renderApp(<TestForm onSave={vi.fn()} />, { route: '/organisasjoner/ny' });
    expect(screen.getByLabelText('Navn')).toHaveValue('Halvferdig');
    expect(screen.getByTestId('draft-restored')).toBeInTheDocument();
    await waitFor(() =>
      expect(sessionStorage.getItem(draftKey('/organisasjoner/ny', 'org'))).toBeNull(),
    );
  });
});

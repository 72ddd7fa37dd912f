import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { GuardPanel, guardBlock } from './Guard';
import { ApiError } from '../../../api/problem';
import { renderApp } from '../../../test/render';

const problem = {
  type: '/problems/personal-data-found',
  title: 'The text holds personal data',
  status: 422,
  detail: 'openText: 1 identity_number',
  findings: [{ field: 'openText', kind: 'identity_number', start: 25, end: 36 }],
  rule: { code: 'no-individual-cases', message: 'A coordinating body never handles cases.' },
  overrideField: 'overrideReason',
};
const text = 'Eleven med fødselsnummer 17859000185 ble drøftet.';

describe('the free-text guard in the minutes editor', () => {
  it('recognises the 422 personal-data-found problem and nothing else', () => {
    const blocked = guardBlock(new ApiError(422, problem), { openText: text });
    expect(blocked?.findings).toHaveLength(1);
    expect(blocked?.rule).toBe('no-individual-cases');
    const other = { ...problem, type: '/problems/validation-failed' };
    expect(guardBlock(new ApiError(422, other), {})).toBeNull();
    expect(guardBlock(new Error('x'), {})).toBeNull();
  });

  it('highlights the spans in the text as sent; an override needs a reason', () => {
    const onFix = vi.fn();
    const onOverride = vi.fn();
    const blocked = guardBlock(new ApiError(422, problem), { openText: text });
    renderApp(
      <GuardPanel
        id="g"
        blocked={blocked!}
        labels={{ openText: 'Åpen tekst' }}
        onFix={onFix}
        onOverride={onOverride}
      />,
    );
    expect(screen.getByText('17859000185').tagName).toBe('MARK');
    expect(screen.getByTestId('guard-text')).toHaveTextContent(text);
    expect(screen.getByText(/behandler ikke enkeltsaker/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Lagre likevel' }));
    expect(onOverride).not.toHaveBeenCalled();
    expect(screen.getByText('Skriv en begrunnelse.')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/Begrunnelse for å lagre likevel/), {
      target: { value: 'Et oppdiktet nummer i et eksempel.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre likevel' }));
    expect(onOverride).toHaveBeenCalledWith('Et oppdiktet nummer i et eksempel.');
    fireEvent.click(screen.getByRole('button', { name: 'Rett teksten' }));
    expect(onFix).toHaveBeenCalledWith('openText');
  });
});

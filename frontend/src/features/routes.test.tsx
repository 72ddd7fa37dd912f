import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HealthCheck } from './organisation/types';
import { canEditMemberships, canEditOrganisation } from '../auth/permissions';
import { coordinator, renderApp } from '../test/render';
import AccessibilityPage from './shared/AccessibilityPage';
import { fixLink } from './organisation/HomePage';

const check = (over: Partial<HealthCheck>): HealthCheck => ({
  code: 'no_steering_body',
  severity: 'required',
  ok: false,
  bodyId: null,
  membershipId: null,
  due: null,
  ...over,
});

describe('health checklist links', () => {
  it('sends each missing element to where it is fixed', () => {
    expect(fixLink(check({ code: 'no_coordinator' }))).toBe('/enhet');
    expect(fixLink(check({ code: 'no_coordinating_body' }))).toBe('/organer/ny?level=coordinating');
    expect(fixLink(check({ code: 'body_without_chair', bodyId: 'b1' }))).toBe('/organer/b1');
    expect(fixLink(check({ code: 'membership_expiring', bodyId: 'b1', membershipId: 'm1' }))).toBe(
      '/organer/b1#m-m1',
    );
  });
});

describe('permissions', () => {
  it('lets unit_admin and coordinator edit; a chair or secretary edits their body only', () => {
    expect(canEditOrganisation(coordinator)).toBe(true);
    const member = { ...coordinator, roles: [], bodyRoles: [{ bodyId: 'b1', role: 'member' }] };
    expect(canEditOrganisation(member)).toBe(false);
    expect(canEditMemberships(member, 'b1')).toBe(false);
    const chair = { ...member, bodyRoles: [{ bodyId: 'b1', role: 'chair' }] };
    expect(canEditMemberships(chair, 'b1')).toBe(true);
    expect(canEditMemberships(chair, 'b2')).toBe(false);
  });
});

describe('accessibility statement', () => {
  it('names WCAG 2.1, feedback, the supervisory authority and the date (nynorsk)', () => {
    renderApp(<AccessibilityPage />, { lang: 'nn' });
    expect(
      screen.getByRole('heading', { level: 1, name: 'Tilgjengeerklæring' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/WCAG 2.1/)).toBeInTheDocument();
    expect(screen.getByText(/uutilsynet.no/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /@/ })).toHaveAttribute(
      'href',
      expect.stringMatching(/^mailto:/),
    );
    expect(screen.getByText(/sist oppdatert 21\. november 2026/)).toBeInTheDocument();
  });
});

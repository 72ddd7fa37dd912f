import { describe, expect, it, vi } from 'vitest';
import { loginUrl, reLogin } from '../auth/login';
import { draftKey, openDraftCount, persistDrafts, registerDraft, takeDraft } from './drafts';

describe('form drafts across a re-login', () => {
  it('saves open forms keyed by route and gives them back once', () => {
    const key = draftKey('/personer/ny', 'person-new');
    const unregister = registerDraft(key, () => ({ name: 'Ada' }));
    const idle = registerDraft(draftKey('/x', 'clean'), () => undefined);
    expect(persistDrafts()).toBe(1);
    unregister();
    idle();
    expect(openDraftCount()).toBe(0);
    expect(takeDraft(key)).toEqual({ name: 'Ada' });
    expect(takeDraft(key)).toBeUndefined();
  });

  it('on a 401: persists drafts, then goes to the login with returnTo and language', () => {
    window.history.pushState({}, '', '/organer/abc?tab=1');
    const key = draftKey('/organer/abc', 'membership-add');
    const unregister = registerDraft(key, () => ({ personId: 'p1', role: 'chair' }));
    const navigate = vi.fn();
    reLogin('nn', navigate);
    unregister();
    expect(navigate).toHaveBeenCalledWith(loginUrl('/organer/abc?tab=1', 'nn'));
    expect(navigate.mock.calls[0]![0]).toBe(
      '/auth/login?returnTo=%2Forganer%2Fabc%3Ftab%3D1&lang=nn',
    );
    expect(takeDraft(key)).toEqual({ personId: 'p1', role: 'chair' });
  });
});

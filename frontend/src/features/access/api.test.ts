import { describe, expect, it } from 'vitest';
import { roleValues, scopeValues } from '../../api/schema';
import { ROLES, SCOPES } from './api';

describe('the access enums', () => {
  it('are the contract enum values (scopes in screen order)', () => {
    expect([...SCOPES].sort()).toEqual([...scopeValues].sort());
    expect(SCOPES[0]).toBe('samordna:organisation.read');
    expect(ROLES).toEqual(roleValues);
  });
});

import { describe, expect, it } from 'vitest';
import type { ProfileView } from '../../app/contract';
import { profileLabels, uniqueProfileName } from './profile-names';

const profile = (id: string, name: string, username?: string): ProfileView => ({
  id,
  name,
  server: 'sandbox',
  baseUrl: 'http://127.0.0.1:1',
  username,
  allowWeakStorage: false,
  hasStoredSignIn: false,
  vaultProblem: undefined,
});

describe('profile names', () => {
  it('tells two profiles apart by username, else by number', () => {
    const labels = profileLabels([
      profile('a', 'Local sandbox', 'demo'),
      profile('b', 'Local sandbox', 'mfa-demo'),
      profile('c', 'mittwald API'),
      profile('d', 'mittwald API'),
    ]);
    expect([...labels.values()]).toEqual([
      'Local sandbox · demo',
      'Local sandbox · mfa-demo',
      'mittwald API (1)',
      'mittwald API (2)',
    ]);
  });

  it('names a new profile so it is not taken', () => {
    const existing = [profile('a', 'Local sandbox'), profile('b', 'Local sandbox 2')];
    expect(uniqueProfileName('Local sandbox', existing)).toBe('Local sandbox 3');
    expect(uniqueProfileName('mittwald API', existing)).toBe('mittwald API');
  });
});

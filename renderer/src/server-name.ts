import type { ProfileView } from '../../app/contract';
import { t } from './i18n/i18n';

/** Where a profile signs in, as a person reads it: the sandbox, mittwald, or a custom host. */
export function serverName(profile: Pick<ProfileView, 'server' | 'baseUrl'>): string {
  if (profile.server === 'sandbox') return t('server.sandbox');
  if (profile.server === 'mittwald') return t('server.mittwald');
  try {
    return new URL(profile.baseUrl).host || profile.baseUrl;
  } catch {
    return profile.baseUrl;
  }
}

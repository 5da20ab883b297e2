import type { MessageKey } from './i18n/en';
import { t } from './i18n/i18n';

/** The API's endpoints in words a person knows; the method and path stay secondary text. */
const NAMES: Record<string, MessageKey> = {
  'POST /authenticate': 'endpoint.signIn',
  'GET /authentication/tokens': 'endpoint.tokenList',
  'POST /authentication/tokens': 'endpoint.tokenCreate',
  'DELETE /authentication/tokens/{uuid}': 'endpoint.tokenRevoke',
  'GET /authentication/self': 'endpoint.self',
  'GET /authentication/accesstoken': 'endpoint.apiToken',
};

export const SIGN_IN_ENDPOINT = 'POST /authenticate';

export function endpointName(endpoint: string): string {
  const key = NAMES[endpoint];
  return key ? t(key) : endpoint;
}

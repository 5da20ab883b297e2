/** Vitest set-up: after every test, each service harness it made is leak-checked and closed. */
import { afterEach } from 'vitest';
import { checkAndCloseAll } from './service-fixture';

afterEach(async () => {
  await checkAndCloseAll();
});

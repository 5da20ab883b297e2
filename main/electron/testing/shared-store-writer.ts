/**
 * A second process writing the app's electron-store file, for the adapter's cross-process
 * test: conf (the engine under electron-store) with the adapter and a vault, adding `count` held
 * entries named `<prefix><i>` to one profile's secrets.
 * Usage: tsx shared-store-writer.ts <folder> <prefix> <count>
 */
import Conf from 'conf';
import { EphemeralAesGcmCipher } from '../../../app/vault/aes-gcm-cipher';
import { Vault } from '../../../app/vault/vault';
import { ElectronStoreAdapter } from '../adapters';

const [folder, prefix, count] = process.argv.slice(2);
if (folder === undefined || prefix === undefined || count === undefined)
  throw new Error('usage: shared-store-writer <folder> <prefix> <count>');
const store = new Conf<Record<string, unknown>>({
  cwd: folder,
  configName: 'mwtokens-data',
  projectName: 'mwtokens',
});
const vault = new Vault(new ElectronStoreAdapter(store), new EphemeralAesGcmCipher());
for (let i = 0; i < Number(count); i += 1) {
  await vault.updateSecrets('p', (record) => ({
    ...record,
    held: { ...record.held, [`${prefix}${i}`]: { secret: '', description: prefix, storedAt: i } },
  }));
}

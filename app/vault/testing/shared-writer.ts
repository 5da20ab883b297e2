/**
 * A second process writing the same store, for the cross-process tests: adds `count` held
 * entries named `<prefix><i>` to one profile's secrets, one read-modify-write each.
 * Usage: tsx shared-writer.ts <folder> <prefix> <count>
 */
// Stryker disable all: test support that runs only as a child process, where no mutant is active.
import { EphemeralAesGcmCipher } from '../aes-gcm-cipher';
import { FolderStore } from '../file-store';
import { Vault } from '../vault';

const [folder, prefix, count] = process.argv.slice(2);
if (folder === undefined || prefix === undefined || count === undefined)
  throw new Error('usage: shared-writer <folder> <prefix> <count>');
const vault = new Vault(new FolderStore(folder), new EphemeralAesGcmCipher());
for (let i = 0; i < Number(count); i += 1) {
  await vault.updateSecrets('p', (record) => ({
    ...record,
    held: { ...record.held, [`${prefix}${i}`]: { secret: '', description: prefix, storedAt: i } },
  }));
}

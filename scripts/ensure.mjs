// Installs what `npm start` and `npm test` need on a fresh clone, using only Node's own modules
// (node_modules may not exist yet when this runs).
import { execFileSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** `npm ci` when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const installed = mtime(join(root, 'node_modules', '.package-lock.json'));
  const lock = mtime(join(root, 'package-lock.json'));
  if (installed !== undefined && lock !== undefined && installed >= lock) return;
  console.log(
    installed === undefined ? '› installing dependencies (npm ci)' : '› lock file changed: npm ci',
  );
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Finds a Chromium: CHROMIUM_PATH, then /usr/bin/chromium, then apt as root; else explains. */
export function ensureChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which is not an executable file.`);
  }
  const debian = '/usr/bin/chromium';
  if (isExecutable(debian)) return debian;
  if (process.getuid?.() === 0) {
    console.log('› installing Chromium (apt-get install -y chromium)');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (isExecutable(debian)) return debian;
  }
  throw new Error(
    'No Chromium found. Install one (Debian: sudo apt-get install chromium) ' +
      'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
  );
}

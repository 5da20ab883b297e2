// `npm start`: installs what is missing, builds what is stale, launches Electron. Where no
// Electron binary can be had, it says so and opens the preview host instead (or explains how).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium, ensureDependencies, root } from './ensure.mjs';

ensureDependencies();

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function buildIfStale() {
  const outputs = ['dist/main/main.js', 'dist/main/preload.cjs', 'dist/renderer/index.html'].map(
    (p) => join(root, p),
  );
  const built = Math.min(...outputs.map((p) => (existsSync(p) ? statSync(p).mtimeMs : 0)));
  const sources = Math.max(
    ...['app', 'main', 'renderer', 'package-lock.json', 'vite.config.ts'].map((p) =>
      newest(join(root, p)),
    ),
  );
  if (built >= sources) return;
  console.log('› building (sources changed since the last build)');
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The Electron binary, without triggering a download. */
function electronBinary() {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? join(override, relative) : join(dir, 'dist', relative);
  return existsSync(candidate) ? candidate : undefined;
}

function tryFetchElectron() {
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'electron', 'install.js')],
    { cwd: root, stdio: 'ignore', timeout: 120_000 },
  );
  return result.status === 0 ? electronBinary() : undefined;
}

buildIfStale();
const electron = electronBinary() ?? tryFetchElectron();
if (electron) {
  const result = spawnSync(electron, [root], { stdio: 'inherit' });
  process.exit(result.status ?? 0);
}

console.log('No Electron binary here, and it could not be downloaded.');
console.log(
  'Provide one with ELECTRON_OVERRIDE_DIST_PATH=<folder with the electron binary>, or set ELECTRON_MIRROR to a reachable mirror and run npm start again.',
);
const hasDisplay =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!hasDisplay) {
  console.log(
    'There is no display either. To try the app in Chromium instead: xvfb-run npm run preview',
  );
  process.exit(1);
}
console.log('Opening the preview host in Chromium instead (nothing is saved).');
process.env.CHROMIUM_PATH = ensureChromium();
const preview = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), ['main/preview/cli.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
process.exit(preview.status ?? 0);

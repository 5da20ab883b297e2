// `npm start`: installs what is missing, builds what is stale, launches Electron. Where no
// Electron binary can be had, it says so and opens the preview host instead (or explains how).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the electron package puts its binary on each platform (as its install.js does). */
export function electronRelativePath(platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** The Electron binary, without triggering a download: path.txt when present, else the platform's path. */
export function electronBinary(
  root,
  { platform = process.platform, env = process.env, exists = existsSync, read = readFileSync } = {},
) {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  const relative = exists(pathFile)
    ? read(pathFile, 'utf8').trim()
    : electronRelativePath(platform);
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? join(override, relative) : join(dir, 'dist', relative);
  return exists(candidate) ? candidate : undefined;
}

/** npm is npm.cmd on Windows, which Node (since the 2024 fix of CVE-2024-27980) runs only through a shell. */
export function npmSpawnOptions(platform) {
  return platform === 'win32' ? { shell: true } : {};
}

/** The exit code a finished child means for us: a spawn that failed or a signal is a failure, never 0. */
export function exitCodeOf(result, what) {
  if (result.error) {
    console.error(`${what} could not be started: ${result.error.message}`);
    return 1;
  }
  if (result.signal) {
    console.error(`${what} ended by ${result.signal}`);
    return 1;
  }
  return result.status ?? 1;
}

/**
 * The preview host, run as `node <tsx's CLI> main/preview/cli.ts`: no shell and no `.bin` shim,
 * so a checkout path with spaces (or other characters a shell reads) cannot break it on any
 * platform. tsx's CLI is found through its package.json `bin`, as npm itself finds it.
 */
export function previewCommand(root, { execPath = process.execPath, read = readFileSync } = {}) {
  const dir = join(root, 'node_modules', 'tsx');
  const { bin } = JSON.parse(read(join(dir, 'package.json'), 'utf8'));
  const cli = typeof bin === 'string' ? bin : bin.tsx;
  return {
    command: execPath,
    args: [join(dir, cli), 'main/preview/cli.ts'],
    options: { cwd: root, stdio: 'inherit' },
  };
}

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function buildIfStale(root) {
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
  const result = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: root,
    stdio: 'inherit',
    ...npmSpawnOptions(process.platform),
  });
  const code = exitCodeOf(result, 'npm run build');
  if (code !== 0) process.exit(code);
}

function tryFetchElectron(root) {
  // Electron's installer shows a progress bar (on a terminal, after 30 s): let it through.
  console.log('› downloading Electron (about 100 MB; needs Node 22.12 or later)');
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'electron', 'install.js')],
    { cwd: root, stdio: 'inherit', timeout: 600_000 },
  );
  return exitCodeOf(result, 'the Electron download') === 0 ? electronBinary(root) : undefined;
}

async function main() {
  const { ensureChromium, ensureDependencies, root } = await import('./ensure.mjs');
  ensureDependencies();
  buildIfStale(root);
  const electron = electronBinary(root) ?? tryFetchElectron(root);
  if (electron) {
    const result = spawnSync(electron, [root], { stdio: 'inherit' });
    process.exit(exitCodeOf(result, 'Electron'));
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
  const { command, args, options } = previewCommand(root);
  const preview = spawnSync(command, args, { ...options, env: process.env });
  process.exit(exitCodeOf(preview, 'the preview host'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();

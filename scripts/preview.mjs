// `npm run preview`: installs what is missing, builds the renderer, opens the preview host.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureChromium, ensureDependencies, root } from './ensure.mjs';

ensureDependencies();
process.env.CHROMIUM_PATH = ensureChromium();
const run = (cmd, args) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;
if (run('npm', ['run', '--silent', 'build']) !== 0) process.exit(1);
process.exit(run(join(root, 'node_modules', '.bin', 'tsx'), ['main/preview/cli.ts']));

// `npm start`: installs what is missing, then (once the app exists) builds and launches it.
import { ensureDependencies } from './ensure.mjs';

ensureDependencies();
console.log('mwtokens: the desktop app is being built; `npm test` runs the whole suite.');

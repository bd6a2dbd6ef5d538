// Loads the pinned npm packages from test-tools/node_modules (ESM ignores NODE_PATH).
// The folder comes from SOCKETIWA_NODE_MODULES, else the repository's test-tools/node_modules.
import { pathToFileURL, fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
export const nodeModules = process.env.SOCKETIWA_NODE_MODULES
  || path.resolve(here, '../../../../test-tools/node_modules');

const load = (relative) => import(pathToFileURL(path.join(nodeModules, relative)).href);

export const wbn = await load('wbn/lib/wbn.js');
export const wbnSign = await load('wbn-sign/lib/wbn-sign.js');
// wbn-sign's own cborg (4.x, has decodeFirst); wbn uses an older one.
export const cborg = await load('wbn-sign/node_modules/cborg/cborg.js');

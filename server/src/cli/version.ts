import * as fs from 'fs';
import * as path from 'path';

/** pyreview's version, from the server package's manifest (out/cli/ → package.json). */
export const PYREVIEW_VERSION: string = (
  JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }
).version;

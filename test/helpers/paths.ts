import * as path from 'path';

/** The repository root, from the compiled test location (out/test/helpers). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');

import * as path from 'path';

/** The repository root, from the compiled location test/e2e/code-server/out. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const PROJECT_FIXTURE = path.join(REPO_ROOT, 'test', 'e2e', 'code-server', 'project');
export const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
export const README_IMAGES = path.join(REPO_ROOT, 'docs', 'images');

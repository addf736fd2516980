import * as path from 'path';

/** The repository root, from the compiled test location (out/test/helpers). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
/** Debian packages unpacked by scripts/debian-inputs.sh (scripts/test.sh runs it for the corpus tests). */
export const DEBIAN_INPUTS = path.join(REPO_ROOT, '.debian-inputs');
/** OpenStack nova's sources, from Debian's python3-nova. */
export const NOVA_SOURCES = path.join(DEBIAN_INPUTS, 'python3-nova', 'usr', 'lib', 'python3', 'dist-packages', 'nova');

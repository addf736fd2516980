/**
 * The VS Code extension's page: EXTENSION.md, packaged as the .vsix's README. Its tables follow
 * package.json (`npm run docs`), and `vsce ls` packages every image it shows, its icon and the
 * changelog, with no link to a repository that does not exist.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../helpers/paths';
import { EXTENSION_README, expectedExtensionReadme } from '../../scripts/extensionReadme';

const { VSCE, VSCE_README } = require(path.join(REPO_ROOT, 'scripts', 'package.js')) as { VSCE: string; VSCE_README: string[] };

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & { icon: string };
const page = fs.readFileSync(path.join(REPO_ROOT, EXTENSION_README), 'utf8');

describe('the extension page', function () {
  this.timeout(60_000);

  it('has the settings and commands of package.json: run `npm run docs` after changing them', () => {
    assert.strictEqual(page, expectedExtensionReadme(REPO_ROOT));
    assert.match(page, /\| `pyreview\.unsafeFixes` \| `false` \|/);
    assert.match(page, /\| pyreview: Fix all auto-fixable problems \| `pyreview\.fixAll` \|/);
  });

  it('is what `vsce ls` packages as the README, with its images, icon and changelog', () => {
    const listed = execFileSync(process.execPath, [VSCE, 'ls', '--no-dependencies', ...VSCE_README], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\n');
    const images = [...page.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1]);
    assert.ok(images.length >= 2, images.join(', '));
    for (const file of [EXTENSION_README, 'CHANGELOG.md', manifest.icon, ...images]) assert.ok(listed.includes(file), `${file} is not packaged:\n${listed.join('\n')}`);
    assert.ok(!listed.includes('README.md'), 'the developer README is packaged');
    assert.ok(!listed.some((file) => file.startsWith('lib/') || file.endsWith('.ts')), listed.join('\n'));
  });

  it('links to no repository: every image is relative, and the manifest has no repository, bugs or homepage', () => {
    assert.doesNotMatch(page, /!\[[^\]]*\]\(https?:/);
    for (const field of ['repository', 'bugs', 'homepage']) assert.strictEqual(manifest[field], undefined, field);
  });
});

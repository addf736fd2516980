/**
 * The VS Code extension's page: EXTENSION.md, packaged as the .vsix's README with its images
 * inlined (scripts/package.js). Its tables follow package.json (`npm run docs`), `vsce ls`
 * packages it with the icon and the changelog, and nothing links to a repository that does not exist.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../helpers/paths';
import { EXTENSION_README, expectedExtensionReadme } from '../../scripts/extensionReadme';

const { VSCE, PACKAGED_PAGE, writePackagedPage } = require(path.join(REPO_ROOT, 'scripts', 'package.js')) as {
  VSCE: string;
  PACKAGED_PAGE: string;
  writePackagedPage(): void;
};

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & { icon: string };
const page = fs.readFileSync(path.join(REPO_ROOT, EXTENSION_README), 'utf8');

describe('the extension page', function () {
  this.timeout(60_000);

  it('has the settings and commands of package.json: run `npm run docs` after changing them', () => {
    assert.strictEqual(page, expectedExtensionReadme(REPO_ROOT));
    assert.match(page, /\| `pyreview\.unsafeFixes` \| `false` \|/);
    assert.match(page, /\| pyreview: Fix all auto-fixable problems \| `pyreview\.fixAll` \|/);
  });

  it('is what `vsce ls` packages as the README, images inlined, with the icon and the changelog', () => {
    writePackagedPage();
    const listed = execFileSync(process.execPath, [VSCE, 'ls', '--no-dependencies', '--readme-path', PACKAGED_PAGE], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\n');
    for (const file of [PACKAGED_PAGE, 'CHANGELOG.md', manifest.icon]) assert.ok(listed.includes(file), `${file} is not packaged:\n${listed.join('\n')}`);
    assert.ok(!listed.includes('README.md'), 'the developer README is packaged');
    assert.ok(!listed.some((file) => file.startsWith('lib/') || file.endsWith('.ts')), listed.join('\n'));

    const images = (text: string) => [...text.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1]);
    const relative = images(page);
    assert.ok(relative.length >= 2, relative.join(', '));
    const packaged = fs.readFileSync(path.join(REPO_ROOT, PACKAGED_PAGE), 'utf8');
    assert.deepStrictEqual(
      images(packaged),
      relative.map((file) => `data:image/png;base64,${fs.readFileSync(path.join(REPO_ROOT, file)).toString('base64')}`),
    );
  });

  it('links to no repository: every image is relative, and the manifest has no repository, bugs or homepage', () => {
    assert.doesNotMatch(page, /!\[[^\]]*\]\(https?:/);
    for (const field of ['repository', 'bugs', 'homepage']) assert.strictEqual(manifest[field], undefined, field);
  });
});

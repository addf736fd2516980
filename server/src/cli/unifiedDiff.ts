import { structuredPatch } from 'diff';

/**
 * A git-style unified diff (`--- a/path`, `+++ b/path`) that `git apply` and `patch -p1` accept. An
 * absolute path (a file outside the working directory) loses its leading slash there, as in git's diffs.
 */
export function unifiedDiff(displayPath: string, before: string, after: string): string {
  const posixPath = displayPath.split('\\').join('/').replace(/^\/+/, '');
  const patch = structuredPatch(`a/${posixPath}`, `b/${posixPath}`, before, after, undefined, undefined, { context: 3 });
  const lines = [`--- ${patch.oldFileName}`, `+++ ${patch.newFileName}`];
  for (const hunk of patch.hunks) {
    // An empty side's start is one lower in unified diffs (`-0,0`).
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    lines.push(`@@ -${oldStart},${hunk.oldLines} +${newStart},${hunk.newLines} @@`, ...hunk.lines);
  }
  return `${lines.join('\n')}\n`;
}

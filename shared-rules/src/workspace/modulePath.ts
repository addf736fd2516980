import * as fs from 'fs';
import * as path from 'path';

/**
 * The dotted module name of a file from its package layout: `pkg/db/models.py`
 * with `pkg/__init__.py` and `pkg/db/__init__.py` is `pkg.db.models`. Outside
 * any package the file's own name is the module. Undefined for a file whose
 * name is not a Python identifier (it cannot be imported).
 */
export function moduleNameForFile(filePath: string, exists: (file: string) => boolean = fs.existsSync): string | undefined {
  const parsed = path.parse(path.resolve(filePath));
  const parts = parsed.name === '__init__' ? [] : [parsed.name];
  let directory = parsed.dir;
  while (exists(path.join(directory, '__init__.py')) || exists(path.join(directory, '__init__.pyi'))) {
    parts.unshift(path.basename(directory));
    const parent = path.dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  if (!parts.length || !parts.every((part) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(part))) return undefined;
  return parts.join('.');
}

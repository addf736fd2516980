import * as fs from 'fs';
import * as path from 'path';

/** Debian's Python standard library, real code the corpus tests read. */
export const STDLIB = '/usr/lib/python3.11';
/** A slice with unused imports, star imports, `__all__`, class scopes and comprehensions. */
export const CORPUS_SLICE = fs.existsSync(STDLIB)
  ? fs.readdirSync(STDLIB).filter((name) => /^[a-m].*\.py$/.test(name)).map((name) => path.join(STDLIB, name))
  : [];

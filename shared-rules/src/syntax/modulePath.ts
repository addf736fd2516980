/** `_name` is private, `__name__` (`__init__`, `__main__`) is not. */
export function isPrivateName(name: string): boolean {
  return name.startsWith('_') && !(name.startsWith('__') && name.endsWith('__'));
}

/**
 * Whether a module is private by its path, as pydocstyle and Ruff decide:
 * its file name or a package directory on the path starts with one
 * underscore. `path` should be relative to the import root (the
 * configuration root); only the file name is used for absolute paths.
 */
export function isPrivateModulePath(path: string): boolean {
  const parts = path.split(/[\\/]/).filter((part) => part && part !== '.' && part !== '..');
  if (!parts.length) return false;
  const file = parts[parts.length - 1].replace(/\.pyi?$/, '');
  const directories = path.startsWith('/') || /^[A-Za-z]:/.test(path) ? [] : parts.slice(0, -1);
  return isPrivateName(file) || directories.some(isPrivateName);
}

/** The path rules should judge module privacy by. */
export function modulePathOf(context: { filePath: string; relativePath?: string }): string {
  return context.relativePath ?? context.filePath;
}

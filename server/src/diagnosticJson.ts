const texts = new WeakMap<object, string>();

/**
 * Makes a value's JSON now and keeps it for as long as the value lives: for
 * diagnostics, which are never changed once made and are published again at
 * every edit that leaves them where they are (see PublishedFindings).
 */
export function keepJson(value: object): void {
  texts.set(value, JSON.stringify(value));
}

/** A value's JSON (`null` for what JSON has no text for, as in an array), the kept text when there is one. */
export function jsonText(value: unknown): string {
  return (typeof value === 'object' && value !== null && texts.get(value)) || (JSON.stringify(value) ?? 'null');
}

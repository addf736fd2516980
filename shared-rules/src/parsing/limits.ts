/**
 * Longer texts are not parsed, in the editor or by the CLI: a tree costs about
 * 1 MiB of WASM heap per 1k lines, and that heap never shrinks.
 */
export const MAX_SOURCE_LENGTH = 8_000_000;

/** Why a text of this length is not checked, or undefined when it is. */
export function tooLongToCheck(length: number): string | undefined {
  return length > MAX_SOURCE_LENGTH
    ? `it has ${length.toLocaleString('en-US')} characters, more than the ${MAX_SOURCE_LENGTH.toLocaleString('en-US')} pyreview checks`
    : undefined;
}

/** Python refuses source with NUL bytes: so does pyreview, with Python's message, running no rule. */
export const NUL_BYTES_MESSAGE = 'SyntaxError: source code cannot contain null bytes (the file looks binary; it was not checked)';

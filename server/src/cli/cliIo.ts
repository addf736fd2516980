/** What a command prints: text, or bytes in pieces (a report spliced from cached text, written without joining them). */
export type Output = string | readonly Uint8Array[];

/** Where a command runs and writes: the process, or a test. */
export interface CliIo {
  cwd: string;
  stdout: (output: Output) => void;
  stderr: (text: string) => void;
}

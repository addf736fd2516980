/**
 * Measures, on the client side, how long the server takes to answer a change
 * with diagnostics: from the first unanswered change of a document to the next
 * diagnostics published for it. Keys are document URIs as strings.
 */
export class LintTimer {
  private readonly pending = new Map<string, number>();

  /** A change was sent; an earlier unanswered change keeps its start time. */
  changed(uri: string, now: number): void {
    if (!this.pending.has(uri)) this.pending.set(uri, now);
  }

  /** Diagnostics arrived; returns the round trip in ms, or undefined when no change was waiting. */
  answered(uri: string, now: number): number | undefined {
    const start = this.pending.get(uri);
    if (start === undefined) return undefined;
    this.pending.delete(uri);
    return now - start;
  }

  /** A closed document will not be answered. */
  forget(uri: string): void {
    this.pending.delete(uri);
  }
}

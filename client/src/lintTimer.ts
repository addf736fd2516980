/**
 * Measures, on the client side, how long the server takes to answer a
 * document's opening, edit or save with diagnostics: from the first
 * unanswered one to the next diagnostics received for it, and whether an
 * edit (typing) was among them. Keys are document URIs as strings.
 */
export class LintTimer {
  private readonly pending = new Map<string, { start: number; typing: boolean }>();

  /** Sent to the server; an earlier unanswered one keeps its start time. */
  changed(uri: string, now: number, typing: boolean): void {
    const pending = this.pending.get(uri);
    if (pending) pending.typing ||= typing;
    else this.pending.set(uri, { start: now, typing });
  }

  /** Diagnostics arrived: the time since what they answer, or undefined when nothing was waiting. */
  answered(uri: string, now: number): { durationMs: number; typing: boolean } | undefined {
    const pending = this.pending.get(uri);
    if (!pending) return undefined;
    this.pending.delete(uri);
    return { durationMs: now - pending.start, typing: pending.typing };
  }

  /** A closed document will not be answered. */
  forget(uri: string): void {
    this.pending.delete(uri);
  }
}

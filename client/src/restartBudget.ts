/**
 * Decides whether a crashed server may be restarted: at most `limit`
 * restarts within a sliding `windowMs`, so a server that dies on start-up
 * is not restarted forever while one that crashes once a day always is.
 */
export class RestartBudget {
  private readonly restarts: number[] = [];

  constructor(readonly limit = 4, private readonly windowMs = 3 * 60 * 1000) {}

  /** Records a restart at `now` when the budget allows it. */
  tryRestart(now: number): boolean {
    while (this.restarts.length > 0 && now - this.restarts[0] >= this.windowMs) this.restarts.shift();
    if (this.restarts.length >= this.limit) return false;
    this.restarts.push(now);
    return true;
  }

  /** After a manual restart the user gets the full budget again. */
  reset(): void {
    this.restarts.length = 0;
  }
}

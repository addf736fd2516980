/** Typing is slow when the median keystroke-to-problems time of the last lints is above this. */
export const SLOW_TYPING_MS = 500;

/** How many keystroke lints the median is taken over; fewer say nothing yet. */
const TYPING_SAMPLES = 5;

export type ServerState = 'starting' | 'running' | 'stopped';

/** One document's checks, as the language status item reports them. */
interface DocumentChecks {
  file: string;
  at: Date;
  durationMs: number;
  /** Keystroke-to-problems times of the last edits. */
  typing: number[];
}

export interface StatusView {
  text: string;
  detail: string;
  severity: 'information' | 'warning' | 'error';
  busy: boolean;
  /** What clicking the item runs. */
  command: { title: string; command: string };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * The checks of each open document and what the status item says about the
 * active one. Only typing is judged: opening a large file, a restart or a
 * check after settings changed costs a full lint once, which says nothing
 * about the `onSave` advice.
 */
export class LintStatus {
  private readonly documents = new Map<string, DocumentChecks>();

  /** A check of `uri` answered; `typing` when an edit of the document was waiting for it. */
  checked(uri: string, file: string, durationMs: number, typing: boolean, at = new Date()): void {
    const previous = this.documents.get(uri);
    const samples = typing ? [...(previous?.typing ?? []), durationMs].slice(-TYPING_SAMPLES) : previous?.typing ?? [];
    this.documents.set(uri, { file, at, durationMs, typing: samples });
  }

  forget(uri: string): void {
    this.documents.delete(uri);
  }

  /** The item for the server's state and the active Python document (undefined: none is active). */
  view(state: ServerState, active: { uri: string; enabled: boolean } | undefined): StatusView {
    const showLogs = { title: 'Show server logs', command: 'pyreview.showServerLogs' };
    if (state === 'stopped') {
      return {
        text: 'pyreview: stopped', detail: 'The server is not running; run "pyreview: Restart server".', severity: 'error', busy: false,
        command: { title: 'Restart', command: 'pyreview.restart' },
      };
    }
    if (active && !active.enabled) {
      return { text: 'pyreview: off', detail: '"pyreview.enable" is off for this file', severity: 'information', busy: false, command: showLogs };
    }
    const checks = active && this.documents.get(active.uri);
    const slow = checks !== undefined && checks.typing.length >= TYPING_SAMPLES && median(checks.typing) > SLOW_TYPING_MS;
    const detail = checks
      ? `Last check ${checks.at.toLocaleTimeString()} in ${Math.round(checks.durationMs)} ms (${checks.file})` +
        (slow ? ` — typing takes ${Math.round(median(checks.typing))} ms to show problems; consider "pyreview.run": "onSave"` : '')
      : active ? 'Not checked yet' : 'No Python file active';
    return {
      text: state === 'starting' ? 'pyreview: starting' : slow ? 'pyreview: slow' : 'pyreview',
      detail,
      severity: slow ? 'warning' : 'information',
      busy: state === 'starting',
      command: showLogs,
    };
  }
}

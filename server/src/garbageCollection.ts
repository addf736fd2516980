import * as v8 from 'v8';
import * as vm from 'vm';

/**
 * Makes `gc` available (it exists only with --expose-gc; the flag may be set
 * at run time and read in a new context). V8's code cache records the flags
 * it was made under: the launcher sets this one before it loads the cached
 * server, so that the cache it writes later is accepted at the next start.
 */
export function exposeGarbageCollector(): (() => void) | undefined {
  v8.setFlagsFromString('--expose-gc');
  const collect: unknown = vm.runInNewContext('gc');
  return typeof collect === 'function' ? (collect as () => void) : undefined;
}

/**
 * A full garbage collection shortly after documents are closed or give back
 * their models (see `DocumentStore.trim`), so that the memory they held is
 * reused by the next ones instead of the heap growing (V8 grows it rather
 * than collect while a burst of openings allocates). Several in a row cost
 * one collection.
 */
export class FreedMemoryCollector {
  private timer: NodeJS.Timeout | undefined;
  private readonly collect: (() => void) | undefined;

  constructor(private readonly delayMs = 500) {
    this.collect = exposeGarbageCollector();
  }

  memoryFreed(): void {
    if (!this.collect || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.collect?.();
    }, this.delayMs);
    // A pending collection never keeps the process alive.
    this.timer.unref();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

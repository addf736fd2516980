import * as v8 from 'v8';

/**
 * Limits how much TurboFan inlines into one optimized function. A keystroke
 * in a large file runs the linter's few large functions (`lint`,
 * `walkUnits`, the unit updates) hot from the first edits on; with V8's
 * default budget each is compiled with most of what it calls inlined, and a
 * deoptimization in any inlined callee (findings of a new shape reaching it)
 * throws the whole compilation away and starts another. On a machine of
 * few cores those compilations compete with the keystrokes for them; with
 * a smaller budget they cost a fraction and the keystroke's own work the
 * same (bench/RESULTS.md). Set before the server's code is loaded: V8's code
 * cache records the flags it was made under (see codeCache.ts).
 */
export function limitInlining(): void {
  v8.setFlagsFromString('--max-inlined-bytecode-size-cumulative=100');
}

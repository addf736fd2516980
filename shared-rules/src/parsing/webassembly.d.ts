// The part of the WebAssembly JavaScript API the parser module uses: Node.js has it, but
// neither lib ES2022 nor @types/node 20 declares it.
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Instance {
    constructor(module: Module, imports: Record<string, Record<string, (...args: number[]) => number | void>>);
    readonly exports: Record<string, unknown>;
  }
  class Memory {
    readonly buffer: ArrayBuffer;
  }
}

/**
 * The simulator (@oraichain/cw-simulate and its VM) uses Node's `Buffer`; the browser gets the
 * `buffer` package's. Imported first by main.tsx, before anything that needs it.
 */
import { Buffer } from "buffer";

const scope = globalThis as unknown as { Buffer?: typeof Buffer };
if (!scope.Buffer) scope.Buffer = Buffer;

/**
 * The suite's real artifacts in @oraichain/cw-simulate, in Node (the package's tests) and in a
 * browser (the web app's playground) alike, with what that simulator (2.8) lacks supplied here,
 * each a reason a plain simulator cannot run the suite:
 *
 * 1. Host functions `db_next_key` / `db_next_value` (cosmwasm-std's key-only and value-only
 *    iteration, which every artifact imports): built on the simulator's own `db_next`, whose
 *    answer holds both, so they see the same store and the same iterators.
 * 2. Submessage reply ids at or above 2^53: the simulator reads a contract's response with
 *    `JSON.parse`, so such an id comes back rounded and the reply reaches the wrong handler.
 *    Until governance's ids are below 2^53 (SPEC: "Reply ids stay below 2^53"), large ids are
 *    carried through exactly, and every one is recorded in `largeReplyIds` so a test can
 *    insist that none occurs.
 * 3. `WasmMsg::UpdateAdmin` / `ClearAdmin` (the bootstrap makes the treasury its own admin) and
 *    the deployer's `MsgUpdateAdmin`: the simulator knows neither.
 *
 * Nothing here imports a Node module, so a bundler can ship it to a browser. `@oraichain/cw-simulate`
 * and `@oraichain/cosmwasm-vm-js` must be installed beside this package (its tests have them as
 * dev dependencies; the web app depends on them). The simulator is imported from its own file
 * rather than the package index, which also loads its Node-only forking helpers.
 */
import { toBech32 } from "@cosmjs/encoding";
import { VMInstance } from "@oraichain/cosmwasm-vm-js";
import { SimulateCosmWasmClient } from "@oraichain/cw-simulate/dist/SimulateCosmWasmClient";
import { Err, Ok } from "ts-results";
import type { DeployClient } from "./deploy/index";

// ---- 1. db_next_key / db_next_value ----

// The host's WebAssembly, typed locally: the package compiles without the DOM library.
type Imports = Record<string, Record<string, unknown>>;
type Instance = { exports: unknown };
type Wasm = { instantiate(module: unknown, imports?: Imports): Promise<Instance> } & { __commonsHostFunctions?: true };
type Exports = { memory: { buffer: ArrayBuffer }; allocate(size: number): number; deallocate(ptr: number): void };

/** Region { offset: u32, capacity: u32, length: u32 }, little-endian, at `ptr` in wasm memory. */
function readRegion(exports: Exports, ptr: number): Uint8Array {
  const view = new DataView(exports.memory.buffer);
  const offset = view.getUint32(ptr, true);
  const length = view.getUint32(ptr + 8, true);
  return new Uint8Array(exports.memory.buffer.slice(offset, offset + length));
}

function writeRegion(exports: Exports, bytes: Uint8Array): number {
  const ptr = exports.allocate(bytes.length);
  const view = new DataView(exports.memory.buffer);
  new Uint8Array(exports.memory.buffer, view.getUint32(ptr, true), bytes.length).set(bytes);
  view.setUint32(ptr + 8, bytes.length, true);
  return ptr;
}

/**
 * Wraps the host's `WebAssembly.instantiate` once (later calls do nothing), so every instance
 * the simulator builds gets the two host functions. Only instances built with the simulator's
 * imports (a `db_next` and no `db_next_key`) change.
 */
export function installHostFunctions(): void {
  const wasmApi = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;
  if (wasmApi.__commonsHostFunctions) return;
  const instantiate = wasmApi.instantiate.bind(wasmApi);
  wasmApi.instantiate = async (module: unknown, imports?: Imports): Promise<Instance> => {
    const env = imports?.env;
    if (!env || typeof env.db_next !== "function" || env.db_next_key) return instantiate(module, imports);
    const next = env.db_next as (iterator: number) => number;
    let exports: Exports | undefined;
    // `db_next` answers `key ‖ len(key) ‖ value ‖ len(value)` (lengths u32 big-endian), and an
    // empty key at the end; the partial functions answer one part, or 0 at the end.
    const part = (which: "key" | "value") => (iterator: number): number => {
      const ex = exports!;
      const ptr = next(iterator);
      const record = readRegion(ex, ptr);
      ex.deallocate(ptr);
      const view = new DataView(record.buffer);
      const valueLength = view.getUint32(record.length - 4);
      const keyEnd = record.length - 8 - valueLength;
      const keyLength = view.getUint32(keyEnd);
      if (keyLength === 0) return 0;
      const bytes = which === "key" ? record.slice(0, keyLength) : record.slice(keyEnd + 4, keyEnd + 4 + valueLength);
      return writeRegion(ex, bytes);
    };
    env.db_next_key = part("key");
    env.db_next_value = part("value");
    const instance = await instantiate(module, imports);
    exports = instance.exports as unknown as Exports;
    return instance;
  };
  wasmApi.__commonsHostFunctions = true;
}

// ---- 2. reply ids ----

/** Reply ids at or above 2^53 that contracts used (see the module doc). */
export const largeReplyIds: string[] = [];

type Vm = { region(ptr: number): { str: string }; deallocate(region: unknown): void; allocate_bytes(bytes: Uint8Array): unknown };
type VmProto = Vm & { json(ptr: number): unknown; allocate_json(value: unknown): unknown; __commonsReplyIds?: true };

/** Makes the VM carry reply ids of 16 digits and more through exactly (once; later calls do nothing). */
export function installExactReplyIds(): void {
  const vmProto = VMInstance.prototype as unknown as VmProto;
  if (vmProto.__commonsReplyIds) return;
  vmProto.json = function (this: Vm, ptr: number) {
    const region = this.region(ptr);
    const text = region.str;
    this.deallocate(region);
    return JSON.parse(
      text.replace(/"id":(\d{16,})/g, (match, digits: string) => {
        if (Number.isSafeInteger(Number(digits))) return match;
        largeReplyIds.push(digits);
        return `"id":"u64:${digits}"`;
      }),
    );
  };
  vmProto.allocate_json = function (this: Vm, value: unknown) {
    // UTF-8 bytes, not string length: the simulator's own version miscounts non-ASCII text
    const text = JSON.stringify(value).replace(/"id":"u64:(\d+)"/g, '"id":$1');
    return this.allocate_bytes(new TextEncoder().encode(text));
  };
  vmProto.__commonsReplyIds = true;
}

// ---- 3. admin changes, and the chain ----

type AppResponse = { events: { type: string; attributes: { key: string; value: string }[] }[]; data: string | null };
type WasmModule = {
  getContractInfo(address: string): { admin?: string | null } & Record<string, unknown>;
  setContractInfo(address: string, info: Record<string, unknown>): void;
  handleMsg(sender: string, msg: Record<string, any>, traces?: unknown[]): Promise<unknown>;
};

/** The native denom the simulated chain funds accounts in by default. */
export const DENOM = "untrn";

export interface SimulatorOptions {
  chainId?: string;
  prefix?: string;
  /**
   * sha256, for `addr`: Node's `crypto` in the tests, `@cosmjs/crypto` in a browser (a
   * synchronous hash, which WebCrypto does not offer).
   */
  sha256: (data: Uint8Array) => Uint8Array;
}

/** A simulated chain running the suite's artifacts, with a clock that moves when told. */
export class Simulator {
  readonly client: SimulateCosmWasmClient;
  readonly chainId: string;
  readonly prefix: string;
  private readonly sha256: (data: Uint8Array) => Uint8Array;
  private admins = 0;

  constructor(options: SimulatorOptions) {
    installHostFunctions();
    installExactReplyIds();
    this.chainId = options.chainId ?? "commons-sim-1";
    this.prefix = options.prefix ?? "neutron";
    this.sha256 = options.sha256;
    this.client = new SimulateCosmWasmClient({ chainId: this.chainId, bech32Prefix: this.prefix });
    const wasm = this.client.app.wasm as unknown as WasmModule;
    const handle = wasm.handleMsg.bind(wasm);
    wasm.handleMsg = async (sender, msg, traces) => {
      const change = msg.update_admin ?? msg.clear_admin;
      if (!change) return handle(sender, msg, traces);
      const contract: string = change.contract_addr;
      const info = wasm.getContractInfo(contract);
      if (!info) return Err(`no contract ${contract}`);
      if (info.admin !== sender) return Err(`unauthorized: ${sender} is not the admin of ${contract}`);
      const admin: string | null = msg.update_admin ? msg.update_admin.admin : null;
      wasm.setContractInfo(contract, { ...info, admin });
      const response: AppResponse = {
        events: [{ type: "update_contract_admin", attributes: [{ key: "_contract_address", value: contract }, { key: "new_admin_address", value: admin ?? "" }] }],
        data: null,
      };
      return Ok(response);
    };
  }

  /** A valid address derived from a name (the first 20 bytes of its sha256). */
  addr(name: string): string {
    return toBech32(this.prefix, this.sha256(new TextEncoder().encode(name)).subarray(0, 20));
  }

  fund(address: string, amount: bigint | number, denom = DENOM): void {
    const bank = this.client.app.bank;
    const others = bank.getBalance(address).filter((c) => c.denom !== denom);
    bank.setBalance(address, [...others, { denom, amount: (this.balance(address, denom) + BigInt(amount)).toString() }]);
  }

  balance(address: string, denom = DENOM): bigint {
    return BigInt(this.client.app.bank.getBalance(address).find((c) => c.denom === denom)?.amount ?? "0");
  }

  /** All native balances of an address. */
  balances(address: string): { denom: string; amount: string }[] {
    return this.client.app.bank.getBalance(address).map((c) => ({ denom: c.denom, amount: c.amount }));
  }

  /** Block time in whole seconds. */
  now(): number {
    return Math.floor(this.client.app.time / 1e9);
  }

  /** The current block height. */
  height(): number {
    return this.client.app.height;
  }

  /** Moves block time forward; the next transaction also opens a new block. */
  advance(seconds: number): void {
    this.client.app.time = this.client.app.time + seconds * 1e9;
  }

  /** Block time `seconds` from now as a wire `Timestamp` (nanoseconds, a string). */
  at(seconds: number): string {
    return (BigInt(this.now() + seconds) * 1_000_000_000n).toString();
  }

  /** The simulator's client, with the deployer's `MsgUpdateAdmin` it lacks. */
  deployClient(): DeployClient {
    const client = this.client;
    const wasm = client.app.wasm as unknown as WasmModule;
    return {
      getChainId: () => client.getChainId(),
      getCodes: () => client.getCodes(),
      upload: (sender, code, fee, memo) => client.upload(sender, code, fee as never, memo),
      instantiate: (sender, codeId, msg, label, fee, options) => client.instantiate(sender, codeId, msg, label, fee as never, options),
      updateAdmin: async (sender, contract, admin) => {
        const result = (await wasm.handleMsg(sender, { update_admin: { contract_addr: contract, admin } })) as { err: boolean; val: unknown };
        if (result.err) throw new Error(String(result.val));
        return { transactionHash: `sim-update-admin-${++this.admins}` };
      },
      getContract: (address) => client.getContract(address),
      queryContractSmart: (address, query) => client.queryContractSmart(address, query),
    };
  }
}

/**
 * Deploys the suite: stores the four artifacts (reusing codes the chain already holds),
 * instantiates governance with `suite` (the one-transaction bootstrap of README § Deploying),
 * hands governance its own wasm admin role, and checks every role before reporting success.
 *
 * The logic takes any client with the methods of cosmjs's `SigningCosmWasmClient` it uses
 * (`DeployClient`), so the same code runs against a chain and against the simulator the tests
 * use. The command line around it is `./cli.ts`.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CosmJsFee } from "../cosmjs";
import { wasmActions, type HasEvents } from "../events";
import type { InstantiateMsg as GovernanceInstantiateMsg, ConfigResponse as GovernanceConfig } from "../generated/Governance.types";

/** The four contracts, by crate name, in the order they are stored. */
export const CRATES = ["commons-reward-token", "commons-treasury", "commons-governance", "commons-compute-escrow"] as const;
export type Crate = (typeof CRATES)[number];

/** What the deploy uses of a cosmjs `SigningCosmWasmClient` (method names and shapes as cosmjs's). */
export interface DeployClient {
  getChainId(): Promise<string>;
  getCodes(): Promise<readonly { id: number; checksum: string }[]>;
  upload(senderAddress: string, wasmCode: Uint8Array, fee: CosmJsFee, memo?: string): Promise<{ codeId: number; transactionHash: string }>;
  instantiate(
    senderAddress: string,
    codeId: number,
    msg: any,
    label: string,
    fee: CosmJsFee,
    options?: { admin?: string; memo?: string },
  ): Promise<HasEvents & { contractAddress: string; transactionHash: string }>;
  updateAdmin(senderAddress: string, contractAddress: string, newAdmin: string, fee: CosmJsFee, memo?: string): Promise<{ transactionHash: string }>;
  getContract(address: string): Promise<{ address: string; codeId: number; admin?: string }>;
  queryContractSmart(address: string, queryMsg: any): Promise<any>;
}

/** One artifact: the bytes and their sha256 (hex), as `artifacts/checksums.txt` lists it. */
export interface Artifact {
  crate: Crate;
  wasm: Uint8Array;
  checksum: string;
}

/**
 * The governance instantiate message without code ids: the deploy fills in `suite`'s
 * `token_code_id`, `treasury_code_id` and `escrow_code_id`.
 */
export type SuiteConfig = Omit<GovernanceInstantiateMsg, "suite"> & {
  suite: Omit<NonNullable<GovernanceInstantiateMsg["suite"]>, "token_code_id" | "treasury_code_id" | "escrow_code_id"> &
    Partial<Pick<NonNullable<GovernanceInstantiateMsg["suite"]>, "token_code_id" | "treasury_code_id" | "escrow_code_id">>;
};

export interface DeployOptions {
  /** The deployer's address; it pays, and is governance's admin until the hand-over. */
  sender: string;
  artifacts: readonly Artifact[];
  config: SuiteConfig;
  /** Label of governance (the three others get their crate names from the bootstrap). */
  label?: string;
  /** Fee of each transaction; default `"auto"` (the client needs a gas price). */
  fee?: CosmJsFee;
  /** Progress lines; default none. */
  log?: (line: string) => void;
}

export interface CodeRecord {
  codeId: number;
  checksum: string;
  /** False when the chain already held this checksum and the code was reused. */
  stored: boolean;
}

/** What `deployments/<chain-id>.json` holds. */
export interface Deployment {
  chainId: string;
  deployer: string;
  codes: Record<Crate, CodeRecord>;
  contracts: { governance: string; token: string; treasury: string; escrow: string };
  transactions: { instantiate: string; updateAdmin: string; store: Partial<Record<Crate, string>> };
  /** Attributes the bootstrap flagged (for example an escrow challenge period warning). */
  warnings: string[];
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Reads `<dir>/<crate>.wasm` for the four crates, and checks them against `<dir>/checksums.txt`
 * when it is there (so a half-rebuilt folder is not deployed).
 */
export function readArtifacts(dir: string): Artifact[] {
  const listed = new Map<string, string>();
  const sums = join(dir, "checksums.txt");
  if (existsSync(sums)) {
    for (const line of readFileSync(sums, "utf8").split("\n")) {
      const [sum, file] = line.trim().split(/\s+/);
      if (sum && file) listed.set(file, sum.toLowerCase());
    }
  }
  return CRATES.map((crate) => {
    const file = `${crate}.wasm`;
    const path = join(dir, file);
    if (!existsSync(path)) throw new Error(`${path} is missing: build the artifacts first (bash scripts/build.sh)`);
    const wasm = new Uint8Array(readFileSync(path));
    const checksum = sha256Hex(wasm);
    const expected = listed.get(file);
    if (expected !== undefined && expected !== checksum) {
      throw new Error(`${path} has sha256 ${checksum}, but checksums.txt says ${expected}: rebuild the artifacts`);
    }
    return { crate, wasm, checksum };
  });
}

/** The governance instantiate message with the suite's code ids filled in. */
export function instantiateMsg(config: SuiteConfig, codeIds: Record<Crate, number>): GovernanceInstantiateMsg {
  return {
    ...config,
    suite: {
      ...config.suite,
      token_code_id: codeIds["commons-reward-token"],
      treasury_code_id: codeIds["commons-treasury"],
      escrow_code_id: codeIds["commons-compute-escrow"],
    },
  };
}

/** The messages a deploy would send, for `--dry-run`: nothing is signed or broadcast. */
export interface PlannedMessage {
  typeUrl: string;
  value: Record<string, unknown>;
}

/**
 * The deploy as messages, given the codes the chain already holds (by checksum; pass none to
 * plan as if the chain were empty). Code ids not known before storing appear as
 * `"<code id of CRATE>"`, and the governance address as `"<governance>"`.
 */
export function plan(options: Pick<DeployOptions, "sender" | "artifacts" | "config" | "label">, existing: readonly { id: number; checksum: string }[] = []): PlannedMessage[] {
  const messages: PlannedMessage[] = [];
  const ids = {} as Record<Crate, number>;
  for (const artifact of options.artifacts) {
    const held = existing.find((c) => c.checksum.toLowerCase() === artifact.checksum);
    if (held) {
      ids[artifact.crate] = held.id;
    } else {
      messages.push({
        typeUrl: "/cosmwasm.wasm.v1.MsgStoreCode",
        value: { sender: options.sender, wasmByteCode: `<${artifact.wasm.length} bytes of ${artifact.crate}.wasm, sha256 ${artifact.checksum}>` },
      });
      ids[artifact.crate] = `<code id of ${artifact.crate}>` as unknown as number;
    }
  }
  messages.push({
    typeUrl: "/cosmwasm.wasm.v1.MsgInstantiateContract",
    value: {
      sender: options.sender,
      admin: options.sender,
      codeId: ids["commons-governance"],
      label: options.label ?? "commons",
      msg: instantiateMsg(options.config, ids),
      funds: [],
    },
  });
  messages.push({
    typeUrl: "/cosmwasm.wasm.v1.MsgUpdateAdmin",
    value: { sender: options.sender, newAdmin: "<governance>", contract: "<governance>" },
  });
  return messages;
}

/** Stores, instantiates, hands over the admin role and checks the roles; see the module doc. */
export async function deploy(client: DeployClient, options: DeployOptions): Promise<Deployment> {
  const fee = options.fee ?? "auto";
  const log = options.log ?? (() => {});
  const chainId = await client.getChainId();
  const existing = await client.getCodes();

  const codes = {} as Record<Crate, CodeRecord>;
  const store: Partial<Record<Crate, string>> = {};
  for (const artifact of options.artifacts) {
    const held = existing.find((c) => c.checksum.toLowerCase() === artifact.checksum);
    if (held) {
      log(`${artifact.crate}: the chain holds this code as ${held.id}; not storing it again`);
      codes[artifact.crate] = { codeId: held.id, checksum: artifact.checksum, stored: false };
      continue;
    }
    const result = await client.upload(options.sender, artifact.wasm, fee, `store ${artifact.crate}`);
    log(`${artifact.crate}: stored as code ${result.codeId} (tx ${result.transactionHash})`);
    codes[artifact.crate] = { codeId: result.codeId, checksum: artifact.checksum, stored: true };
    store[artifact.crate] = result.transactionHash;
  }
  const codeIds = Object.fromEntries(CRATES.map((c) => [c, codes[c].codeId])) as Record<Crate, number>;

  const msg = instantiateMsg(options.config, codeIds);
  const created = await client.instantiate(options.sender, codeIds["commons-governance"], msg, options.label ?? "commons", fee, {
    admin: options.sender,
    memo: "commons bootstrap",
  });
  const governance = created.contractAddress;
  log(`governance: ${governance} (tx ${created.transactionHash})`);
  const warnings = wasmActions(created, { contract: governance })
    .map((e) => e.get("warning"))
    .filter((w): w is string => w !== undefined);
  for (const warning of warnings) log(`warning: ${warning}`);

  // Upgrades of governance go through its own proposals from now on.
  const handOver = await client.updateAdmin(options.sender, governance, governance, fee, "governance administers itself");
  log(`governance is its own admin (tx ${handOver.transactionHash})`);

  const config: GovernanceConfig = await client.queryContractSmart(governance, { config: {} });
  if (!config.treasury || !config.escrow) throw new Error(`governance ${governance} names no treasury or escrow: was \`suite\` given?`);
  const contracts = { governance, token: config.token, treasury: config.treasury, escrow: config.escrow };
  await verifyRoles(client, contracts, codeIds);
  log("roles checked: token minter, treasury owner and escrow arbiter are governance; admins as designed");

  return {
    chainId,
    deployer: options.sender,
    codes,
    contracts,
    transactions: { instantiate: created.transactionHash, updateAdmin: handOver.transactionHash, store },
    warnings,
  };
}

/**
 * Checks that governance holds every role of the suite, and fails naming each one that is
 * wrong: the token's minter, the treasury's owner and the escrow's arbiter are governance;
 * governance administers the token, the escrow and itself; the treasury is its own admin (its
 * code changes only through its delayed `schedule_migration`); each contract runs the code
 * that was deployed.
 */
export async function verifyRoles(
  client: Pick<DeployClient, "getContract" | "queryContractSmart">,
  contracts: Deployment["contracts"],
  codeIds?: Record<Crate, number>,
): Promise<void> {
  const { governance, token, treasury, escrow } = contracts;
  const problems: string[] = [];
  const expect = (what: string, actual: unknown, wanted: string | number) => {
    if (actual !== wanted) problems.push(`${what} is ${JSON.stringify(actual ?? null)}, expected ${wanted}`);
  };
  const minter = await client.queryContractSmart(token, { minter: {} });
  expect("token minter", minter?.minter, governance);
  const treasuryConfig = await client.queryContractSmart(treasury, { config: {} });
  expect("treasury owner", treasuryConfig?.owner, governance);
  const escrowConfig = await client.queryContractSmart(escrow, { config: {} });
  expect("escrow arbiter", escrowConfig?.arbiter, governance);
  const admins: [string, string, string, Crate][] = [
    ["token", token, governance, "commons-reward-token"],
    ["escrow", escrow, governance, "commons-compute-escrow"],
    ["treasury", treasury, treasury, "commons-treasury"],
    ["governance", governance, governance, "commons-governance"],
  ];
  for (const [name, address, admin, crate] of admins) {
    const info = await client.getContract(address);
    expect(`${name} wasm admin`, info.admin || undefined, admin);
    if (codeIds) expect(`${name} code id`, info.codeId, codeIds[crate]);
  }
  if (problems.length > 0) {
    throw new Error(`the deployed suite is not governed as designed:\n  - ${problems.join("\n  - ")}`);
  }
}

/** Writes `<dir>/<chain-id>.json` and returns its path. */
export function writeDeployment(dir: string, deployment: Deployment): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${deployment.chainId}.json`);
  writeFileSync(path, JSON.stringify(deployment, null, 2) + "\n");
  return path;
}

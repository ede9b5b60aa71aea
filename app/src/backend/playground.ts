/**
 * Playground mode: the suite's real artifacts (artifacts/*.wasm, bundled by Vite) run in the
 * browser in the CosmWasm simulator, through the same harness as the package's Node tests
 * (commons-client's `simulator` module). The demo DAO is bootstrapped by the deploy library,
 * exactly as the deploy command bootstraps it on a chain; test accounts sign without a wallet,
 * and the clock moves only when told.
 */
import { sha256 } from "@cosmjs/crypto";
import { toHex } from "@cosmjs/encoding";
import { deploy as deployLib, type GovernanceTypes, type TreasuryTypes } from "commons-client";
import { Simulator } from "commons-client/dist/src/simulator";
import tokenWasm from "../../../artifacts/commons-reward-token.wasm?url";
import treasuryWasm from "../../../artifacts/commons-treasury.wasm?url";
import governanceWasm from "../../../artifacts/commons-governance.wasm?url";
import escrowWasm from "../../../artifacts/commons-compute-escrow.wasm?url";
import checksums from "../../../artifacts/checksums.txt?raw";
import { demoConfig, DEMO_ACCOUNTS, DEMO_DENOM, type DemoAccount } from "./demo";
import type { Account, Backend, Coin, Contracts, Stage, SuiteMsg, TxOutcome } from "./types";

const WASM: Record<deployLib.Crate, string> = {
  "commons-reward-token": tokenWasm,
  "commons-treasury": treasuryWasm,
  "commons-governance": governanceWasm,
  "commons-compute-escrow": escrowWasm,
};

/** Fetches the four artifacts and checks each against artifacts/checksums.txt. */
async function loadArtifacts(): Promise<deployLib.Artifact[]> {
  const listed = new Map<string, string>();
  for (const line of checksums.split("\n")) {
    const [sum, file] = line.trim().split(/\s+/);
    if (sum && file) listed.set(file, sum.toLowerCase());
  }
  return Promise.all(
    deployLib.CRATES.map(async (crate) => {
      const response = await fetch(WASM[crate]);
      if (!response.ok) throw new Error(`could not load ${crate}.wasm (${response.status}): build the artifacts with bash scripts/build.sh`);
      const wasm = new Uint8Array(await response.arrayBuffer());
      const checksum = toHex(sha256(wasm));
      const expected = listed.get(`${crate}.wasm`);
      if (expected && expected !== checksum) throw new Error(`${crate}.wasm does not match artifacts/checksums.txt: rebuild the app after building the artifacts`);
      return { crate, wasm, checksum };
    }),
  );
}

/** Lets React paint a stage before the (synchronous, busy) simulator runs. */
const paint = () => new Promise((resolve) => setTimeout(resolve, 0));

export class Playground implements Backend {
  readonly mode = "playground" as const;
  readonly denom = DEMO_DENOM;
  readonly accounts: Account[];
  private current: Account;

  private constructor(
    readonly sim: Simulator,
    readonly contracts: Contracts,
    accounts: Account[],
    private readonly startedAt: number,
    /** The messages the deploy library sent, shown on the playground's page. */
    readonly bootstrap: deployLib.PlannedMessage[],
    readonly warnings: string[],
  ) {
    this.accounts = accounts;
    this.current = accounts[0]!;
  }

  /** Loads the artifacts, deploys the demo DAO with the deploy library and seeds the treasury. */
  static async start(log: (line: string) => void = () => {}): Promise<Playground> {
    const sim = new Simulator({ chainId: "commons-playground-1", prefix: "neutron", sha256 });
    const accounts: Account[] = DEMO_ACCOUNTS.map((a: DemoAccount) => ({ name: a.name, role: a.role, address: sim.addr(a.name) }));
    const address = (name: string) => accounts.find((a) => a.name === name)!.address;
    for (const account of DEMO_ACCOUNTS) {
      if (account.native > 0n) sim.fund(address(account.name), account.native, DEMO_DENOM);
    }
    log("loading the artifacts");
    const artifacts = await loadArtifacts();
    const config = demoConfig(address);
    const deployer = address("deployer");
    const bootstrap = deployLib.plan({ sender: deployer, artifacts, config });
    log("deploying the suite");
    const deployment = await deployLib.deploy(sim.deployClient(), { sender: deployer, artifacts, config, log });
    const startedAt = sim.now();
    const playground = new Playground(sim, deployment.contracts, accounts.filter((a) => a.name !== "deployer"), startedAt, bootstrap, deployment.warnings);
    // the treasury starts with funds in its ledger: a donor's native deposit and a member's CMN
    const donor = address("donor");
    await sim.client.execute(donor, deployment.contracts.treasury, { deposit: { memo: "founding donation" } } satisfies TreasuryTypes.ExecuteMsg, "auto", undefined, [
      { denom: DEMO_DENOM, amount: "1000000000" },
    ]);
    log("the demo DAO is ready");
    return playground;
  }

  get chainId(): string {
    return this.sim.chainId;
  }

  get querier() {
    return this.sim.client;
  }

  sender(): Account | undefined {
    return this.current;
  }

  switchTo(address: string): void {
    const account = this.accounts.find((a) => a.address === address);
    if (!account) throw new Error(`no test account ${address}`);
    this.current = account;
  }

  /** Moves the clock forward; the next transaction opens a block at the new time. */
  advance(seconds: number): void {
    this.sim.advance(seconds);
  }

  async execute(message: SuiteMsg, funds: readonly Coin[], onStage: (stage: Stage) => void): Promise<TxOutcome> {
    // a test account signs at once; the stages still show, so the page reads as it does on a chain
    onStage("signing");
    await paint();
    onStage("broadcasting");
    await paint();
    const result = await this.sim.client.execute(this.current.address, this.contracts[message.contract], message.msg, "auto", undefined, [...funds]);
    onStage("included");
    return { transactionHash: result.transactionHash.toUpperCase(), height: result.height, events: result.events };
  }

  async now(): Promise<number> {
    return this.sim.now();
  }

  async nativeBalance(address: string, denom: string): Promise<bigint> {
    return this.sim.balance(address, denom);
  }

  async suiteStart(): Promise<number | undefined> {
    return this.startedAt;
  }

  /** Governance's instantiate message as the deploy library sent it. */
  instantiateMsg(): GovernanceTypes.InstantiateMsg | undefined {
    return this.bootstrap.find((m) => m.typeUrl.endsWith("MsgInstantiateContract"))?.value.msg as GovernanceTypes.InstantiateMsg | undefined;
  }
}

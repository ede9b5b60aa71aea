/**
 * Chain mode: an RPC endpoint, a chain id, the deployment file the deploy command wrote
 * (deployments/<chain-id>.json) and a Keplr-compatible wallet (`window.keplr`), through cosmjs.
 * A transaction is simulated for its gas, signed by the wallet, broadcast (checked) and then
 * waited for until a block includes it, so the page can show each stage.
 */
import { SigningCosmWasmClient, type MsgExecuteContractEncodeObject } from "@cosmjs/cosmwasm-stargate";
import { toUtf8 } from "@cosmjs/encoding";
import type { OfflineSigner } from "@cosmjs/proto-signing";
import { calculateFee, GasPrice } from "@cosmjs/stargate";
import type { deploy } from "commons-client";
import { MsgExecuteContract } from "cosmjs-types/cosmwasm/wasm/v1/tx";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import type { Account, Backend, Coin, Contracts, Stage, SuiteMsg, TxOutcome } from "./types";

/** What the app uses of a Keplr-compatible wallet (Keplr, Leap and Cosmostation's Keplr mode all have it). */
interface KeplrLike {
  enable(chainId: string): Promise<void>;
  getOfflineSigner(chainId: string): OfflineSigner;
  getKey?(chainId: string): Promise<{ name: string; bech32Address: string }>;
}

declare global {
  interface Window {
    keplr?: KeplrLike;
  }
}

export interface ChainSettings {
  rpc: string;
  chainId: string;
  gasPrice: string;
  deployment: deploy.Deployment;
}

/** Checks that a parsed file is a deployment of the suite on `chainId`, saying what is wrong. */
export function checkDeployment(value: unknown, chainId: string): deploy.Deployment {
  const d = value as Partial<deploy.Deployment> | null;
  const contracts = d?.contracts as Partial<Contracts> | undefined;
  if (!d || typeof d !== "object" || !contracts) throw new Error("this is not a deployment file: it has no `contracts`");
  for (const key of ["governance", "token", "treasury", "escrow"] as const) {
    if (typeof contracts[key] !== "string" || !contracts[key]) throw new Error(`the deployment file names no ${key} contract`);
  }
  if (d.chainId && d.chainId !== chainId) throw new Error(`the deployment file is for chain ${d.chainId}, not ${chainId}`);
  return d as deploy.Deployment;
}

const POLL_MS = 1_500;
const TIMEOUT_MS = 90_000;

export class Chain implements Backend {
  readonly mode = "chain" as const;
  readonly contracts: Contracts;
  readonly denom: string;

  private constructor(
    private readonly client: SigningCosmWasmClient,
    private readonly account: Account,
    private readonly gasPrice: GasPrice,
    readonly chainId: string,
    private readonly deployment: deploy.Deployment,
  ) {
    this.contracts = deployment.contracts;
    this.denom = gasPrice.denom;
  }

  static async connect(settings: ChainSettings): Promise<Chain> {
    const wallet = window.keplr;
    if (!wallet) throw new Error("there is no Keplr-compatible wallet in this browser: install Keplr (or a wallet with its API) and reload");
    const gasPrice = GasPrice.fromString(settings.gasPrice);
    await wallet.enable(settings.chainId);
    const signer = wallet.getOfflineSigner(settings.chainId);
    const [first] = await signer.getAccounts();
    if (!first) throw new Error("the wallet has no account for this chain");
    const key = wallet.getKey ? await wallet.getKey(settings.chainId).catch(() => undefined) : undefined;
    const client = await SigningCosmWasmClient.connectWithSigner(settings.rpc, signer, { gasPrice });
    const actual = await client.getChainId();
    if (actual !== settings.chainId) throw new Error(`the RPC endpoint serves chain ${actual}, not ${settings.chainId}`);
    return new Chain(client, { name: key?.name ?? "wallet", role: "wallet", address: first.address }, gasPrice, settings.chainId, settings.deployment);
  }

  get querier() {
    return this.client;
  }

  sender(): Account {
    return this.account;
  }

  async execute(message: SuiteMsg, funds: readonly Coin[], onStage: (stage: Stage) => void): Promise<TxOutcome> {
    const sender = this.account.address;
    const encoded: MsgExecuteContractEncodeObject = {
      typeUrl: "/cosmwasm.wasm.v1.MsgExecuteContract",
      value: MsgExecuteContract.fromPartial({ sender, contract: this.contracts[message.contract], msg: toUtf8(JSON.stringify(message.msg)), funds: [...funds] }),
    };
    onStage("signing");
    // the simulation runs the contract, so a refusal shows before the wallet asks to sign
    const gas = await this.client.simulate(sender, [encoded], "");
    const fee = calculateFee(Math.ceil(gas * 1.4), this.gasPrice);
    const signed = await this.client.sign(sender, [encoded], fee, "");
    onStage("broadcasting");
    const hash = await this.client.broadcastTxSync(TxRaw.encode(signed).finish());
    const started = Date.now();
    for (;;) {
      const tx = await this.client.getTx(hash);
      if (tx) {
        if (tx.code !== 0) throw new Error(tx.rawLog || `the transaction failed with code ${tx.code}`);
        onStage("included");
        return { transactionHash: tx.hash, height: tx.height, events: tx.events };
      }
      if (Date.now() - started > TIMEOUT_MS) throw new Error(`transaction ${hash} was broadcast but no block included it within ${TIMEOUT_MS / 1000} seconds; check it later on an explorer`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  async now(): Promise<number> {
    const block = await this.client.getBlock();
    return Math.floor(new Date(block.header.time).getTime() / 1000);
  }

  async nativeBalance(address: string, denom: string): Promise<bigint> {
    return BigInt((await this.client.getBalance(address, denom)).amount);
  }

  async suiteStart(): Promise<number | undefined> {
    const tx = await this.client.getTx(this.deployment.transactions.instantiate).catch(() => null);
    if (!tx) return undefined;
    const block = await this.client.getBlock(tx.height);
    return Math.floor(new Date(block.header.time).getTime() / 1000);
  }
}

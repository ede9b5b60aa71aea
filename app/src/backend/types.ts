/**
 * What every screen needs from "the chain", whichever mode the app runs in: the suite's
 * addresses, typed queries, and transactions that report their progress. Chain mode implements
 * it with cosmjs and a Keplr-compatible wallet, playground mode with the simulator.
 */
import type { ComputeEscrowTypes, GovernanceTypes, RewardTokenTypes, TreasuryTypes, ICosmWasmClient } from "commons-client";

export interface Contracts {
  governance: string;
  token: string;
  treasury: string;
  escrow: string;
}

/** The stages a transaction goes through, in order. */
export type Stage = "signing" | "broadcasting" | "included";

export interface TxEvent {
  type: string;
  attributes: readonly { key: string; value: string }[];
}

/** A transaction that made it into a block. */
export interface TxOutcome {
  transactionHash: string;
  height: number;
  events: readonly TxEvent[];
}

export interface Coin {
  denom: string;
  amount: string;
}

/** A message to one of the suite's contracts, typed by the generated types of that contract. */
export type SuiteMsg =
  | { contract: "governance"; msg: GovernanceTypes.ExecuteMsg }
  | { contract: "token"; msg: RewardTokenTypes.ExecuteMsg }
  | { contract: "treasury"; msg: TreasuryTypes.ExecuteMsg }
  | { contract: "escrow"; msg: ComputeEscrowTypes.ExecuteMsg };

export interface Account {
  /** What the account is in the demo (a member, the provider, ...), or the wallet's name. */
  name: string;
  role: string;
  address: string;
}

export interface Backend {
  readonly mode: "chain" | "playground";
  readonly chainId: string;
  readonly contracts: Contracts;
  /** The native denom fees, stakes and the demo's spend limit are in. */
  readonly denom: string;
  /** Read-only queries (the generated query clients take it as it is). */
  readonly querier: ICosmWasmClient;
  /** The account that signs, if any. */
  sender(): Account | undefined;
  /** Sends one message from the current account, reporting each stage as it starts. */
  execute(message: SuiteMsg, funds: readonly Coin[], onStage: (stage: Stage) => void): Promise<TxOutcome>;
  /** The latest block's time, in seconds. */
  now(): Promise<number>;
  nativeBalance(address: string, denom: string): Promise<bigint>;
  /**
   * When governance was instantiated (seconds), which is when its reward periods start; undefined
   * when it cannot be found.
   */
  suiteStart(): Promise<number | undefined>;
}

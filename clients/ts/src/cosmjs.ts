/**
 * The one adapter between the generated clients and `@cosmjs/cosmwasm-stargate`.
 *
 * ts-codegen 1.14 writes interchainjs-style clients: their constructors take its
 * `ISigningCosmWasmClient`, whose `execute` has an optional `fee`, while cosmjs's
 * `SigningCosmWasmClient.execute` requires one, so TypeScript refuses a cosmjs client there.
 * `signingClient` closes that gap by filling in the fee (default `"auto"`, which needs a client
 * made with a `gasPrice`). Read-only clients need no adapter: a cosmjs `CosmWasmClient` (or the
 * signing one) is a valid `ICosmWasmClient` as it is.
 *
 *     const client = await SigningCosmWasmClient.connectWithSigner(rpc, wallet, { gasPrice });
 *     const treasury = new TreasuryClient(signingClient(client), sender, treasuryAddress);
 */
import type { ICosmWasmClient, ISigningCosmWasmClient } from "./generated/baseClient";

/** A cosmjs fee: gas and amount, `"auto"` (simulate and multiply) or a gas multiplier. */
export type CosmJsFee =
  | { readonly amount: readonly { readonly denom: string; readonly amount: string }[]; readonly gas: string; readonly granter?: string; readonly payer?: string }
  | "auto"
  | number;

/**
 * What the adapter uses of a cosmjs `SigningCosmWasmClient`: any object with these two methods
 * works (a cosmjs client of another minor version, a simulator's client, a test double).
 */
export interface CosmJsSigningClient {
  execute(
    senderAddress: string,
    contractAddress: string,
    msg: any,
    fee: CosmJsFee,
    memo?: string,
    funds?: readonly { denom: string; amount: string }[],
  ): Promise<any>;
  queryContractSmart(address: string, queryMsg: any): Promise<any>;
}

/**
 * A cosmjs signing client as the generated `*Client` classes take it. Calls that give no fee use
 * `defaultFee`. `execute` resolves to cosmjs's `ExecuteResult` (its `events` feed `./events`).
 */
export function signingClient(client: CosmJsSigningClient, defaultFee: CosmJsFee = "auto"): ISigningCosmWasmClient {
  return {
    queryContractSmart: (address, queryMsg) => client.queryContractSmart(address, queryMsg),
    execute: (sender, contractAddress, msg, fee, memo, funds) =>
      client.execute(sender, contractAddress, msg, fee ?? defaultFee, memo, funds),
  };
}

/** Typed as the generated query clients take it (a cosmjs `CosmWasmClient` already is one). */
export function queryClient(client: { queryContractSmart(address: string, queryMsg: any): Promise<any> }): ICosmWasmClient {
  return client;
}

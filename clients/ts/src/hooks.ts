/**
 * cw20 `send` messages that carry a hook payload to a Commons contract.
 *
 * A cw20 deposit into the treasury, a proposal paid with a cw20 deposit, a provider's cw20
 * stake or a job funded in a cw20 all go through the token's `send` with the payload base64'd
 * in `msg`. The payload types come from each schema's `receive` entry (`ReceiveMsg` of the
 * contract), so a misspelt field is a compile error rather than a refused transaction.
 */
import { toBase64, toUtf8 } from "@cosmjs/encoding";
import type { ReceiveMsg as EscrowReceiveMsg } from "./generated/ComputeEscrow.types";
import type { ReceiveMsg as GovernanceReceiveMsg } from "./generated/Governance.types";
import type { ExecuteMsg as Cw20ExecuteMsg } from "./generated/RewardToken.types";
import type { ReceiveMsg as TreasuryReceiveMsg } from "./generated/Treasury.types";

export type { EscrowReceiveMsg, GovernanceReceiveMsg, TreasuryReceiveMsg };

/** The cw20 `send` variant of a token's execute message. */
export type Cw20SendMsg = Extract<Cw20ExecuteMsg, { send: unknown }>;

/** An amount of the smallest unit, as the wire writes it (a decimal string). */
export type Amount = string | bigint | number;

function amountString(amount: Amount): string {
  const text = amount.toString();
  // refuse what the contract would refuse anyway, with the reason here rather than on chain
  if (!/^\d+$/.test(text)) throw new Error(`not a whole non-negative amount: ${text}`);
  return text;
}

/** The hook payload as the `msg` of a cw20 `send`: JSON, then base64. */
export function encodeHook(payload: object): string {
  return toBase64(toUtf8(JSON.stringify(payload)));
}

/** The payload back from a `send` message's `msg` (for tests and indexers). */
export function decodeHook<T = unknown>(msg: string): T {
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(msg), (c) => c.charCodeAt(0)))) as T;
}

/** A cw20 `send` of `amount` to `contract` with any payload (prefer the typed helpers below). */
export function cw20Send(contract: string, amount: Amount, payload: object): Cw20SendMsg {
  return { send: { contract, amount: amountString(amount), msg: encodeHook(payload) } };
}

/** Deposits `amount` of the token into the treasury's ledger (`{"deposit": {"memo": ...}}`). */
export function treasuryDeposit(treasury: string, amount: Amount, payload: TreasuryReceiveMsg = { deposit: {} }): Cw20SendMsg {
  return cw20Send(treasury, amount, payload);
}

/** Opens a proposal whose deposit is `amount` of the token (`{"propose": {...}}`). */
export function governancePropose(governance: string, amount: Amount, payload: GovernanceReceiveMsg): Cw20SendMsg {
  return cw20Send(governance, amount, payload);
}

/**
 * Pays the escrow in the token: a provider's stake (`register_provider`, `add_stake`) or a job
 * (`create_job`, `top_up`), `amount` being exactly what the escrow expects.
 */
export function escrowSend(escrow: string, amount: Amount, payload: EscrowReceiveMsg): Cw20SendMsg {
  return cw20Send(escrow, amount, payload);
}

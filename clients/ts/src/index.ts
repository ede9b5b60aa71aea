/**
 * Commons clients: generated from schema/ by @cosmwasm/ts-codegen (src/generated/, one
 * namespace of types per contract, since every contract has its own `ExecuteMsg`), plus the
 * cosmjs adapter, cw20 hook builders, event readers and the deploy library.
 */
export * as RewardTokenTypes from "./generated/RewardToken.types";
export * as TreasuryTypes from "./generated/Treasury.types";
export * as GovernanceTypes from "./generated/Governance.types";
export * as ComputeEscrowTypes from "./generated/ComputeEscrow.types";
export { RewardTokenClient, RewardTokenQueryClient } from "./generated/RewardToken.client";
export { TreasuryClient, TreasuryQueryClient } from "./generated/Treasury.client";
export { GovernanceClient, GovernanceQueryClient } from "./generated/Governance.client";
export { ComputeEscrowClient, ComputeEscrowQueryClient } from "./generated/ComputeEscrow.client";
export { RewardTokenMsgComposer } from "./generated/RewardToken.message-composer";
export { TreasuryMsgComposer } from "./generated/Treasury.message-composer";
export { GovernanceMsgComposer } from "./generated/Governance.message-composer";
export { ComputeEscrowMsgComposer } from "./generated/ComputeEscrow.message-composer";
export type { ICosmWasmClient, ISigningCosmWasmClient } from "./generated/baseClient";
export * from "./cosmjs";
export * from "./hooks";
export * as events from "./events";
export * as deploy from "./deploy/index";

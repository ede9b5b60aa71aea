/**
 * Every typed proposal action written out in words, so a member reads what a proposal does
 * rather than its JSON. The switch is exhaustive over the generated `ProposalAction`: a new
 * action in the schema is a compile error here until it has its sentence.
 */
import { fromBase64, fromUtf8 } from "@cosmjs/encoding";
import type { GovernanceTypes } from "commons-client";
import { date, duration, money, percent, seconds, shortAddress, type Units } from "./format";

type Action = GovernanceTypes.ProposalAction;

/** Names the suite's own contracts and the known accounts instead of printing addresses. */
export type Namer = (address: string) => string;

export function plainNamer(names: Record<string, string>): Namer {
  return (address) => names[address] ?? shortAddress(address);
}

function decoded(binary: string): string {
  try {
    return fromUtf8(fromBase64(binary));
  } catch {
    return `${binary.length} bytes`;
  }
}

function threshold(t: GovernanceTypes.Threshold): string {
  if ("threshold_quorum" in t) return `${percent(Number(t.threshold_quorum.threshold))} of votes with a ${percent(Number(t.threshold_quorum.quorum))} quorum`;
  if ("absolute_percentage" in t) return `${percent(Number(t.absolute_percentage.percentage))} of all voting power`;
  return `${t.absolute_count.weight} votes`;
}

function cosmosMsg(msg: GovernanceTypes.CosmosMsgForEmpty, units: Units, name: Namer): string {
  if ("bank" in msg) {
    if ("send" in msg.bank) return `send ${msg.bank.send.amount.map((c) => money(c.amount, { native: c.denom }, units)).join(" + ")} to ${name(msg.bank.send.to_address)}`;
    return `burn ${msg.bank.burn.amount.map((c) => money(c.amount, { native: c.denom }, units)).join(" + ")}`;
  }
  if ("wasm" in msg) {
    const w = msg.wasm;
    if ("execute" in w) return `call ${name(w.execute.contract_addr)} with ${decoded(w.execute.msg)}`;
    if ("migrate" in w) return `migrate ${name(w.migrate.contract_addr)} to code ${w.migrate.new_code_id}`;
    if ("instantiate" in w) return `instantiate code ${w.instantiate.code_id} as "${w.instantiate.label}"`;
    if ("instantiate2" in w) return `instantiate code ${w.instantiate2.code_id} as "${w.instantiate2.label}" at a predictable address`;
    if ("update_admin" in w) return `make ${name(w.update_admin.admin)} the admin of ${name(w.update_admin.contract_addr)}`;
    return `remove the admin of ${name(w.clear_admin.contract_addr)}`;
  }
  if ("any" in msg) return `send a ${msg.any.type_url} message`;
  return "send a chain-specific custom message";
}

/** `token` is the suite's reward token, which `token_mint*` actions mint. */
export function describeAction(action: Action, units: Units, name: Namer, token: string): string {
  if ("treasury_spend" in action) {
    const a = action.treasury_spend;
    return `Pay ${money(a.asset.amount, a.asset.info, units)} from the treasury to ${name(a.recipient)}${a.memo ? ` (memo: "${a.memo}")` : ""}.`;
  }
  if ("treasury_spend_to_contract" in action) {
    const a = action.treasury_spend_to_contract;
    return `Send ${money(a.asset.amount, a.asset.info, units)} from the treasury to the contract ${name(a.contract)} with the message ${decoded(a.msg)}${a.memo ? ` (memo: "${a.memo}")` : ""}.`;
  }
  if ("treasury_set_budget" in action) {
    const a = action.treasury_set_budget;
    return `Let ${name(a.spender)} spend up to ${money(a.amount_per_period, a.asset_info, units)} every ${duration(a.period_seconds)} without a vote${a.expires ? `, until ${date(seconds(a.expires))}` : ", until revoked"}.`;
  }
  if ("treasury_revoke_budget" in action) return `Revoke the spending budget of ${name(action.treasury_revoke_budget.spender)}.`;
  if ("treasury_update_config" in action) {
    const a = action.treasury_update_config;
    const parts: string[] = [];
    if (a.accepted_cw20s) parts.push(`accept deposits of ${a.accepted_cw20s.length ? a.accepted_cw20s.map(name).join(", ") : "no cw20 token"}`);
    if (a.spend_limits) {
      parts.push(
        `set the spend limits to ${a.spend_limits.map((l) => `${money(l.amount, l.asset_info, units)} per ${duration(l.period_seconds)}`).join(", ") || "none"} (a loosening waits out the treasury's change delay)`,
      );
    }
    return `Change the treasury's settings: ${parts.join("; ") || "nothing"}.`;
  }
  if ("escrow_create_job" in action) {
    const a = action.escrow_create_job;
    const units_ = BigInt(a.max_units);
    const total = BigInt(a.price_per_unit) * units_;
    return (
      `Fund a compute job from the treasury: ${a.max_units} units at ${money(a.price_per_unit, a.asset_info, units)} each (${money(total, a.asset_info, units)} escrowed)` +
      `${a.provider ? ` for ${name(a.provider)}` : " for any provider"}, to be accepted by ${date(seconds(a.accept_by))} and done by ${date(seconds(a.deadline))}` +
      `${a.client ? `; ${name(a.client)} approves and disputes usage for the DAO` : ""}. Spec: ${a.spec.uri}.`
    );
  }
  if ("escrow_approve_usage" in action) return `Approve all usage reported on job ${action.escrow_approve_usage.job_id}, making it payable now.`;
  if ("escrow_dispute" in action) return `Dispute the usage reported on job ${action.escrow_dispute.job_id}: "${action.escrow_dispute.reason}".`;
  if ("escrow_cancel_job" in action) return `Cancel job ${action.escrow_cancel_job.job_id} and refund what was never used to the treasury.`;
  if ("escrow_complete_job" in action) return `Complete job ${action.escrow_complete_job.job_id} and refund its unused balance.`;
  if ("escrow_resolve_dispute" in action) {
    const a = action.escrow_resolve_dispute;
    return `Rule on the dispute of job ${a.job_id}: pay ${a.approved_units} units, refund the rest to the client, and slash up to ${a.slash} of the provider's stake.`;
  }
  if ("escrow_update_config" in action) {
    const changed = Object.entries(action.escrow_update_config).filter(([, v]) => v !== null && v !== undefined);
    return `Change the escrow's settings: ${changed.map(([k, v]) => `${k.replace(/_/g, " ")} to ${typeof v === "object" ? JSON.stringify(v) : String(v)}`).join("; ") || "nothing"}.`;
  }
  if ("token_mint" in action) return `Mint ${money(action.token_mint.amount, { cw20: token }, units)} for ${name(action.token_mint.recipient)}.`;
  if ("token_mint_vesting" in action) {
    const a = action.token_mint_vesting;
    const start = seconds(a.schedule.start_time);
    return (
      `Mint a vesting grant of ${money(a.amount, { cw20: token }, units)} for ${name(a.recipient)}: nothing until ${date(start + a.schedule.cliff_seconds)}, ` +
      `then linearly until ${date(start + a.schedule.duration_seconds)}; ${a.revocable ? "the DAO may revoke what has not vested" : "irrevocable"}.`
    );
  }
  if ("token_revoke_vesting" in action) return `Revoke grant ${action.token_revoke_vesting.grant_id} of ${name(action.token_revoke_vesting.recipient)}: what has vested stays, the rest is burned.`;
  if ("update_governance_config" in action) {
    const a = action.update_governance_config;
    const parts: string[] = [];
    if (a.voting_period_seconds != null) parts.push(`voting period ${duration(a.voting_period_seconds)}`);
    if (a.min_voting_period_seconds != null) parts.push(`minimum voting period ${duration(a.min_voting_period_seconds)}`);
    if (a.execution_delay_seconds != null) parts.push(`timelock ${duration(a.execution_delay_seconds)}`);
    if (a.execution_window_seconds != null) parts.push(`execution window ${duration(a.execution_window_seconds)}`);
    if (a.threshold) parts.push(`threshold ${threshold(a.threshold)}`);
    if (a.allow_revoting != null) parts.push(a.allow_revoting ? "allow changing votes" : "forbid changing votes");
    if (a.min_proposer_power != null) parts.push(`power needed to propose ${a.min_proposer_power}`);
    if (a.max_actions != null) parts.push(`at most ${a.max_actions} actions per proposal`);
    if (a.guardian) parts.push(`guardian ${name(a.guardian)}`);
    if (a.clear_guardian) parts.push("no guardian");
    if (a.proposal_deposit) parts.push(a.proposal_deposit === "remove" ? "no proposal deposit" : `proposal deposit ${money(a.proposal_deposit.set.amount, a.proposal_deposit.set.asset_info, units)}`);
    if (a.voter_rewards) parts.push(a.voter_rewards === "remove" ? "no voter rewards" : "new voter reward settings");
    if (a.treasury) parts.push(`treasury ${name(a.treasury)}`);
    if (a.escrow) parts.push(`escrow ${name(a.escrow)}`);
    return `Change governance's settings: ${parts.join("; ") || "nothing"}.`;
  }
  if ("custom" in action) return `Run ${action.custom.msgs.length} raw message${action.custom.msgs.length === 1 ? "" : "s"}: ${action.custom.msgs.map((m) => cosmosMsg(m, units, name)).join("; ")}.`;
  const unknown: never = action;
  return `An action this app cannot read: ${JSON.stringify(unknown)}.`;
}

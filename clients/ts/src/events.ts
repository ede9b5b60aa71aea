/**
 * Typed readers of the suite's events, following docs/integrators.md.
 *
 * Every execute of a Commons contract emits one `wasm` event whose first own attribute is
 * `action`, followed by the ids and amounts it touched. A transaction holds the events of every
 * contract it reached (a proposal's execution includes the treasury's and the escrow's), so
 * each reader picks events by action and, when given, by contract address.
 *
 * Encodings (docs/integrators.md, "Encodings in events"): money is `<amount>:<asset>` with the
 * asset `native:<denom>` or `cw20:<address>`; unit counts are plain integers; times in
 * attributes are whole seconds since the Unix epoch; ids are decimal integers.
 */

/** One attribute as cosmjs (and the simulator) report it. */
export interface TxAttribute {
  readonly key: string;
  readonly value: string;
}

/** One event as cosmjs (and the simulator) report it. */
export interface TxEvent {
  readonly type: string;
  readonly attributes: readonly TxAttribute[];
}

/** Anything with a transaction's events: cosmjs's `ExecuteResult`, `DeliverTxResponse`, ... */
export interface HasEvents {
  readonly events: readonly TxEvent[];
}

export type AssetInfo = { native: string } | { cw20: string };

/** An amount of an asset, as events write it (`1500:native:untrn`). */
export interface Money {
  amount: bigint;
  asset: AssetInfo;
}

/** One contract's `wasm` event, its attributes in the order the contract added them. */
export class WasmAction {
  constructor(
    /** The contract that emitted it (`_contract_address`). */
    readonly contract: string,
    /** Its `action` attribute. */
    readonly action: string,
    /** The contract's own attributes, `action` included, in order. */
    readonly attributes: readonly TxAttribute[],
  ) {}

  /** The first value of `key`, if any. */
  get(key: string): string | undefined {
    return this.attributes.find((a) => a.key === key)?.value;
  }

  /** The first value of `key`; an error naming the action when it is missing. */
  need(key: string): string {
    const value = this.get(key);
    if (value === undefined) throw new Error(`${this.action} event of ${this.contract} has no \`${key}\``);
    return value;
  }

  /** Every value of `key`, in order (actions that touch several ids repeat their keys). */
  all(key: string): string[] {
    return this.attributes.filter((a) => a.key === key).map((a) => a.value);
  }
}

/** Attribute keys the chain adds to a contract's event (not the contract's own). */
function isChainKey(key: string): boolean {
  return key.startsWith("_") || key === "msg_index";
}

/**
 * The `wasm` events of a transaction as actions, in order, optionally only those of one
 * `action` and/or one `contract`.
 */
export function wasmActions(result: HasEvents, filter: { action?: string; contract?: string } = {}): WasmAction[] {
  const found: WasmAction[] = [];
  for (const event of result.events) {
    if (event.type !== "wasm") continue;
    const contract = event.attributes.find((a) => a.key === "_contract_address")?.value ?? "";
    const own = event.attributes.filter((a) => !isChainKey(a.key));
    // One event may hold several actions when a chain merges a contract's events; split at
    // each `action`, which every Commons response puts first.
    let current: TxAttribute[] | undefined;
    const flush = () => {
      if (!current) return;
      const action = current[0]!.value;
      if ((filter.action === undefined || filter.action === action) && (filter.contract === undefined || filter.contract === contract)) {
        found.push(new WasmAction(contract, action, current));
      }
    };
    for (const attribute of own) {
      if (attribute.key === "action") {
        flush();
        current = [attribute];
      } else if (current) {
        current.push(attribute);
      }
    }
    flush();
  }
  return found;
}

/** The one action `action` (of `contract`, when given); an error when there is none or several. */
export function theAction(result: HasEvents, action: string, contract?: string): WasmAction {
  const found = wasmActions(result, { action, contract });
  if (found.length !== 1) {
    throw new Error(`expected one \`${action}\` event${contract ? ` of ${contract}` : ""}, found ${found.length}`);
  }
  return found[0]!;
}

/** `1500:native:untrn` or `20:cw20:neutron1...` as a typed amount. */
export function parseMoney(text: string): Money {
  const split = text.indexOf(":");
  const kindEnd = text.indexOf(":", split + 1);
  if (split <= 0 || kindEnd < 0) throw new Error(`not money: ${JSON.stringify(text)}`);
  const amount = BigInt(text.slice(0, split));
  const kind = text.slice(split + 1, kindEnd);
  const id = text.slice(kindEnd + 1);
  if (kind === "native") return { amount, asset: { native: id } };
  if (kind === "cw20") return { amount, asset: { cw20: id } };
  throw new Error(`unknown asset kind in ${JSON.stringify(text)}`);
}

/** Money in the wire's `Asset` shape (`{info, amount}`), for comparing with query answers. */
export function moneyToAsset(money: Money): { info: AssetInfo; amount: string } {
  return { info: money.asset, amount: money.amount.toString() };
}

function int(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`not an id: ${JSON.stringify(text)}`);
  return value;
}

function list(text: string): number[] {
  return text === "" ? [] : text.split(",").map(int);
}

// ---- governance ----

export interface ProposalCreated {
  proposalId: number;
  proposer: string;
  snapshotHeight: number;
  totalPower: bigint;
  actions: number;
  /** The deposit held, or `undefined` when none was required. */
  deposit?: Money;
}

/** The proposal a `propose` (or a cw20 `send` with a `propose` hook) opened. */
export function proposalCreated(result: HasEvents, governance?: string): ProposalCreated {
  const e = theAction(result, "propose", governance);
  const deposit = e.need("deposit");
  return {
    proposalId: int(e.need("proposal_id")),
    proposer: e.need("proposer"),
    snapshotHeight: int(e.need("snapshot_height")),
    totalPower: BigInt(e.need("total_power")),
    actions: int(e.need("actions")),
    deposit: deposit === "none" ? undefined : parseMoney(deposit),
  };
}

/** The new proposal's id. */
export function proposalId(result: HasEvents, governance?: string): number {
  return proposalCreated(result, governance).proposalId;
}

export interface VoteCast {
  proposalId: number;
  voter: string;
  vote: string;
  power: bigint;
  /** The proposal's status after this vote (`open`, `passed`, ...). */
  status: string;
}

export function voteCast(result: HasEvents, governance?: string): VoteCast {
  const e = theAction(result, "vote", governance);
  return {
    proposalId: int(e.need("proposal_id")),
    voter: e.need("voter"),
    vote: e.need("vote"),
    power: BigInt(e.need("power")),
    status: e.need("status"),
  };
}

export interface ProposalExecuted {
  proposalId: number;
  /** What happened to the deposit, as the contract words it. */
  deposit: string;
  /** Set when an action failed: the proposal is `execution_failed` and nothing took effect. */
  error?: string;
}

export function proposalExecuted(result: HasEvents, governance?: string): ProposalExecuted {
  const e = theAction(result, "execute", governance);
  const failed = wasmActions(result, { action: "execution_failed", contract: governance })[0];
  return {
    proposalId: int(e.need("proposal_id")),
    deposit: e.need("deposit"),
    error: failed?.need("error"),
  };
}

export interface VoteRewardsClaimed {
  voter: string;
  amount: bigint;
  proposalIds: number[];
  /** The vesting grant the token minted for it. */
  grant: VestingGrant;
}

/** A `claim_vote_rewards`: the total and the grant minted on the token. */
export function voteRewardsClaimed(result: HasEvents, governance?: string): VoteRewardsClaimed {
  const e = theAction(result, "claim_vote_rewards", governance);
  const voter = e.need("voter");
  const grant = vestingGrants(result).find((g) => g.to === voter);
  if (!grant) throw new Error("claim_vote_rewards without its mint_vesting event");
  return { voter, amount: BigInt(e.need("amount")), proposalIds: list(e.need("proposal_ids")), grant };
}

// ---- reward token ----

export interface VestingGrant {
  token: string;
  to: string;
  grantId: number;
  amount: bigint;
  /** Seconds since the epoch. */
  startTime: number;
  cliffSeconds: number;
  durationSeconds: number;
  revocable: boolean;
}

export function vestingGrants(result: HasEvents, token?: string): VestingGrant[] {
  return wasmActions(result, { action: "mint_vesting", contract: token }).map((e) => ({
    token: e.contract,
    to: e.need("to"),
    grantId: int(e.need("grant_id")),
    amount: BigInt(e.need("amount")),
    startTime: int(e.need("start_time")),
    cliffSeconds: int(e.need("cliff_seconds")),
    durationSeconds: int(e.need("duration_seconds")),
    revocable: e.need("revocable") === "true",
  }));
}

export interface VestedClaim {
  to: string;
  amount: bigint;
  grantIds: number[];
}

export function vestedClaimed(result: HasEvents, token?: string): VestedClaim {
  const e = theAction(result, "claim_vested", token);
  return { to: e.need("to"), amount: BigInt(e.need("amount")), grantIds: list(e.need("grant_ids")) };
}

// ---- treasury ----

export interface LedgerMovement {
  treasury: string;
  /** `deposit`, `spend`, `spend_to_contract` or `spend_budget`. */
  action: string;
  ledgerId: number;
  asset: Money;
  /** Who paid in (`from`) or was paid (`to`). */
  counterparty: string;
}

/**
 * Every movement the treasury recorded in its ledger during the transaction, in order: deposits
 * (one entry per coin), spends (to contracts too) and budget spends, including those the escrow and governance
 * caused (fees, refunds, slashes, forfeited deposits).
 */
export function ledgerMovements(result: HasEvents, treasury?: string): LedgerMovement[] {
  const out: LedgerMovement[] = [];
  for (const e of wasmActions(result, { contract: treasury })) {
    if (!["deposit", "spend", "spend_to_contract", "spend_budget"].includes(e.action)) continue;
    const ids = e.all("ledger_id");
    const assets = e.all("asset");
    const counterparty = e.action === "deposit" ? e.need("from") : e.need("to");
    ids.forEach((id, i) =>
      out.push({ treasury: e.contract, action: e.action, ledgerId: int(id), asset: parseMoney(assets[i]!), counterparty }),
    );
  }
  return out;
}

// ---- compute escrow ----

export interface JobCreated {
  jobId: number;
  client: string;
  escrowed: Money;
}

/** The job a `create_job` (direct, through a cw20 `send`, or a DAO proposal) opened. */
export function jobCreated(result: HasEvents, escrow?: string): JobCreated {
  const e = theAction(result, "create_job", escrow);
  return { jobId: int(e.need("job_id")), client: e.need("client"), escrowed: parseMoney(e.need("escrowed")) };
}

export function jobId(result: HasEvents, escrow?: string): number {
  return jobCreated(result, escrow).jobId;
}

export interface UsageReported {
  jobId: number;
  /** The cumulative count. */
  units: bigint;
  newUnits: bigint;
  /** Seconds since the epoch when the new units become payable. */
  payableAt: number;
}

export function usageReported(result: HasEvents, escrow?: string): UsageReported {
  const e = theAction(result, "report_usage", escrow);
  return {
    jobId: int(e.need("job_id")),
    units: BigInt(e.need("units")),
    newUnits: BigInt(e.need("new_units")),
    payableAt: int(e.need("payable_at")),
  };
}

export interface JobPayment {
  jobId: number;
  gross: Money;
  fee: Money;
  net: Money;
}

export interface PaymentsClaimed {
  provider: string;
  /** The jobs paid, in the order given (jobs with nothing payable are left out). */
  jobs: JobPayment[];
}

/** What a `claim_payments` paid, per job. */
export function paymentsClaimed(result: HasEvents, escrow?: string): PaymentsClaimed {
  const e = theAction(result, "claim_payments", escrow);
  const jobs: JobPayment[] = [];
  let job: Partial<JobPayment> | undefined;
  for (const { key, value } of e.attributes) {
    if (key === "job_id") {
      job = { jobId: int(value) };
      jobs.push(job as JobPayment);
    } else if (job && (key === "gross" || key === "fee" || key === "net")) {
      job[key] = parseMoney(value);
    }
  }
  for (const paid of jobs) {
    if (!paid.gross || !paid.fee || !paid.net) throw new Error(`claim_payments: job ${paid.jobId} lacks gross, fee or net`);
  }
  return { provider: e.need("provider"), jobs };
}

export interface Disputed {
  jobId: number;
  disputedUnits: bigint;
  disputed: Money;
  unitsDisputed: bigint;
  reason: string;
}

export function disputed(result: HasEvents, escrow?: string): Disputed {
  const e = theAction(result, "dispute", escrow);
  return {
    jobId: int(e.need("job_id")),
    disputedUnits: BigInt(e.need("disputed_units")),
    disputed: parseMoney(e.need("disputed")),
    unitsDisputed: BigInt(e.need("units_disputed")),
    reason: e.need("reason"),
  };
}

export interface DisputeResolved {
  jobId: number;
  provider: string;
  approvedUnits: bigint;
  approved: Money;
  rejectedUnits: bigint;
  refunded: Money;
  slashed: Money;
  refundTo: string;
}

export function disputeResolved(result: HasEvents, escrow?: string): DisputeResolved {
  const e = theAction(result, "resolve_dispute", escrow);
  return {
    jobId: int(e.need("job_id")),
    provider: e.need("provider"),
    approvedUnits: BigInt(e.need("approved_units")),
    approved: parseMoney(e.need("approved")),
    rejectedUnits: BigInt(e.need("rejected_units")),
    refunded: parseMoney(e.need("refunded")),
    slashed: parseMoney(e.need("slashed")),
    refundTo: e.need("refund_to"),
  };
}

export interface Refund {
  /** `complete_job`, `cancel_job` or `resolve_dispute`. */
  action: string;
  jobId: number;
  refunded: Money;
  refundTo: string;
  /** Units refunded (`complete_job`, `cancel_job`) or rejected (`resolve_dispute`). */
  units: bigint;
}

/** Every refund the escrow made in the transaction (completions, cancellations, rulings). */
export function refunds(result: HasEvents, escrow?: string): Refund[] {
  const out: Refund[] = [];
  for (const e of wasmActions(result, { contract: escrow })) {
    if (e.action === "complete_job" || e.action === "cancel_job") {
      out.push({
        action: e.action,
        jobId: int(e.need("job_id")),
        refunded: parseMoney(e.need("refunded")),
        refundTo: e.need("refund_to"),
        units: BigInt(e.need("refunded_units")),
      });
    } else if (e.action === "resolve_dispute") {
      out.push({
        action: e.action,
        jobId: int(e.need("job_id")),
        refunded: parseMoney(e.need("refunded")),
        refundTo: e.need("refund_to"),
        units: BigInt(e.need("rejected_units")),
      });
    }
  }
  return out;
}

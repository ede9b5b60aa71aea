/**
 * Create a proposal from typed actions. Each action has its own form; the page writes the
 * action out in words as it is filled in (the same sentence members will read on the
 * proposal), and a refused proposal keeps everything that was typed.
 */
import { events, type GovernanceTypes } from "commons-client";
import { useId, useState } from "react";
import { describeAction } from "../lib/actions";
import { DAY, timestampIn, toBaseUnits, unitOf, type AssetInfo } from "../lib/format";
import { Field, Section, Select } from "./common";
import { go } from "./router";
import { useApp, type AppState } from "./state";
import { TxStatus, useTx } from "./tx";

type Action = GovernanceTypes.ProposalAction;
type Kind = "treasury_spend" | "treasury_set_budget" | "escrow_create_job" | "token_mint_vesting" | "token_mint" | "treasury_revoke_budget";

const KINDS: { value: Kind; label: string }[] = [
  { value: "treasury_spend", label: "Pay from the treasury (treasury_spend)" },
  { value: "treasury_set_budget", label: "Give a working group a budget (treasury_set_budget)" },
  { value: "escrow_create_job", label: "Buy compute: fund an escrow job (escrow_create_job)" },
  { value: "token_mint_vesting", label: "Grant vesting tokens (token_mint_vesting)" },
  { value: "token_mint", label: "Mint tokens (token_mint)" },
  { value: "treasury_revoke_budget", label: "Revoke a budget (treasury_revoke_budget)" },
];

interface Draft {
  key: number;
  kind: Kind;
  fields: Record<string, string>;
}

/** Defaults that pass the contract's checks at propose (times after the proposal would execute). */
function defaults(kind: Kind, state: AppState): Record<string, string> {
  const afterExecution = Math.ceil((state.suite.governance.voting_period_seconds + state.suite.governance.execution_delay_seconds) / DAY);
  switch (kind) {
    case "treasury_spend":
      return { recipient: "", asset: "native", amount: "", memo: "" };
    case "treasury_set_budget":
      return { spender: "", asset: "native", amount: "", periodDays: "30", expiresDays: "" };
    case "escrow_create_job":
      return { provider: "", client: "", uri: "ipfs://", hash: "sha256:", asset: "native", price: "", units: "", acceptDays: String(afterExecution + 5), deadlineDays: String(afterExecution + 35) };
    case "token_mint_vesting":
      return { recipient: "", amount: "", startDays: String(afterExecution), cliffDays: "30", durationDays: "365", revocable: "yes" };
    case "token_mint":
      return { recipient: "", amount: "" };
    case "treasury_revoke_budget":
      return { spender: "" };
  }
}

/** A known account's name ("erin") or an address, as the contract needs it (an address). */
function address(text: string, state: AppState, what: string): string {
  const t = text.trim();
  if (!t) throw new Error(`${what}: give an address`);
  const byName = Object.entries(state.suite.names).find(([, n]) => n.toLowerCase() === t.toLowerCase());
  return byName ? byName[0] : t;
}

function optionalAddress(text: string, state: AppState, what: string): string | null {
  return text.trim() ? address(text, state, what) : null;
}

function assetOf(choice: string, state: AppState): AssetInfo {
  return choice === "cmn" ? { cw20: state.backend.contracts.token } : { native: state.backend.denom };
}

function whole(text: string, what: string): number {
  const n = Number(text.trim());
  if (!Number.isFinite(n) || n < 0 || text.trim() === "") throw new Error(`${what}: write a number`);
  return n;
}

function build(d: Draft, state: AppState): Action {
  const f = d.fields;
  const units = state.suite.units;
  const amountOf = (text: string, asset: AssetInfo, what: string) => {
    if (!text.trim()) throw new Error(`${what}: give an amount`);
    return toBaseUnits(text, unitOf(asset, units).decimals);
  };
  const now = state.now;
  switch (d.kind) {
    case "treasury_spend": {
      const asset = assetOf(f.asset!, state);
      return { treasury_spend: { recipient: address(f.recipient!, state, "Recipient"), asset: { info: asset, amount: amountOf(f.amount!, asset, "Amount") }, memo: f.memo?.trim() || null } };
    }
    case "treasury_set_budget": {
      const asset = assetOf(f.asset!, state);
      return {
        treasury_set_budget: {
          spender: address(f.spender!, state, "Spender"),
          asset_info: asset,
          amount_per_period: amountOf(f.amount!, asset, "Amount per period"),
          period_seconds: Math.round(whole(f.periodDays!, "Period") * DAY),
          expires: f.expiresDays?.trim() ? timestampIn(now, whole(f.expiresDays, "Expires") * DAY) : null,
        },
      };
    }
    case "escrow_create_job": {
      const asset = assetOf(f.asset!, state);
      const maxUnits = f.units!.trim();
      if (!/^\d+$/.test(maxUnits) || maxUnits === "0") throw new Error("Units: a whole number above 0");
      return {
        escrow_create_job: {
          provider: optionalAddress(f.provider!, state, "Provider"),
          client: optionalAddress(f.client!, state, "Steward"),
          spec: { uri: f.uri!.trim(), hash: f.hash!.trim() },
          asset_info: asset,
          price_per_unit: amountOf(f.price!, asset, "Price per unit"),
          max_units: maxUnits,
          accept_by: timestampIn(now, whole(f.acceptDays!, "Accept by") * DAY),
          deadline: timestampIn(now, whole(f.deadlineDays!, "Deadline") * DAY),
        },
      };
    }
    case "token_mint_vesting": {
      const token: AssetInfo = { cw20: state.backend.contracts.token };
      return {
        token_mint_vesting: {
          recipient: address(f.recipient!, state, "Recipient"),
          amount: amountOf(f.amount!, token, "Amount"),
          revocable: f.revocable === "yes",
          schedule: {
            start_time: timestampIn(now, whole(f.startDays!, "Start") * DAY),
            cliff_seconds: Math.round(whole(f.cliffDays!, "Cliff") * DAY),
            duration_seconds: Math.round(whole(f.durationDays!, "Duration") * DAY),
          },
        },
      };
    }
    case "token_mint":
      return { token_mint: { recipient: address(f.recipient!, state, "Recipient"), amount: amountOf(f.amount!, { cw20: state.backend.contracts.token }, "Amount") } };
    case "treasury_revoke_budget":
      return { treasury_revoke_budget: { spender: address(f.spender!, state, "Spender") } };
  }
}

function AssetChoice({ value, onChange, state }: { value: string; onChange: (v: string) => void; state: AppState }) {
  return (
    <Select
      label="Asset"
      value={value}
      onChange={onChange}
      options={[
        { value: "native", label: unitOf({ native: state.backend.denom }, state.suite.units).symbol },
        { value: "cmn", label: state.suite.token.symbol },
      ]}
    />
  );
}

function ActionForm({ draft, update, remove, state }: { draft: Draft; update: (fields: Record<string, string>) => void; remove: () => void; state: AppState }) {
  const f = draft.fields;
  const set = (key: string) => (value: string) => update({ ...f, [key]: value });
  const people = "An address, or the name of a known account (e.g. erin)";
  let preview: string;
  try {
    preview = describeAction(build(draft, state), state.suite.units, state.name, state.backend.contracts.token);
  } catch (e) {
    preview = `Not complete yet: ${(e as Error).message}.`;
  }
  const checkboxId = useId();
  return (
    <fieldset className="action" data-testid={`action-${draft.kind}`}>
      <legend>{KINDS.find((k) => k.value === draft.kind)!.label}</legend>
      <div className="fields">
        {draft.kind === "treasury_spend" && (
          <>
            <Field label="Recipient" value={f.recipient!} onChange={set("recipient")} hint={people} />
            <AssetChoice value={f.asset!} onChange={set("asset")} state={state} />
            <Field label="Amount" value={f.amount!} onChange={set("amount")} hint="In whole tokens, e.g. 25 or 12.5" />
            <Field label="Memo" value={f.memo!} onChange={set("memo")} hint="Recorded in the treasury's ledger" />
          </>
        )}
        {draft.kind === "treasury_set_budget" && (
          <>
            <Field label="Spender" value={f.spender!} onChange={set("spender")} hint={people} />
            <AssetChoice value={f.asset!} onChange={set("asset")} state={state} />
            <Field label="Amount per period" value={f.amount!} onChange={set("amount")} />
            <Field label="Period (days)" value={f.periodDays!} onChange={set("periodDays")} />
            <Field label="Expires in (days, empty: until revoked)" value={f.expiresDays!} onChange={set("expiresDays")} hint="Must be after the proposal would execute" />
          </>
        )}
        {draft.kind === "escrow_create_job" && (
          <>
            <Field label="Provider (empty: any provider)" value={f.provider!} onChange={set("provider")} hint={people} />
            <Field label="Steward (empty: governance approves and disputes)" value={f.client!} onChange={set("client")} />
            <Field label="Spec URI" value={f.uri!} onChange={set("uri")} />
            <Field label="Spec hash" value={f.hash!} onChange={set("hash")} />
            <AssetChoice value={f.asset!} onChange={set("asset")} state={state} />
            <Field label="Price per unit" value={f.price!} onChange={set("price")} />
            <Field label="Units" value={f.units!} onChange={set("units")} />
            <Field label="Accept by (days from now)" value={f.acceptDays!} onChange={set("acceptDays")} hint="After the proposal would execute" />
            <Field label="Deadline (days from now)" value={f.deadlineDays!} onChange={set("deadlineDays")} />
          </>
        )}
        {draft.kind === "token_mint_vesting" && (
          <>
            <Field label="Recipient" value={f.recipient!} onChange={set("recipient")} hint={people} />
            <Field label={`Amount (${state.suite.token.symbol})`} value={f.amount!} onChange={set("amount")} />
            <Field label="Vesting starts in (days)" value={f.startDays!} onChange={set("startDays")} />
            <Field label="Cliff (days)" value={f.cliffDays!} onChange={set("cliffDays")} />
            <Field label="Duration (days)" value={f.durationDays!} onChange={set("durationDays")} />
            <div className="field">
              <label htmlFor={checkboxId}>
                <input id={checkboxId} type="checkbox" checked={f.revocable === "yes"} onChange={(e) => set("revocable")(e.target.checked ? "yes" : "no")} /> The DAO may revoke what has not vested
              </label>
            </div>
          </>
        )}
        {draft.kind === "token_mint" && (
          <>
            <Field label="Recipient" value={f.recipient!} onChange={set("recipient")} hint={people} />
            <Field label={`Amount (${state.suite.token.symbol})`} value={f.amount!} onChange={set("amount")} />
          </>
        )}
        {draft.kind === "treasury_revoke_budget" && <Field label="Spender" value={f.spender!} onChange={set("spender")} hint={people} />}
      </div>
      <p className="preview" aria-live="polite">
        {preview}
      </p>
      <button type="button" className="link" onClick={remove}>
        Remove this action
      </button>
    </fieldset>
  );
}

export function NewProposal() {
  const state = useApp();
  const tx = useTx();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [kind, setKind] = useState<Kind>("treasury_spend");
  const [drafts, setDrafts] = useState<Draft[]>(() => [{ key: 1, kind: "treasury_spend", fields: defaults("treasury_spend", state) }]);
  const max = state.suite.governance.max_actions;
  return (
    <div className="page">
      <h1>New proposal</h1>
      <form
        className="form"
        aria-label="New proposal"
        onSubmit={async (e) => {
          e.preventDefault();
          let actions: Action[];
          try {
            if (!title.trim()) throw new Error("Give the proposal a title");
            actions = drafts.map((d) => build(d, state));
          } catch (error) {
            tx.fail(error);
            return;
          }
          const outcome = await tx.run({ contract: "governance", msg: { propose: { title: title.trim(), description: description.trim(), actions } } });
          if (outcome) go(`proposals/${events.proposalId(outcome, state.backend.contracts.governance)}`);
        }}
      >
        <Section title="About">
          <Field label="Title" value={title} onChange={setTitle} required />
          <Field label="Description" value={description} onChange={setDescription} multiline />
        </Section>
        <Section title={`Actions (${drafts.length} of at most ${max})`}>
          {drafts.map((d) => (
            <ActionForm
              key={d.key}
              draft={d}
              state={state}
              update={(fields) => setDrafts(drafts.map((x) => (x.key === d.key ? { ...x, fields } : x)))}
              remove={() => setDrafts(drafts.filter((x) => x.key !== d.key))}
            />
          ))}
          <div className="add-action">
            <Select label="Action to add" value={kind} onChange={setKind} options={KINDS} />
            <button
              type="button"
              disabled={drafts.length >= max}
              onClick={() => setDrafts([...drafts, { key: Math.max(0, ...drafts.map((x) => x.key)) + 1, kind, fields: defaults(kind, state) }])}
            >
              Add action
            </button>
          </div>
        </Section>
        <button type="submit" className="primary" disabled={tx.busy || drafts.length === 0}>
          Submit proposal
        </button>
        <TxStatus tx={tx} success="Proposal created." />
      </form>
    </div>
  );
}

/** Proposals: the list with turnout against quorum, and one proposal in full (actions in words, tally, timelock, vote, execute). */
import { GovernanceQueryClient, type GovernanceTypes } from "commons-client";
import { useState } from "react";
import { describeAction } from "../lib/actions";
import { date, decimal, percent, relative, seconds } from "../lib/format";
import { tallyView, type TallyView } from "../lib/tally";
import { BarChart } from "./charts";
import { ErrorNote, Field, Loading, Section, StatusBadge } from "./common";
import { link } from "./router";
import { useApp, useData, type AppState } from "./state";
import { TxStatus, useTx } from "./tx";

type Proposal = GovernanceTypes.ProposalResponse;
type Ballot = GovernanceTypes.Ballot;

/** Newest first, 30 a page, at most `pages` pages. */
export async function loadProposals({ backend }: AppState, pages = 5): Promise<Proposal[]> {
  const governance = new GovernanceQueryClient(backend.querier, backend.contracts.governance);
  const all: Proposal[] = [];
  for (let page = 0; page < pages; page++) {
    const answer = await governance.reverseProposals({ limit: 30, startBefore: all.at(-1)?.id });
    all.push(...answer.proposals);
    if (answer.proposals.length < 30) break;
  }
  return all;
}

export async function loadBallots({ backend }: AppState, proposalId: number): Promise<Ballot[]> {
  const governance = new GovernanceQueryClient(backend.querier, backend.contracts.governance);
  const all: Ballot[] = [];
  for (let page = 0; page < 50; page++) {
    const answer = await governance.listVotes({ proposalId, limit: 30, startAfter: all.at(-1)?.voter });
    all.push(...answer.votes);
    if (answer.votes.length < 30) break;
  }
  return all;
}

/** What the proposal's clock says: voting ends, timelock ends, execution window closes. */
export function timeline(p: Proposal, now: number): string {
  switch (p.status) {
    case "open":
      return `Voting ends ${relative(seconds(p.voting_ends_at), now)}${seconds(p.min_voting_ends_at) > now ? ` (the outcome can be final ${relative(seconds(p.min_voting_ends_at), now)} at the earliest)` : ""}.`;
    case "passed": {
      const at = p.executable_at ? seconds(p.executable_at) : now;
      if (at > now) return `Passed. Timelock: executable ${relative(at, now)} (${date(at)}).`;
      return `Passed and executable now${p.execution_deadline ? `, until ${date(seconds(p.execution_deadline))} (${relative(seconds(p.execution_deadline), now)})` : ""}.`;
    }
    case "executed":
      return "Executed.";
    case "execution_failed":
      return `Execution failed: ${p.execution_error ?? "an action failed"}. None of its actions took effect.`;
    case "expired":
      return "Passed, but nobody executed it within the execution window.";
    default:
      return p.decided_at ? `Decided ${relative(seconds(p.decided_at), now)}.` : "";
  }
}

export function ProposalList() {
  const { now } = useApp();
  const data = useData((s) => loadProposals(s));
  if (!data.data) return data.error ? <ErrorNote text={data.error} /> : <Loading />;
  const proposals = data.data;
  const recent = [...proposals].slice(0, 12).reverse();
  return (
    <div className="page">
      <div className="page-head">
        <h1>Proposals</h1>
        <a className="button" href={link("new")}>
          New proposal
        </a>
      </div>
      <BarChart
        testId="turnout-chart"
        title="Turnout per proposal"
        summary="The share of voting power that voted on each of the latest proposals, against the quorum it needed."
        labels={recent.map((p) => `#${p.id}`)}
        series={[{ label: "Turnout", tone: "a", values: recent.map((p) => tallyView(p).turnout * 100) }]}
        marks={recent.map((p) => tallyView(p).quorum * 100 || undefined)}
        markLabel="Quorum"
        format={(v) => `${v.toFixed(0)}%`}
        empty="No proposal yet."
      />
      <Section title={`All proposals (${proposals.length})`} testId="proposal-list">
        {proposals.length === 0 ? (
          <p className="muted">No proposal yet: make the first one.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Turnout</th>
                <th scope="col">Next</th>
              </tr>
            </thead>
            <tbody>
              {proposals.map((p) => {
                const t = tallyView(p);
                return (
                  <tr key={p.id}>
                    <td>{p.id}</td>
                    <td>
                      <a href={link(`proposals/${p.id}`)}>{p.title}</a>
                    </td>
                    <td>
                      <StatusBadge status={p.status} />
                    </td>
                    <td>
                      {percent(t.turnout)} {t.quorum > 0 && <span className="muted">(quorum {percent(t.quorum)})</span>}
                    </td>
                    <td className="small">{timeline(p, now)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Section>
    </div>
  );
}

function Meter({ label, value, need, met, detail }: { label: string; value: number; need: number; met: boolean; detail: string }) {
  return (
    <div className="meter-row">
      <div className="meter-label">
        <span>{label}</span>
        <strong>{percent(value)}</strong> <span className="muted">needs {percent(need)}</span> <span className={met ? "ok" : "bad"}>{met ? "met" : "not met"}</span>
      </div>
      <div className="meter" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(value * 100)} aria-valuetext={`${percent(value)}, needs ${percent(need)}`}>
        <div className={`fill ${met ? "ok" : ""}`} style={{ width: `${Math.min(100, value * 100)}%` }} />
        <div className="need" style={{ left: `${Math.min(100, need * 100)}%` }} />
      </div>
      <small className="muted">{detail}</small>
    </div>
  );
}

function TallyPanel({ t, symbol, decimals }: { t: TallyView; symbol: string; decimals: number }) {
  const fmt = (v: bigint) => `${decimal(v, decimals)} ${symbol}`;
  return (
    <div data-testid="tally">
      <p className="muted small">{t.rule}</p>
      {t.quorum > 0 && <Meter label="Turnout" value={t.turnout} need={t.quorum} met={t.quorumMet} detail={`${fmt(t.cast)} of ${fmt(t.total)} voted.`} />}
      <Meter label="Yes" value={t.yesShare} need={t.threshold} met={t.thresholdMet} detail={`${fmt(t.yes)} yes, ${fmt(t.no)} no, ${fmt(t.abstain)} abstain, ${fmt(t.veto)} veto.`} />
      {t.veto > 0n && <p className="small">Veto: {percent(t.vetoShare)} of votes cast (above 33.3% vetoes the proposal).</p>}
    </div>
  );
}

const VOTES: { value: GovernanceTypes.Vote; label: string }[] = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
  { value: "abstain", label: "Abstain" },
  { value: "veto", label: "Veto (no, and forfeit the deposit)" },
];

function VoteForm({ proposal }: { proposal: Proposal }) {
  const tx = useTx();
  const [vote, setVote] = useState<GovernanceTypes.Vote>("yes");
  const [rationale, setRationale] = useState("");
  return (
    <form
      className="form"
      aria-label="Vote"
      onSubmit={async (e) => {
        e.preventDefault();
        const done = await tx.run({ contract: "governance", msg: { vote: { proposal_id: proposal.id, vote, rationale: rationale.trim() || null } } });
        if (done) setRationale("");
      }}
    >
      <fieldset>
        <legend>Your vote</legend>
        {VOTES.map((v) => (
          <label key={v.value} className="radio">
            <input type="radio" name="vote" value={v.value} checked={vote === v.value} onChange={() => setVote(v.value)} /> {v.label}
          </label>
        ))}
      </fieldset>
      <Field label="Rationale (optional, public)" value={rationale} onChange={setRationale} multiline hint="Why you vote this way; it is stored with your ballot." />
      <button type="submit" disabled={tx.busy}>
        Cast vote
      </button>
      <TxStatus tx={tx} success="Vote cast." />
    </form>
  );
}

function ActionButton({ label, msg, success, disabled, hint }: { label: string; msg: GovernanceTypes.ExecuteMsg; success: string; disabled?: boolean; hint?: string }) {
  const tx = useTx();
  return (
    <div className="form inline">
      <button type="button" disabled={tx.busy || disabled} onClick={() => tx.run({ contract: "governance", msg })}>
        {label}
      </button>
      {hint && <small className="muted">{hint}</small>}
      <TxStatus tx={tx} success={success} />
    </div>
  );
}

export function ProposalDetail({ id }: { id: number }) {
  const { backend, suite, name, now, me } = useApp();
  const data = useData(
    async (s) => {
      const governance = new GovernanceQueryClient(backend.querier, backend.contracts.governance);
      const proposal = await governance.proposal({ proposalId: id });
      const ballots = await loadBallots(s, id);
      const power = me ? await governance.votingPower({ address: me, height: proposal.snapshot_height }) : undefined;
      return { proposal, ballots, power };
    },
    [id],
  );
  if (!data.data) return data.error ? <ErrorNote text={data.error} /> : <Loading />;
  const { proposal: p, ballots, power } = data.data;
  const t = tallyView(p);
  const mine = ballots.find((b) => b.voter === me);
  const executableAt = p.executable_at ? seconds(p.executable_at) : undefined;
  const { symbol, decimals } = suite.token;
  const isGuardian = !!me && suite.governance.guardian === me;
  return (
    <div className="page">
      <p>
        <a href={link("proposals")}>← All proposals</a>
      </p>
      <div className="page-head">
        <h1>
          #{p.id} {p.title}
        </h1>
        <StatusBadge status={p.status} />
      </div>
      <p className="lead" data-testid="timeline">
        {timeline(p, now)}
      </p>
      {p.description && <p className="description">{p.description}</p>}
      <p className="muted small">
        Proposed by {name(p.proposer)} on {date(seconds(p.created_at))}; voting power is read at block {p.snapshot_height}.
        {p.deposit && ` Deposit: ${decimal(p.deposit.amount, 0)} (${p.deposit_undelivered ? "settled, not yet delivered" : p.deposit_settled ? "settled" : "held"}).`}
      </p>
      <div className="grid2">
        <Section title="What it does" testId="actions">
          <ol>
            {p.actions.map((a, i) => (
              <li key={i}>{describeAction(a, suite.units, name, backend.contracts.token)}</li>
            ))}
          </ol>
        </Section>
        <Section title="Tally" testId="tally-section">
          <TallyPanel t={t} symbol={symbol} decimals={decimals} />
        </Section>
      </div>
      <div className="grid2">
        <Section title="Act">
          {p.status === "open" &&
            (mine && !p.allow_revoting ? (
              <p>
                You voted <strong>{mine.vote}</strong> with {decimal(mine.power, decimals)} {symbol}.
              </p>
            ) : power && BigInt(power.power) === 0n ? (
              <p className="muted">You had no voting power when this proposal was made (block {p.snapshot_height}), so you cannot vote on it.</p>
            ) : (
              <>
                {power && (
                  <p className="small">
                    Your voting power on this proposal: {decimal(power.power, decimals)} {symbol}.
                  </p>
                )}
                <VoteForm proposal={p} />
              </>
            ))}
          {p.status === "passed" && (
            <ActionButton
              label="Execute"
              msg={{ execute: { proposal_id: p.id } }}
              success="Executed."
              disabled={executableAt !== undefined && executableAt > now}
              hint={executableAt !== undefined && executableAt > now ? `The timelock ends ${relative(executableAt, now)}.` : "Anyone may execute it now."}
            />
          )}
          {p.status === "passed" && isGuardian && executableAt !== undefined && executableAt > now && (
            <ActionButton label="Veto as guardian" msg={{ guardian_veto: { proposal_id: p.id } }} success="Vetoed." hint="The guardian may veto a passed proposal during its timelock." />
          )}
          {(p.status === "rejected" || p.status === "vetoed" || p.status === "expired") && (
            <ActionButton label="Close" msg={{ close: { proposal_id: p.id } }} success="Closed." hint="Closing settles the proposal's deposit." />
          )}
          {p.deposit_undelivered && (
            <ActionButton
              label="Claim deposit"
              msg={{ claim_deposit: { proposal_id: p.id } }}
              success="Deposit delivered."
              hint={`Its settlement (${decimal(p.deposit_undelivered.amount, 0)}) could not be delivered when the proposal was settled: a refund is claimed by its proposer, a forfeit or a burn by anyone.`}
            />
          )}
          {!["open", "passed", "rejected", "vetoed", "expired"].includes(p.status) && !p.deposit_undelivered && <p className="muted">Nothing left to do on this proposal.</p>}
        </Section>
        <Section title={`Votes (${ballots.length})`} testId="votes">
          {ballots.length === 0 ? (
            <p className="muted">No vote yet.</p>
          ) : (
            <ul className="plain">
              {ballots.map((b) => (
                <li key={b.voter}>
                  <strong>{name(b.voter)}</strong> voted <span className={`vote-${b.vote}`}>{b.vote}</span> with {decimal(b.power, decimals)} {symbol}
                  {b.rationale && <q>{b.rationale}</q>}
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
    </div>
  );
}

/**
 * Voting rewards and vesting grants: what the member may claim, the claim, the grants on the
 * token (vested so far, claim vested), and participation per reward period. The reward rules
 * and messages come from lib/rewards.ts.
 */
import { useState } from "react";
import { claimRewardsMsg, claimTogether, claimVestedMsg, grants, pendingRewards, rewardSettings, rewardsPerPeriod } from "../lib/rewards";
import { date, decimal, relative } from "../lib/format";
import { BarChart } from "./charts";
import { ErrorNote, Loading, Section } from "./common";
import { loadBallots, loadProposals } from "./Proposals";
import { link } from "./router";
import { useApp, useData } from "./state";
import { TxStatus, useTx } from "./tx";

export function Rewards() {
  const { backend, suite, me, now } = useApp();
  const settings = rewardSettings(suite.governance.voter_rewards);
  const data = useData(async (s) => {
    const proposals = (await loadProposals(s, 1)).reverse();
    const ballots = new Map(await Promise.all(proposals.map(async (p) => [p.id, await loadBallots(s, p.id)] as const)));
    const voted = proposals.filter((p) => ballots.get(p.id)?.some((b) => b.voter === me)).map((p) => p.id);
    const pending = settings && me && voted.length ? await pendingRewards(backend, me, voted) : { rewards: [] };
    const vesting = me ? await grants(backend, me) : { grants: [], locked: 0n };
    const start = (await backend.suiteStart()) ?? (proposals[0] ? Number(BigInt(proposals[0].created_at) / 1_000_000_000n) : now);
    return { proposals, ballots, pending, vesting, start };
  });
  const claim = useTx();
  const claimVested = useTx();
  const [chosen, setChosen] = useState<Record<number, boolean>>({});
  if (!settings) return <p className="muted">This DAO pays no voter rewards.</p>;
  if (!data.data) return data.error ? <ErrorNote text={data.error} /> : <Loading />;
  const { proposals, ballots, pending, vesting, start } = data.data;
  const { symbol, decimals } = suite.token;
  const fmt = (v: bigint) => `${decimal(v, decimals)} ${symbol}`;
  const claimable = pending.rewards.filter((r) => r.amount > 0n);
  // one claim mints one grant: the chosen ids that vest like the first of them
  const selected = claimTogether(claimable.filter((r) => chosen[r.proposalId] !== false));
  const vestedSoFar = vesting.grants.reduce((s, g) => s + g.vested, 0n);
  const claimableVested = vesting.grants.reduce((s, g) => s + g.claimable, 0n);
  const periods = rewardsPerPeriod(settings, start, proposals, ballots, now).slice(-8);
  const scale = 10 ** decimals;
  return (
    <div className="page">
      <h1>Rewards and vesting</h1>
      <p className="lead">{settings.describe(symbol, decimals)}</p>
      <div className="grid2">
        <Section title="Voting rewards" testId="vote-rewards">
          {pending.rewards.length === 0 ? (
            <p className="muted">You have not voted on any proposal yet.</p>
          ) : (
            <form
              className="form"
              aria-label="Claim voting rewards"
              onSubmit={async (e) => {
                e.preventDefault();
                if (await claim.run({ contract: "governance", msg: claimRewardsMsg(selected) })) setChosen({});
              }}
            >
              <table>
                <thead>
                  <tr>
                    <th scope="col">Claim</th>
                    <th scope="col">Proposal</th>
                    <th scope="col">Reward</th>
                  </tr>
                </thead>
                <tbody>
                  {pending.rewards.map((r) => (
                    <tr key={r.proposalId} data-testid={`reward-${r.proposalId}`}>
                      <td>
                        {r.amount > 0n && (
                          <input
                            type="checkbox"
                            aria-label={`Claim the reward of proposal ${r.proposalId}`}
                            checked={chosen[r.proposalId] !== false}
                            onChange={(e) => setChosen({ ...chosen, [r.proposalId]: e.target.checked })}
                          />
                        )}
                      </td>
                      <td>
                        <a href={link(`proposals/${r.proposalId}`)}>#{r.proposalId}</a>
                      </td>
                      <td>{r.amount > 0n ? <strong>{fmt(r.amount)} pending</strong> : <span className="muted">{r.unavailable}</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button type="submit" disabled={claim.busy || selected.length === 0}>
                Claim {selected.length ? fmt(claimable.filter((r) => selected.includes(r.proposalId)).reduce((s, r) => s + r.amount, 0n)) : "rewards"}
              </button>
              <TxStatus tx={claim} success="Rewards claimed as a vesting grant." />
            </form>
          )}
        </Section>
        <Section title="Vesting grants" testId="grants">
          {vesting.grants.length === 0 ? (
            <p className="muted">No vesting grant yet.</p>
          ) : (
            <>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Grant</th>
                    <th scope="col">Total</th>
                    <th scope="col">Vested so far</th>
                    <th scope="col">Claimed</th>
                    <th scope="col">Schedule</th>
                  </tr>
                </thead>
                <tbody>
                  {vesting.grants.map((g) => (
                    <tr key={g.grantId} data-testid={`grant-${g.grantId}`}>
                      <td>#{g.grantId}</td>
                      <td>{fmt(g.total)}</td>
                      <td>{fmt(g.vested)}</td>
                      <td>{fmt(g.claimed)}</td>
                      <td className="small">
                        {g.cliffEnds > now ? `Cliff ends ${relative(g.cliffEnds, now)}` : g.fullyVestedAt > now ? `Fully vested ${relative(g.fullyVestedAt, now)}` : "Fully vested"}
                        <span className="muted"> ({date(g.fullyVestedAt).slice(0, 10)})</span>
                        {g.revoked && " · revoked"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p data-testid="vested-summary">
                Vested so far: <strong>{fmt(vestedSoFar)}</strong>; claimable now: <strong>{fmt(claimableVested)}</strong>; still locked: {fmt(vesting.locked)}.
              </p>
              <div className="form inline">
                <button type="button" disabled={claimVested.busy || claimableVested === 0n} onClick={() => claimVested.run({ contract: "token", msg: claimVestedMsg() })}>
                  Claim vested tokens
                </button>
                <TxStatus tx={claimVested} success="Vested tokens moved to your balance." />
              </div>
            </>
          )}
        </Section>
      </div>
      <div className="grid2">
        <BarChart
          testId="rewards-chart"
          title="Rewards per period"
          summary="What each reward period's proposals earned their voters (claimed and not yet claimed), against the period's pool."
          labels={periods.map((p) => date(p.start).slice(5, 10))}
          series={[
            { label: "Claimed", tone: "a", values: periods.map((p) => Number(p.claimed) / scale) },
            { label: "Not claimed yet", tone: "b", values: periods.map((p) => Number(p.unclaimed) / scale) },
          ]}
          marks={periods.map((p) => Number(p.pool) / scale)}
          markLabel="Pool"
          format={(v) => `${v.toLocaleString("en-US", { maximumFractionDigits: 2 })}`}
        />
        <BarChart
          testId="voters-chart"
          title="Voters per period"
          summary="How many different members voted on the proposals of each reward period."
          labels={periods.map((p) => date(p.start).slice(5, 10))}
          series={[{ label: "Voters", tone: "c", values: periods.map((p) => p.voters) }]}
          format={(v) => `${Math.round(v)}`}
        />
      </div>
    </div>
  );
}

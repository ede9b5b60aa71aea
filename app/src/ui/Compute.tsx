/**
 * Compute: a provider registers and stakes, accepts open jobs, reports usage, sees what is
 * payable and when, and claims; a client creates and funds a job, approves or disputes usage,
 * cancels or completes it. Charts show a provider's jobs, disputes and earnings over time.
 */
import { ComputeEscrowQueryClient, type ComputeEscrowTypes } from "commons-client";
import { useState } from "react";
import { DAY, date, decimal, duration, money, relative, seconds, timestampIn, toBaseUnits, unitOf } from "../lib/format";
import { BarChart } from "./charts";
import { ErrorNote, Field, Loading, Section, StatusBadge } from "./common";
import { useApp, useData, type AppState } from "./state";
import { TxStatus, useTx } from "./tx";

type Job = ComputeEscrowTypes.JobResponse;

function escrowClient({ backend }: AppState) {
  return new ComputeEscrowQueryClient(backend.querier, backend.contracts.escrow);
}

async function allJobs(load: (startAfter?: number) => Promise<{ jobs: Job[] }>): Promise<Job[]> {
  const jobs: Job[] = [];
  for (let page = 0; page < 20; page++) {
    const answer = await load(jobs.at(-1)?.job_id);
    jobs.push(...answer.jobs);
    if (answer.jobs.length < 30) break;
  }
  return jobs;
}

function JobTerms({ job, state }: { job: Job; state: AppState }) {
  const fmt = (v: string | bigint) => money(v, job.asset, state.suite.units);
  return (
    <p className="small">
      {job.max_units} units at {fmt(job.price_per_unit)}
      {job.status === "open" || job.status === "running" ? ` (${fmt(BigInt(job.price_per_unit) * BigInt(job.max_units))} escrowed)` : ""} for {state.name(job.client)}; spec{" "}
      <code>{job.spec.uri}</code>. Accept by {date(seconds(job.accept_by))}, deadline {date(seconds(job.deadline))} ({relative(seconds(job.deadline), state.now)}). Challenge period{" "}
      {duration(job.challenge_period_seconds)}, fee {job.fee_bps / 100}%.
    </p>
  );
}

function Usage({ job, state }: { job: Job; state: AppState }) {
  return (
    <div className="small" data-testid={`usage-${job.job_id}`}>
      <p>
        Reported {job.units_reported} of {job.max_units} units · payable {job.units_payable} · claimed {job.units_claimed}
        {BigInt(job.units_disputed) > 0n && ` · disputed ${job.units_disputed}`}
      </p>
      {job.pending.length > 0 && (
        <ul>
          {job.pending.map((p, i) => (
            <li key={i}>
              {p.units} units become payable {relative(seconds(p.payable_at), state.now)} ({date(seconds(p.payable_at))})
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

// ---------------- provider ----------------

function Register({ state, minStake }: { state: AppState; minStake: string }) {
  const tx = useTx();
  const stakeUnit = unitOf(state.suite.escrow.stake_asset, state.suite.units);
  const [form, setForm] = useState({ name: "", endpoint: "https://", hardware: "", region: "", stake: decimal(minStake, stakeUnit.decimals).replace(/,/g, "") });
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  return (
    <form
      className="form"
      aria-label="Register as a provider"
      onSubmit={async (e) => {
        e.preventDefault();
        let amount: string;
        try {
          amount = toBaseUnits(form.stake, stakeUnit.decimals);
        } catch (error) {
          tx.fail(error);
          return;
        }
        const asset = state.suite.escrow.stake_asset;
        if (!("native" in asset)) return tx.fail("This escrow takes a cw20 stake: send it with the token's send (not in this app yet)");
        await tx.run({ contract: "escrow", msg: { register_provider: { metadata: { name: form.name, endpoint: form.endpoint, hardware: form.hardware, region: form.region } } } }, [{ denom: asset.native, amount }]);
      }}
    >
      <Field label="Name" value={form.name} onChange={set("name")} required />
      <Field label="Endpoint" value={form.endpoint} onChange={set("endpoint")} />
      <Field label="Hardware" value={form.hardware} onChange={set("hardware")} />
      <Field label="Region" value={form.region} onChange={set("region")} />
      <Field label={`Stake (${stakeUnit.symbol})`} value={form.stake} onChange={set("stake")} hint={`At least ${decimal(minStake, stakeUnit.decimals)} ${stakeUnit.symbol}`} />
      <button type="submit" disabled={tx.busy}>
        Register and stake
      </button>
      <TxStatus tx={tx} success="Registered." />
    </form>
  );
}

function AddStake({ state }: { state: AppState }) {
  const tx = useTx();
  const unit = unitOf(state.suite.escrow.stake_asset, state.suite.units);
  const [amount, setAmount] = useState("");
  return (
    <form
      className="form inline"
      aria-label="Add stake"
      onSubmit={async (e) => {
        e.preventDefault();
        const asset = state.suite.escrow.stake_asset;
        try {
          if (!("native" in asset)) throw new Error("This escrow takes a cw20 stake");
          const base = toBaseUnits(amount, unit.decimals);
          if (await tx.run({ contract: "escrow", msg: { add_stake: {} } }, [{ denom: asset.native, amount: base }])) setAmount("");
        } catch (error) {
          tx.fail(error);
        }
      }}
    >
      <Field label={`Add stake (${unit.symbol})`} value={amount} onChange={setAmount} />
      <button type="submit" disabled={tx.busy}>
        Add stake
      </button>
      <TxStatus tx={tx} success="Stake added." />
    </form>
  );
}

function JobButton({ label, msg, success, disabled }: { label: string; msg: ComputeEscrowTypes.ExecuteMsg; success: string; disabled?: boolean }) {
  const tx = useTx();
  return (
    <div className="form inline">
      <button type="button" disabled={tx.busy || disabled} onClick={() => tx.run({ contract: "escrow", msg })}>
        {label}
      </button>
      <TxStatus tx={tx} success={success} />
    </div>
  );
}

function ReportUsage({ job }: { job: Job }) {
  const tx = useTx();
  const [units, setUnits] = useState("");
  const [proof, setProof] = useState("");
  return (
    <form
      className="form inline"
      aria-label={`Report usage of job ${job.job_id}`}
      onSubmit={async (e) => {
        e.preventDefault();
        if (await tx.run({ contract: "escrow", msg: { report_usage: { job_id: job.job_id, units: units.trim(), proof: proof.trim() || null } } })) {
          setUnits("");
          setProof("");
        }
      }}
    >
      <Field label="Units used so far (cumulative)" value={units} onChange={setUnits} hint={`At most ${job.max_units}; reported so far ${job.units_reported}`} />
      <Field label="Proof (optional)" value={proof} onChange={setProof} />
      <button type="submit" disabled={tx.busy}>
        Report usage
      </button>
      <TxStatus tx={tx} success="Usage reported." />
    </form>
  );
}

function ProviderCharts({ jobs, state }: { jobs: Job[]; state: AppState }) {
  if (jobs.length === 0) return null;
  const first = Math.min(...jobs.map((j) => seconds(j.created_at)));
  const week = 7 * DAY;
  const count = Math.max(1, Math.floor((state.now - first) / week) + 1);
  const buckets = Array.from({ length: Math.min(count, 12) }, (_, i) => ({ start: first + (count - Math.min(count, 12) + i) * week, jobs: 0, disputes: 0, earned: 0n }));
  const at = (t: number) => buckets.findIndex((b) => t >= b.start && t < b.start + week);
  for (const j of jobs) {
    const b = buckets[at(seconds(j.created_at))];
    if (!b) continue;
    b.jobs += 1;
    if (BigInt(j.units_disputed) > 0n || j.status === "disputed") b.disputes += 1;
    // what was paid out to the provider: claimed units less the job's fee (rounded up, as the escrow does)
    const gross = BigInt(j.units_claimed) * BigInt(j.price_per_unit);
    const fee = (gross * BigInt(j.fee_bps) + 9_999n) / 10_000n;
    b.earned += gross - fee;
  }
  const unit = unitOf(jobs[0]!.asset, state.suite.units);
  const labels = buckets.map((b) => date(b.start).slice(5, 10));
  return (
    <div className="grid2">
      <BarChart
        testId="provider-jobs-chart"
        title="Jobs and disputes per week"
        summary="Jobs taken each week (by the week they were created), and how many of them were disputed."
        labels={labels}
        series={[
          { label: "Jobs", tone: "a", values: buckets.map((b) => b.jobs - b.disputes) },
          { label: "Disputed", tone: "d", values: buckets.map((b) => b.disputes) },
        ]}
        format={(v) => `${Math.round(v)}`}
      />
      <BarChart
        testId="provider-earnings-chart"
        title={`Earnings per week (${unit.symbol})`}
        summary="What the provider has been paid, net of fees, for the jobs of each week."
        labels={labels}
        series={[{ label: "Paid (net)", tone: "c", values: buckets.map((b) => Number(b.earned) / 10 ** unit.decimals) }]}
        format={(v) => v.toLocaleString("en-US", { maximumFractionDigits: 2 })}
      />
    </div>
  );
}

export function Provider() {
  const state = useApp();
  const { me, suite, now } = state;
  const data = useData(async (s) => {
    const escrow = escrowClient(s);
    let provider: ComputeEscrowTypes.ProviderResponse | undefined;
    try {
      provider = await escrow.provider({ address: me });
    } catch {
      provider = undefined;
    }
    const open = await escrow.openJobs({ limit: 30 });
    const jobs = provider ? await allJobs((startAfter) => escrow.jobsByProvider({ provider: me, limit: 30, startAfter })) : [];
    const active = jobs.filter((j) => j.status !== "completed" || BigInt(j.units_payable) > 0n).map((j) => j.job_id);
    const claimable = provider && active.length ? await escrow.claimable({ provider: me, jobIds: active.slice(-30) }) : { jobs: [] };
    return { provider, open: open.jobs, jobs, claimable: claimable.jobs };
  });
  const claim = useTx();
  if (!me) return <p>Connect a wallet to act as a provider.</p>;
  if (!data.data) return data.error ? <ErrorNote text={data.error} /> : <Loading />;
  const { provider, open, jobs, claimable } = data.data;
  const fmtStake = (v: string) => money(v, suite.escrow.stake_asset, suite.units);
  const payable = claimable.filter((c) => BigInt(c.gross) > 0n);
  return (
    <div className="page">
      <h1>Provide compute</h1>
      <div className="grid2">
        <Section title="Your provider record" testId="provider-record">
          {provider ? (
            <>
              <p>
                <strong>{provider.metadata.name}</strong> ({provider.metadata.hardware}, {provider.metadata.region}) · <StatusBadge status={provider.status} />
              </p>
              <p>
                Stake: <strong>{fmtStake(provider.stake.amount)}</strong> · active jobs {provider.active_jobs} · completed {provider.jobs_completed} · disputes lost {provider.disputes_lost} · slashed{" "}
                {fmtStake(provider.slashed)}
              </p>
              <AddStake state={state} />
            </>
          ) : (
            <>
              <p className="muted">You are not registered. Providers stake to take jobs; a stake can be slashed when a dispute is lost.</p>
              <Register state={state} minStake={suite.escrow.min_provider_stake ?? "0"} />
            </>
          )}
        </Section>
        <Section title="Payable now" testId="claimable">
          {payable.length === 0 ? (
            <p className="muted">Nothing is payable yet. Reported usage becomes payable after the challenge period, or when the client approves it.</p>
          ) : (
            <>
              <ul className="plain">
                {payable.map((c) => (
                  <li key={c.job_id}>
                    Job #{c.job_id}: {money(c.net, c.asset, suite.units)} to you ({money(c.gross, c.asset, suite.units)} less a {money(c.fee, c.asset, suite.units)} fee)
                  </li>
                ))}
              </ul>
              <button type="button" disabled={claim.busy} onClick={() => claim.run({ contract: "escrow", msg: { claim_payments: { job_ids: payable.map((c) => c.job_id) } } })}>
                Claim payments
              </button>
            </>
          )}
          <TxStatus tx={claim} success="Payments claimed." />
        </Section>
      </div>
      <Section title={`Open jobs (${open.length})`} testId="open-jobs">
        {open.length === 0 ? (
          <p className="muted">No job is waiting for a provider.</p>
        ) : (
          <ul className="jobs">
            {open.map((j) => {
              const forOther = !!j.provider && j.provider !== me;
              return (
                <li key={j.job_id} data-testid={`open-job-${j.job_id}`}>
                  <h3>
                    Job #{j.job_id} {j.provider ? `reserved for ${state.name(j.provider)}` : "for any provider"}
                  </h3>
                  <JobTerms job={j} state={state} />
                  <JobButton label={`Accept job #${j.job_id}`} msg={{ accept_job: { job_id: j.job_id } }} success="Accepted." disabled={!provider || forOther || provider.status !== "bonded"} />
                </li>
              );
            })}
          </ul>
        )}
      </Section>
      <Section title={`Your jobs (${jobs.length})`} testId="provider-jobs">
        {jobs.length === 0 ? (
          <p className="muted">No job yet.</p>
        ) : (
          <ul className="jobs">
            {[...jobs].reverse().map((j) => (
              <li key={j.job_id} data-testid={`provider-job-${j.job_id}`}>
                <h3>
                  Job #{j.job_id} <StatusBadge status={j.status} />
                </h3>
                <JobTerms job={j} state={state} />
                <Usage job={j} state={state} />
                {(j.status === "running" || j.status === "disputed") && seconds(j.deadline) > now && <ReportUsage job={j} />}
                {j.status === "running" && BigInt(j.units_pending) === 0n && BigInt(j.units_disputed) === 0n && (
                  <JobButton label={`Complete job #${j.job_id}`} msg={{ complete_job: { job_id: j.job_id } }} success="Completed; the unused balance went back to the client." />
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <ProviderCharts jobs={jobs} state={state} />
    </div>
  );
}

// ---------------- client ----------------

function CreateJob({ state }: { state: AppState }) {
  const tx = useTx();
  const asset = state.suite.escrow.accepted_assets.find((a): a is { native: string } => "native" in a);
  const unit = asset ? unitOf(asset, state.suite.units) : undefined;
  const [form, setForm] = useState({ provider: "", uri: "ipfs://", hash: "sha256:", price: "", units: "", acceptDays: "2", deadlineDays: "30" });
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  if (!asset || !unit) return <p className="muted">The escrow accepts no native asset; fund jobs with a cw20 send.</p>;
  let total = "";
  try {
    total = `${decimal(BigInt(toBaseUnits(form.price, unit.decimals)) * BigInt(form.units || "0"), unit.decimals)} ${unit.symbol}`;
  } catch {
    total = "";
  }
  return (
    <form
      className="form"
      aria-label="Create and fund a job"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          const price = toBaseUnits(form.price, unit.decimals);
          if (!/^\d+$/.test(form.units.trim()) || form.units.trim() === "0") throw new Error("Units: a whole number above 0");
          const provider = form.provider.trim() ? (Object.entries(state.suite.names).find(([, n]) => n === form.provider.trim())?.[0] ?? form.provider.trim()) : null;
          const msg: ComputeEscrowTypes.ExecuteMsg = {
            create_job: {
              provider,
              client: null,
              refund_to: null,
              spec: { uri: form.uri.trim(), hash: form.hash.trim() },
              price_per_unit: price,
              max_units: form.units.trim(),
              accept_by: timestampIn(state.now, Number(form.acceptDays) * DAY),
              deadline: timestampIn(state.now, Number(form.deadlineDays) * DAY),
            },
          };
          await tx.run({ contract: "escrow", msg }, [{ denom: asset.native, amount: (BigInt(price) * BigInt(form.units.trim())).toString() }]);
        } catch (error) {
          tx.fail(error);
        }
      }}
    >
      <Field label="Provider (empty: any provider)" value={form.provider} onChange={set("provider")} hint="An address, or a known account's name" />
      <Field label="Spec URI" value={form.uri} onChange={set("uri")} />
      <Field label="Spec hash" value={form.hash} onChange={set("hash")} />
      <Field label={`Price per unit (${unit.symbol})`} value={form.price} onChange={set("price")} />
      <Field label="Units" value={form.units} onChange={set("units")} />
      <Field label="Accept by (days from now)" value={form.acceptDays} onChange={set("acceptDays")} />
      <Field label="Deadline (days from now)" value={form.deadlineDays} onChange={set("deadlineDays")} />
      <p className="small">{total ? `You escrow ${total} now; what is never used comes back.` : "Price × units is escrowed when the job is created."}</p>
      <button type="submit" disabled={tx.busy}>
        Create and fund job
      </button>
      <TxStatus tx={tx} success="Job created." />
    </form>
  );
}

function Dispute({ job }: { job: Job }) {
  const tx = useTx();
  const [reason, setReason] = useState("");
  return (
    <form
      className="form inline"
      aria-label={`Dispute job ${job.job_id}`}
      onSubmit={async (e) => {
        e.preventDefault();
        if (await tx.run({ contract: "escrow", msg: { dispute: { job_id: job.job_id, reason: reason.trim() } } })) setReason("");
      }}
    >
      <Field label="Reason for the dispute" value={reason} onChange={setReason} />
      <button type="submit" disabled={tx.busy}>
        Dispute usage
      </button>
      <TxStatus tx={tx} success="Disputed: the unmatured usage waits for governance's ruling." />
    </form>
  );
}

export function Client() {
  const state = useApp();
  const { me, now } = state;
  const data = useData(async (s) => allJobs((startAfter) => escrowClient(s).jobsByClient({ client: me, limit: 30, startAfter })));
  if (!me) return <p>Connect a wallet to buy compute.</p>;
  return (
    <div className="page">
      <h1>Buy compute</h1>
      <div className="grid2">
        <Section title="Create and fund a job">
          <CreateJob state={state} />
        </Section>
        <Section title="Your jobs" testId="client-jobs">
          {!data.data ? (
            data.error ? <ErrorNote text={data.error} /> : <Loading />
          ) : data.data.length === 0 ? (
            <p className="muted">You have not funded a job yet.</p>
          ) : (
            <ul className="jobs">
              {[...data.data].reverse().map((j) => (
                <li key={j.job_id} data-testid={`client-job-${j.job_id}`}>
                  <h3>
                    Job #{j.job_id} <StatusBadge status={j.status} /> {j.provider && <span className="muted">with {state.name(j.provider)}</span>}
                  </h3>
                  <JobTerms job={j} state={state} />
                  <Usage job={j} state={state} />
                  <p className="small">Balance held: {money(j.balance, j.asset, state.suite.units)}</p>
                  {BigInt(j.units_pending) > 0n && (
                    <>
                      <JobButton label={`Approve usage of job #${j.job_id}`} msg={{ approve_usage: { job_id: j.job_id } }} success="Approved: the reported usage is payable now." />
                      <Dispute job={j} />
                    </>
                  )}
                  {(j.status === "open" || (j.status !== "completed" && j.status !== "cancelled" && seconds(j.deadline) <= now)) && (
                    <JobButton label={`Cancel job #${j.job_id}`} msg={{ cancel_job: { job_id: j.job_id } }} success="Cancelled; the unused balance was refunded." />
                  )}
                  {j.status === "running" && BigInt(j.units_pending) === 0n && BigInt(j.units_disputed) === 0n && (
                    <JobButton label={`Complete job #${j.job_id}`} msg={{ complete_job: { job_id: j.job_id } }} success="Completed; the unused balance was refunded." />
                  )}
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
    </div>
  );
}

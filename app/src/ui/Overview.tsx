/** The DAO at a glance: treasury balances, spend limits and what is left, pending changes, budgets, the ledger. */
import { RewardTokenQueryClient, TreasuryQueryClient, type TreasuryTypes } from "commons-client";
import { useState } from "react";
import { date, duration, money, relative, seconds, unitOf, type AssetInfo } from "../lib/format";
import { BarChart } from "./charts";
import { useApp, useData, type AppState } from "./state";
import { Section, Loading, ErrorNote } from "./common";

type Limit = TreasuryTypes.SpendLimitResponse;
type Entry = TreasuryTypes.LedgerEntry;

const sameAsset = (a: AssetInfo, b: AssetInfo) => JSON.stringify(a) === JSON.stringify(b);

async function loadOverview({ backend }: AppState) {
  const treasury = new TreasuryQueryClient(backend.querier, backend.contracts.treasury);
  const token = new RewardTokenQueryClient(backend.querier, backend.contracts.token);
  const [balances, pending, budgets, mintLimit] = await Promise.all([
    treasury.balances({ limit: 30 }),
    treasury.pendingChanges(),
    treasury.budgets({ limit: 30 }),
    token.mintLimit(),
  ]);
  const assets: AssetInfo[] = [{ native: backend.denom }, { cw20: backend.contracts.token }];
  for (const c of balances.native) if (!assets.some((a) => sameAsset(a, { native: c.denom }))) assets.push({ native: c.denom });
  for (const c of balances.cw20) if (!assets.some((a) => sameAsset(a, { cw20: c.token }))) assets.push({ cw20: c.token });
  const limits = await Promise.all(
    assets.map(async (asset) => {
      try {
        return { asset, limit: (await treasury.spendLimit({ assetInfo: asset })) as Limit };
      } catch {
        return { asset, limit: undefined };
      }
    }),
  );
  // the whole ledger for the outflow chart, 30 entries a page, at most 20 pages
  const ledger: Entry[] = [];
  for (let page = 0; page < 20; page++) {
    const answer = await treasury.ledger({ limit: 30, startAfter: ledger.at(-1)?.id });
    ledger.push(...answer.entries);
    if (answer.entries.length < 30) break;
  }
  return { balances, pending, budgets: budgets.budgets, mintLimit, limits, ledger };
}

/**
 * Outflow (spends, budget spends) per limit window of one asset: the last `most` windows, none
 * before the ledger's first entry (the treasury did not exist then).
 */
function outflowPerWindow(limit: Limit, ledger: Entry[], most: number) {
  const start = seconds(limit.window_start);
  const period = limit.period_seconds;
  const first = ledger.length ? seconds(ledger[0]!.time) : start;
  // the window holding the first entry is `-back` windows before the current one
  const back = Math.max(0, -Math.floor((first - start) / period));
  const count = Math.min(most, back + 1);
  const windows = Array.from({ length: count }, (_, i) => ({ start: start - (count - 1 - i) * period, out: 0n }));
  for (const e of ledger) {
    if (e.kind === "deposit" || !sameAsset(e.asset.info, limit.asset_info)) continue;
    const k = Math.floor((seconds(e.time) - windows[0]!.start) / period);
    if (k >= 0 && k < count) windows[k]!.out += BigInt(e.asset.amount);
  }
  return windows;
}

export function Overview() {
  const { suite, name, now } = useApp();
  const data = useData(loadOverview);
  const [shown, setShown] = useState(15);
  if (!data.data) return data.error ? <ErrorNote text={data.error} /> : <Loading />;
  const { balances, pending, budgets, mintLimit, limits, ledger } = data.data;
  const units = suite.units;
  const fmt = (amount: string | bigint, info: AssetInfo) => money(amount, info, units);
  const withLimit = limits.filter((l) => l.limit) as { asset: AssetInfo; limit: Limit }[];
  return (
    <div className="page">
      <h1>DAO overview</h1>
      <div className="grid2">
        <Section title="Treasury balances" testId="balances">
          {balances.native.length + balances.cw20.length === 0 ? (
            <p className="muted">The treasury holds nothing yet.</p>
          ) : (
            <ul className="plain big">
              {balances.native.map((c) => (
                <li key={c.denom}>{fmt(c.amount, { native: c.denom })}</li>
              ))}
              {balances.cw20.map((c) => (
                <li key={c.token}>{fmt(c.amount, { cw20: c.token })}</li>
              ))}
            </ul>
          )}
        </Section>
        <Section title="Spend limits" testId="limits">
          <table>
            <thead>
              <tr>
                <th scope="col">Asset</th>
                <th scope="col">Limit</th>
                <th scope="col">Spent this window</th>
                <th scope="col">Left</th>
                <th scope="col">Window ends</th>
              </tr>
            </thead>
            <tbody>
              {limits.map(({ asset, limit }) => (
                <tr key={JSON.stringify(asset)}>
                  <th scope="row">{unitOf(asset, units).symbol}</th>
                  {limit ? (
                    <>
                      <td>
                        {fmt(limit.amount, asset)} per {duration(limit.period_seconds)}
                      </td>
                      <td>{fmt(limit.spent, asset)}</td>
                      <td>
                        <strong>{fmt(limit.remaining, asset)}</strong>
                      </td>
                      <td title={date(seconds(limit.window_end))}>{relative(seconds(limit.window_end), now)}</td>
                    </>
                  ) : (
                    <td colSpan={4} className="muted">
                      No limit: the treasury cannot spend it.
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">
            Token mint limit:{" "}
            {mintLimit.mint_limit
              ? `${fmt(mintLimit.mint_limit.amount, { cw20: suite.governance.token })} per ${duration(mintLimit.mint_limit.period_seconds)}, ${fmt(mintLimit.remaining ?? "0", { cw20: suite.governance.token })} left this window.`
              : "none."}
          </p>
        </Section>
      </div>
      <Section title="Pending changes" testId="pending">
        {pending.limits.length === 0 && !pending.owner && !pending.migration && !mintLimit.pending ? (
          <p className="muted">No change is waiting. Loosened limits, a new owner or new treasury code would be listed here a whole window before they apply.</p>
        ) : (
          <ul>
            {pending.limits.map((c) => (
              <li key={JSON.stringify(c.asset_info)}>
                {unitOf(c.asset_info, units).symbol} limit becomes {fmt(c.limit.amount, c.asset_info)} per {duration(c.limit.period_seconds)}, applies {relative(seconds(c.effective_at), now)} ({date(seconds(c.effective_at))}).
              </li>
            ))}
            {pending.owner && (
              <li>
                The treasury's owner becomes {name(pending.owner.new_owner)}, possible {relative(seconds(pending.owner.effective_at), now)}.
              </li>
            )}
            {pending.migration && (
              <li>
                The treasury migrates to code {pending.migration.code_id}, possible {relative(seconds(pending.migration.effective_at), now)}.
              </li>
            )}
            {mintLimit.pending && (
              <li>
                The mint limit becomes{" "}
                {mintLimit.pending.mint_limit ? `${fmt(mintLimit.pending.mint_limit.amount, { cw20: suite.governance.token })} per ${duration(mintLimit.pending.mint_limit.period_seconds)}` : "unlimited"}, applies{" "}
                {relative(seconds(mintLimit.pending.applies_at), now)}.
              </li>
            )}
          </ul>
        )}
      </Section>
      <div className="grid2">
      {withLimit.map(({ asset, limit }) => {
        const windows = outflowPerWindow(limit, ledger, 6);
        const unit = unitOf(asset, units);
        const scale = 10 ** unit.decimals;
        return (
          <BarChart
            key={JSON.stringify(asset)}
            testId={`outflow-${unit.symbol}`}
            title={`Treasury outflow per window (${unit.symbol})`}
            summary={`What left the treasury in each window of ${duration(limit.period_seconds)}, against the limit of ${fmt(limit.amount, asset)}.`}
            labels={windows.map((w) => date(w.start).slice(0, 10))}
            series={[{ label: "Spent", tone: "a", values: windows.map((w) => Number(w.out) / scale) }]}
            marks={windows.map(() => Number(BigInt(limit.amount)) / scale)}
            markLabel="Limit (today's)"
            format={(v) => `${v.toLocaleString("en-US", { maximumFractionDigits: 2 })}`}
          />
        );
      })}
      </div>
      <Section title="Budgets" testId="budgets">
        {budgets.length === 0 ? (
          <p className="muted">No working group holds a budget.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Spender</th>
                <th scope="col">Per period</th>
                <th scope="col">Left this window</th>
                <th scope="col">Expires</th>
              </tr>
            </thead>
            <tbody>
              {budgets.map((b) => (
                <tr key={b.spender}>
                  <th scope="row">{name(b.spender)}</th>
                  <td>
                    {fmt(b.amount_per_period, b.asset_info)} per {duration(b.period_seconds)}
                  </td>
                  <td>{fmt(b.remaining, b.asset_info)}</td>
                  <td>{b.expires ? date(seconds(b.expires)) : "when revoked"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section title="Ledger" testId="ledger">
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">Movement</th>
              <th scope="col">Amount</th>
              <th scope="col">Counterparty</th>
              <th scope="col">Memo</th>
            </tr>
          </thead>
          <tbody>
            {[...ledger]
              .reverse()
              .slice(0, shown)
              .map((e) => (
                <tr key={e.id} data-testid={`ledger-${e.id}`}>
                  <td>{e.id}</td>
                  <td title={`block ${e.height}`}>{date(seconds(e.time))}</td>
                  <td>{e.kind === "deposit" ? "in" : e.kind === "spend" ? "out (vote)" : "out (budget)"}</td>
                  <td className={e.kind === "deposit" ? "in" : "out"}>
                    {e.kind === "deposit" ? "+" : "−"}
                    {fmt(e.asset.amount, e.asset.info)}
                  </td>
                  <td>{name(e.counterparty)}</td>
                  <td>{e.memo ?? ""}</td>
                </tr>
              ))}
          </tbody>
        </table>
        {ledger.length > shown && (
          <button type="button" onClick={() => setShown(shown + 30)}>
            Show older entries
          </button>
        )}
      </Section>
    </div>
  );
}


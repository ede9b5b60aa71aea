/** The app: mode selection, then the screens behind a navigation bar. */
import { RewardTokenQueryClient, GovernanceQueryClient } from "commons-client";
import { useCallback, useEffect, useState } from "react";
import type { Playground } from "../backend/playground";
import type { Backend } from "../backend/types";
import { plainError } from "../lib/errors";
import { date, decimal, duration, money } from "../lib/format";
import { Client, Provider } from "./Compute";
import { ErrorNote, Loading, Section } from "./common";
import { NewProposal } from "./NewProposal";
import { Overview } from "./Overview";
import { ProposalDetail, ProposalList } from "./Proposals";
import { Rewards } from "./Rewards";
import { link, useRoute } from "./router";
import { ChainConnect, ChooseMode, PlaygroundBoot } from "./Start";
import { AppProvider, loadSuite, useApp, useData, type SuiteInfo } from "./state";

const NAV = [
  { path: "overview", label: "Overview" },
  { path: "proposals", label: "Proposals" },
  { path: "new", label: "New proposal" },
  { path: "rewards", label: "Rewards" },
  { path: "provider", label: "Provide compute" },
  { path: "client", label: "Buy compute" },
];

function AccountSummary() {
  const { backend, suite, me } = useApp();
  const data = useData(async () => {
    if (!me) return undefined;
    const [native, cmn, power] = await Promise.all([
      backend.nativeBalance(me, backend.denom),
      new RewardTokenQueryClient(backend.querier, backend.contracts.token).balance({ address: me }),
      new GovernanceQueryClient(backend.querier, backend.contracts.governance).votingPower({ address: me }),
    ]);
    return { native, cmn: cmn.balance, power: power.power };
  });
  if (!data.data) return null;
  const { symbol, decimals } = suite.token;
  return (
    <span className="account-summary" data-testid="account-summary">
      {money(data.data.native, { native: backend.denom }, suite.units)} · {decimal(data.data.cmn, decimals)} {symbol} · voting power {decimal(data.data.power, decimals)}
    </span>
  );
}

function PlaygroundBar({ playground }: { playground: Playground }) {
  const { refresh, now, me } = useApp();
  const [days, setDays] = useState("1");
  const [error, setError] = useState<string>();
  const move = (seconds: number) => {
    playground.advance(seconds);
    refresh();
  };
  return (
    <div className="playground-bar" role="region" aria-label="Playground controls">
      <label>
        Acting as{" "}
        <select
          value={me}
          onChange={(e) => {
            playground.switchTo(e.target.value);
            refresh();
          }}
        >
          {playground.accounts.map((a) => (
            <option key={a.address} value={a.address}>
              {a.name} ({a.role})
            </option>
          ))}
        </select>
      </label>
      <AccountSummary />
      <span className="clock" data-testid="clock">
        Block time: {now ? date(now) : "…"}
      </span>
      <span className="clock-buttons" role="group" aria-label="Move the clock forward">
        <button type="button" onClick={() => move(3_600)}>
          +1 hour
        </button>
        <button type="button" onClick={() => move(86_400)}>
          +1 day
        </button>
        <button type="button" onClick={() => move(7 * 86_400)}>
          +1 week
        </button>
      </span>
      <form
        className="inline"
        aria-label="Move the clock forward by days"
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(days);
          if (!Number.isFinite(n) || n <= 0) return setError("Write a number of days above 0.");
          setError(undefined);
          move(Math.round(n * 86_400));
        }}
      >
        <label>
          Days <input type="number" min="0" step="any" value={days} onChange={(e) => setDays(e.target.value)} size={4} />
        </label>
        <button type="submit">Move clock</button>
        {error && (
          <span role="alert" className="error">
            {error}
          </span>
        )}
      </form>
    </div>
  );
}

function PlaygroundPage({ playground }: { playground: Playground }) {
  const { suite, name } = useApp();
  const g = suite.governance;
  return (
    <div className="page">
      <h1>About this playground</h1>
      <p className="lead">
        The four contracts below are the repository's built artifacts running in your browser in the CosmWasm simulator. The demo DAO was deployed by the deploy library, with the messages listed at the
        bottom: the same ones the deploy command sends to a chain.
      </p>
      <div className="grid2">
        <Section title="Test accounts">
          <ul className="plain">
            {playground.accounts.map((a) => (
              <li key={a.address}>
                <strong>{a.name}</strong> ({a.role}) <code className="small">{a.address}</code>
              </li>
            ))}
          </ul>
        </Section>
        <Section title="Rules of the demo DAO">
          <ul>
            <li>
              Voting lasts {duration(g.voting_period_seconds)} (the outcome can be final after {duration(g.min_voting_period_seconds)}), then a timelock of {duration(g.execution_delay_seconds)}, then{" "}
              {duration(g.execution_window_seconds)} to execute.
            </li>
            <li>Guardian: {g.guardian ? name(g.guardian) : "none"}.</li>
            <li>
              The escrow's challenge period is {duration(suite.escrow.challenge_period_seconds)} and its fee {suite.escrow.fee_bps / 100}%, paid to {name(suite.escrow.fee_recipient)}.
            </li>
            {playground.warnings.map((w) => (
              <li key={w}>Warning from the bootstrap: {w}</li>
            ))}
          </ul>
        </Section>
      </div>
      <Section title="Contracts">
        <ul className="plain">
          {Object.entries(playground.contracts).map(([k, v]) => (
            <li key={k}>
              {k}: <code>{v}</code>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="The deploy's messages">
        <details>
          <summary>{playground.bootstrap.length} messages</summary>
          <pre className="code">{JSON.stringify(playground.bootstrap, null, 2)}</pre>
        </details>
      </Section>
    </div>
  );
}

function Screens({ backend }: { backend: Backend }) {
  const route = useRoute();
  const [head, second] = route;
  const playground = backend.mode === "playground" ? (backend as Playground) : undefined;
  const page = (() => {
    switch (head ?? "overview") {
      case "overview":
        return <Overview />;
      case "proposals":
        return second ? <ProposalDetail id={Number(second)} /> : <ProposalList />;
      case "new":
        return <NewProposal />;
      case "rewards":
        return <Rewards />;
      case "provider":
        return <Provider />;
      case "client":
        return <Client />;
      case "playground":
        return playground ? <PlaygroundPage playground={playground} /> : <ErrorNote text="The playground page exists in playground mode only." />;
      default:
        return <ErrorNote text={`There is no page "${route.join("/")}".`} />;
    }
  })();
  const current = head ?? "overview";
  return (
    <>
      <a
        className="skip"
        href="#main"
        onClick={(e) => {
          // the hash holds the route, so the skip link moves focus instead of the hash
          e.preventDefault();
          document.getElementById("main")?.focus();
        }}
      >
        Skip to the content
      </a>
      <header className="top">
        <a className="brand" href={link("overview")}>
          Commons
        </a>
        <span className="mode">{backend.mode === "playground" ? "Playground" : `Chain ${backend.chainId}`}</span>
        <nav aria-label="Main">
          <ul>
            {[...NAV, ...(playground ? [{ path: "playground", label: "About the playground" }] : [])].map((n) => (
              <li key={n.path}>
                <a href={link(n.path)} aria-current={current === n.path ? "page" : undefined}>
                  {n.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {!playground && <ChainAccount />}
      </header>
      {playground && <PlaygroundBar playground={playground} />}
      <main id="main" tabIndex={-1}>
        {page}
      </main>
    </>
  );
}

function ChainAccount() {
  const { name, me, now } = useApp();
  return (
    <span className="account-summary">
      {name(me)} <code className="small">{me}</code> · block time {now ? date(now) : "…"} · <AccountSummary />
    </span>
  );
}

export function App() {
  const mode = new URLSearchParams(window.location.search).get("mode");
  const [backend, setBackend] = useState<Backend>();
  const [suite, setSuite] = useState<SuiteInfo>();
  const [error, setError] = useState<string>();
  const ready = useCallback((b: Backend) => setBackend(b), []);
  useEffect(() => {
    if (!backend) return;
    const names = backend.mode === "playground" ? Object.fromEntries((backend as Playground).accounts.map((a) => [a.address, a.name])) : {};
    loadSuite(backend, names).then(setSuite, (e: unknown) => setError(plainError(e)));
    // a wallet's account switch: the page reconnects with the new account
    const reconnect = () => window.location.reload();
    window.addEventListener("keplr_keystorechange", reconnect);
    return () => window.removeEventListener("keplr_keystorechange", reconnect);
  }, [backend]);
  if (!backend) {
    if (mode === "playground") return <PlaygroundBoot onReady={ready} />;
    if (mode === "chain") return <ChainConnect onReady={ready} />;
    return <ChooseMode />;
  }
  if (!suite) return <main className="start">{error ? <ErrorNote text={`The suite could not be read: ${error}`} /> : <Loading what="Reading the suite's configuration" />}</main>;
  return (
    <AppProvider backend={backend} suite={suite}>
      <Screens backend={backend} />
    </AppProvider>
  );
}

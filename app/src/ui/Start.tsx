/** The first screen: choose a mode; chain mode's connection form; the playground's boot. */
import { useEffect, useState } from "react";
import { checkDeployment, Chain } from "../backend/chain";
import type { Backend } from "../backend/types";
import { plainError } from "../lib/errors";
import { Field } from "./common";

declare const __COMMONS_DEFAULTS__: { rpc: string; chainId: string; gasPrice: string };

function params(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}

function setMode(mode: string) {
  const search = params();
  search.set("mode", mode);
  window.location.search = search.toString();
}

/** One playground per page: React's development mode mounts twice, and both must get the same one. */
let booting: { promise: Promise<Backend>; listeners: Set<(line: string) => void> } | undefined;

function bootPlayground(onLine: (line: string) => void): Promise<Backend> {
  if (!booting) {
    const listeners = new Set<(line: string) => void>();
    // loaded on demand: chain mode never downloads the simulator and the artifacts
    const promise = import("../backend/playground").then(({ Playground }) => Playground.start((line) => listeners.forEach((l) => l(line))));
    booting = { promise, listeners };
  }
  booting.listeners.add(onLine);
  return booting.promise;
}

export function PlaygroundBoot({ onReady }: { onReady: (backend: Backend) => void }) {
  const [lines, setLines] = useState<string[]>(["starting the simulator"]);
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    bootPlayground((line) => live && setLines((l) => [...l, line])).then(
      (playground) => live && onReady(playground),
      (e: unknown) => live && setError(plainError(e)),
    );
    return () => {
      live = false;
    };
  }, [onReady]);
  return (
    <main className="start">
      <h1>Commons playground</h1>
      <p>The suite's real contracts are starting in your browser, and a demo DAO is being deployed…</p>
      <ul className="log" aria-live="polite">
        {lines.map((l, i) => (
          <li key={i}>{l}</li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </main>
  );
}

export function ChainConnect({ onReady }: { onReady: (backend: Backend) => void }) {
  const search = params();
  const saved = JSON.parse(sessionStorage.getItem("commons-chain") ?? "{}") as Partial<Record<"rpc" | "chainId" | "gasPrice", string>>;
  const [rpc, setRpc] = useState(search.get("rpc") ?? saved.rpc ?? __COMMONS_DEFAULTS__.rpc);
  const [chainId, setChainId] = useState(search.get("chain") ?? saved.chainId ?? __COMMONS_DEFAULTS__.chainId);
  const [gasPrice, setGasPrice] = useState(search.get("gas") ?? saved.gasPrice ?? (__COMMONS_DEFAULTS__.gasPrice || "0.025untrn"));
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <main className="start">
      <h1>Connect to a chain</h1>
      <form
        className="form card"
        aria-label="Connect to a chain"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(undefined);
          try {
            let raw: unknown;
            if (file) raw = JSON.parse(await file.text());
            else {
              const response = await fetch(`deployments/${encodeURIComponent(chainId.trim())}.json`);
              if (!response.ok) throw new Error(`no deployments/${chainId.trim()}.json is served here: choose the file the deploy command wrote`);
              raw = await response.json();
            }
            const deployment = checkDeployment(raw, chainId.trim());
            sessionStorage.setItem("commons-chain", JSON.stringify({ rpc, chainId, gasPrice }));
            onReady(await Chain.connect({ rpc: rpc.trim(), chainId: chainId.trim(), gasPrice: gasPrice.trim(), deployment }));
          } catch (err) {
            setError(plainError(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Field label="RPC endpoint" value={rpc} onChange={setRpc} required placeholder="https://rpc.example:443" />
        <Field label="Chain id" value={chainId} onChange={setChainId} required placeholder="pion-1" />
        <Field label="Gas price" value={gasPrice} onChange={setGasPrice} required hint="Amount and denom, e.g. 0.025untrn" />
        <div className="field">
          <label htmlFor="deployment-file">Deployment file (deployments/&lt;chain-id&gt;.json)</label>
          <input id="deployment-file" type="file" accept="application/json,.json" onChange={(e) => setFile(e.target.files?.[0])} aria-describedby="deployment-hint" />
          <small id="deployment-hint" className="muted">
            Leave empty to load deployments/{chainId || "<chain-id>"}.json from this server (the development server serves the repository's deployments/).
          </small>
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Connecting…" : "Connect wallet"}
        </button>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </form>
      <p>
        <button type="button" className="link" onClick={() => setMode("playground")}>
          Or try the playground instead
        </button>
      </p>
    </main>
  );
}

export function ChooseMode() {
  return (
    <main className="start">
      <h1>Commons</h1>
      <p className="lead">Run a DAO's treasury, reward its voters with vested tokens and pay compute providers through escrow.</p>
      <div className="grid2">
        <section className="card">
          <h2>Playground</h2>
          <p>The real contracts run in your browser with a demo DAO, test accounts to switch between and a clock you move forward. Nothing leaves this tab.</p>
          <button type="button" className="primary" onClick={() => setMode("playground")}>
            Open the playground
          </button>
        </section>
        <section className="card">
          <h2>Chain</h2>
          <p>A deployed suite on a chain, through its RPC endpoint and the deploy command's deployment file; your Keplr-compatible wallet signs.</p>
          <button type="button" className="primary" onClick={() => setMode("chain")}>
            Connect to a chain
          </button>
        </section>
      </div>
    </main>
  );
}

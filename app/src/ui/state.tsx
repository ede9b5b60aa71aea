/**
 * The app's shared state: the backend (chain or playground), what the suite is (its contracts'
 * configurations, token units, names for known addresses), block time, and a version that every
 * view reloads on: it moves after each included transaction and each move of the clock, so no
 * screen shows stale numbers after an action.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import {
  ComputeEscrowQueryClient,
  GovernanceQueryClient,
  RewardTokenQueryClient,
  TreasuryQueryClient,
  type ComputeEscrowTypes,
  type GovernanceTypes,
  type RewardTokenTypes,
  type TreasuryTypes,
} from "commons-client";
import type { Backend } from "../backend/types";
import { plainNamer, type Namer } from "../lib/actions";
import { plainError } from "../lib/errors";
import type { Units } from "../lib/format";

export interface SuiteInfo {
  governance: GovernanceTypes.ConfigResponse;
  escrow: ComputeEscrowTypes.ConfigResponse;
  treasury: TreasuryTypes.ConfigResponse;
  token: RewardTokenTypes.TokenInfoResponse;
  units: Units;
  names: Record<string, string>;
}

export async function loadSuite(backend: Backend, accountNames: Record<string, string>): Promise<SuiteInfo> {
  const { contracts, querier } = backend;
  const [governance, escrow, treasury, token] = await Promise.all([
    new GovernanceQueryClient(querier, contracts.governance).config(),
    new ComputeEscrowQueryClient(querier, contracts.escrow).config(),
    new TreasuryQueryClient(querier, contracts.treasury).config(),
    new RewardTokenQueryClient(querier, contracts.token).tokenInfo(),
  ]);
  return {
    governance,
    escrow,
    treasury,
    token,
    units: { [contracts.token]: { symbol: token.symbol, decimals: token.decimals } },
    names: {
      ...accountNames,
      [contracts.governance]: "governance",
      [contracts.treasury]: "the treasury",
      [contracts.escrow]: "the escrow",
      [contracts.token]: `the ${token.symbol} token`,
    },
  };
}

export interface AppState {
  backend: Backend;
  suite: SuiteInfo;
  /** Block time, seconds. */
  now: number;
  version: number;
  /** Reload every view (after a transaction or a move of the clock). */
  refresh(): void;
  name: Namer;
  /** The signing account's address, or "" when none. */
  me: string;
}

const Context = createContext<AppState | null>(null);

export function AppProvider({ backend, suite, children }: { backend: Backend; suite: SuiteInfo; children: ReactNode }) {
  const [version, setVersion] = useState(0);
  const [now, setNow] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let live = true;
    const tick = () => backend.now().then((t) => live && setNow(t), () => {});
    tick();
    // a chain moves on its own; the playground's clock only when told (then `version` moves)
    const timer = backend.mode === "chain" ? setInterval(tick, 6_000) : undefined;
    return () => {
      live = false;
      if (timer) clearInterval(timer);
    };
  }, [backend, version]);
  useEffect(() => {
    // on a chain, others act too: every view reloads now and then (forms keep their input)
    if (backend.mode !== "chain") return;
    const timer = setInterval(refresh, 30_000);
    return () => clearInterval(timer);
  }, [backend, refresh]);
  const me = backend.sender()?.address ?? "";
  const names = { ...suite.names, ...(me ? { [me]: suite.names[me] ? `${suite.names[me]} (you)` : "you" } : {}) };
  const state: AppState = { backend, suite, now, version, refresh, name: plainNamer(names), me };
  return <Context.Provider value={state}>{children}</Context.Provider>;
}

export function useApp(): AppState {
  const state = useContext(Context);
  if (!state) throw new Error("useApp outside AppProvider");
  return state;
}

export interface Loaded<T> {
  data?: T;
  error?: string;
  loading: boolean;
}

/**
 * Runs `load` on mount and whenever the app's version or `deps` change; keeps the previous data
 * while reloading, so the page does not flicker after each transaction.
 */
export function useData<T>(load: (state: AppState) => Promise<T>, deps: unknown[] = []): Loaded<T> {
  const state = useApp();
  const [result, setResult] = useState<Loaded<T>>({ loading: true });
  const loader = useRef(load);
  loader.current = load;
  useEffect(() => {
    let live = true;
    setResult((r) => ({ ...r, loading: true }));
    loader.current(state).then(
      (data) => live && setResult({ data, loading: false }),
      (error: unknown) => live && setResult({ error: plainError(error), loading: false }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.version, state.me, ...deps]);
  return result;
}

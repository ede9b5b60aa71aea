/**
 * Transactions as a form sees them: progress through signing, broadcasting and inclusion, the
 * contract's error in plain words beside the form that sent it, and nothing reset on failure
 * (forms keep their own state and clear it only when told the transaction was included).
 */
import { useCallback, useRef, useState } from "react";
import type { Coin, Stage, SuiteMsg, TxOutcome } from "../backend/types";
import { plainError } from "../lib/errors";
import { useApp } from "./state";

export type TxState =
  | { phase: "idle" }
  | { phase: Exclude<Stage, "included"> }
  | { phase: "included"; outcome: TxOutcome }
  | { phase: "failed"; error: string; stage: Stage };

export interface Tx {
  state: TxState;
  busy: boolean;
  /** Sends the message; resolves to the outcome, or undefined when it failed (the error is in `state`). */
  run(message: SuiteMsg, funds?: readonly Coin[]): Promise<TxOutcome | undefined>;
  /** Shows a problem found before sending (a form field that does not parse) the same way. */
  fail(error: unknown): void;
}

export function useTx(): Tx {
  const { backend, refresh } = useApp();
  const [state, setState] = useState<TxState>({ phase: "idle" });
  const stage = useRef<Stage>("signing");
  const run = useCallback(
    async (message: SuiteMsg, funds: readonly Coin[] = []) => {
      stage.current = "signing";
      setState({ phase: "signing" });
      try {
        const outcome = await backend.execute(message, funds, (s) => {
          stage.current = s;
          if (s !== "included") setState({ phase: s });
        });
        setState({ phase: "included", outcome });
        refresh();
        return outcome;
      } catch (error) {
        setState({ phase: "failed", error: plainError(error), stage: stage.current });
        return undefined;
      }
    },
    [backend, refresh],
  );
  const fail = useCallback((error: unknown) => setState({ phase: "failed", error: plainError(error), stage: "signing" }), []);
  return { state, run, fail, busy: state.phase === "signing" || state.phase === "broadcasting" };
}

const STEPS: { stage: Stage; label: string }[] = [
  { stage: "signing", label: "Signing" },
  { stage: "broadcasting", label: "Broadcasting" },
  { stage: "included", label: "Included" },
];

/** Progress and outcome of a form's transaction; place it next to the form's submit button. */
export function TxStatus({ tx, success }: { tx: Tx; success?: string }) {
  const { state } = tx;
  if (state.phase === "idle") return null;
  const reached = state.phase === "failed" ? state.stage : state.phase === "included" ? "included" : state.phase;
  const index = STEPS.findIndex((s) => s.stage === reached);
  return (
    <div className={`tx tx-${state.phase}`}>
      <ol className="tx-steps" aria-label="Transaction progress">
        {STEPS.map((step, i) => {
          const status = state.phase === "failed" && i === index ? "failed" : i < index || state.phase === "included" ? "done" : i === index ? "active" : "todo";
          return (
            <li key={step.stage} className={`tx-step ${status}`} aria-current={status === "active" ? "step" : undefined}>
              {step.label}
              {status === "active" ? "…" : status === "done" ? " ✓" : status === "failed" ? " ✗" : ""}
            </li>
          );
        })}
      </ol>
      {state.phase === "included" && (
        <p role="status" className="tx-done">
          {success ? `${success} ` : ""}Included in block {state.outcome.height} (transaction {state.outcome.transactionHash.slice(0, 10)}…).
        </p>
      )}
      {state.phase === "failed" && (
        <p role="alert" className="error">
          {state.error}
        </p>
      )}
      {(state.phase === "signing" || state.phase === "broadcasting") && (
        <p role="status" className="tx-progress">
          {state.phase === "signing" ? "Waiting for the signature…" : "Broadcasting, waiting for the block…"}
        </p>
      )}
    </div>
  );
}

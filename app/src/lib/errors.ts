/**
 * Errors in plain words. The contracts' own messages are already written for people (they are
 * thiserror messages such as "proposal 4 is not open"); what hides them are the layers around:
 * the chain's "failed to execute message; message index: 0:" and the wasm module's wrapping,
 * the simulator's prefixes, the wallet's rejections. This peels those off and translates the
 * few chain-level failures a member can hit.
 */

const WRAPPERS: RegExp[] = [
  /^Error:\s*/i,
  /^Query failed with \(\d+\):\s*/i,
  /^Broadcasting transaction failed with code \d+ \(codespace: \w+\)\. Log:\s*/i,
  /^rpc error: code = \w+ desc = /i,
  /^failed to execute message; message index: \d+:\s*/i,
  /^dispatch: submessages:\s*/i,
  /^Generic error:\s*/i,
  /^Overflow: /i,
];

// everything after the wasm module's wrapper is where in wasmd it failed, and the gas used
const SUFFIXES: RegExp[] = [/:\s*execute wasm contract failed[\s\S]*$/i, /:\s*query wasm contract failed[\s\S]*$/i, /\s*\[CosmWasm \d+\]$/, /\s*With gas wanted:[\s\S]*$/i];

const TRANSLATIONS: [RegExp, string][] = [
  [/request rejected|rejected by the user|user denied/i, "You declined to sign in the wallet; nothing was sent."],
  [/insufficient funds|insufficient fee/i, "The account does not hold enough to pay for this (the funds sent or the fee)."],
  [/out of gas/i, "The transaction ran out of gas; try again (the fee estimate will be raised)."],
  [/account .* not found/i, "This account has never received funds on this chain, so it cannot sign yet."],
  [/unknown variant|missing field|unknown field|Error parsing into type/i, "The contract did not understand the message (the app and the contract disagree on a field): "],
  [/failed to fetch|network ?error|ECONNREFUSED/i, "The RPC endpoint cannot be reached; check its address and your connection."],
  [/there is no keplr|keplr is not/i, "No Keplr-compatible wallet was found in this browser: install Keplr (or a wallet with its API) and reload."],
];

export function rawMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

/** The error as a sentence a member can act on. */
export function plainError(error: unknown): string {
  let text = rawMessage(error).trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const wrapper of WRAPPERS) {
      const next = text.replace(wrapper, "");
      if (next !== text) {
        text = next.trim();
        changed = true;
      }
    }
  }
  for (const suffix of SUFFIXES) text = text.replace(suffix, "").trim();
  // cosmwasm-std's StdError prefix says nothing to a member, wherever it sits in the chain of causes
  text = text.replace(/Generic error:\s*/g, "");
  for (const [pattern, words] of TRANSLATIONS) {
    if (pattern.test(text)) return words.endsWith(": ") ? words + text : words;
  }
  if (!text) return "The transaction failed without a reason.";
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** How amounts, times and addresses read on the page. */

export const DAY = 86_400;

export type AssetInfo = { native: string } | { cw20: string };

/** Display units of an asset: the symbol and how many decimals its smallest unit has. */
export interface Unit {
  symbol: string;
  decimals: number;
}

/** Known cw20 tokens (the suite's reward token, read from its `token_info` at start). */
export type Units = Record<string, Unit>;

/** A native denom's display unit: `untrn` reads as NTRN with 6 decimals, others as they are. */
export function nativeUnit(denom: string): Unit {
  if (/^u[a-z]{2,}$/.test(denom)) return { symbol: denom.slice(1).toUpperCase(), decimals: 6 };
  return { symbol: denom, decimals: 0 };
}

export function unitOf(info: AssetInfo, units: Units): Unit {
  if ("native" in info) return nativeUnit(info.native);
  return units[info.cw20] ?? { symbol: `cw20 ${shortAddress(info.cw20)}`, decimals: 0 };
}

/** 1234500000 with 6 decimals -> "1,234.5". */
export function decimal(amount: string | bigint, decimals: number): string {
  const value = BigInt(amount);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const scale = 10n ** BigInt(decimals);
  const whole = (abs / scale).toLocaleString("en-US");
  const fraction = decimals > 0 ? (abs % scale).toString().padStart(decimals, "0").replace(/0+$/, "") : "";
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

export function money(amount: string | bigint, info: AssetInfo, units: Units): string {
  const unit = unitOf(info, units);
  return `${decimal(amount, unit.decimals)} ${unit.symbol}`;
}

/** "12.5" NTRN -> "12500000" untrn; throws a message for the form when it is not a number. */
export function toBaseUnits(text: string, decimals: number): string {
  const clean = text.trim().replace(/,/g, "");
  if (!/^\d+(\.\d+)?$/.test(clean)) throw new Error(`"${text}" is not an amount: write digits, with a dot for decimals`);
  const [whole, fraction = ""] = clean.split(".");
  if (fraction.length > decimals) throw new Error(`at most ${decimals} decimals`);
  return (BigInt(whole!) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, "0") || "0")).toString();
}

export function shortAddress(address: string): string {
  return address.length > 20 ? `${address.slice(0, 12)}…${address.slice(-6)}` : address;
}

/** A wire `Timestamp` (nanoseconds as a string) in whole seconds. */
export function seconds(timestamp: string): number {
  return Number(BigInt(timestamp) / 1_000_000_000n);
}

/** Seconds from now as a wire `Timestamp`. */
export function timestampIn(now: number, inSeconds: number): string {
  return (BigInt(Math.floor(now + inSeconds)) * 1_000_000_000n).toString();
}

export function date(secondsSinceEpoch: number): string {
  return new Date(secondsSinceEpoch * 1000).toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

/** 90061 -> "1 day 1 hour"; the two largest units. */
export function duration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const parts: [number, string][] = [
    [Math.floor(s / 86_400), "day"],
    [Math.floor((s % 86_400) / 3_600), "hour"],
    [Math.floor((s % 3_600) / 60), "minute"],
    [s % 60, "second"],
  ];
  const shown = parts.filter(([n]) => n > 0).slice(0, 2);
  if (shown.length === 0) return "0 seconds";
  return shown.map(([n, name]) => `${n} ${name}${n === 1 ? "" : "s"}`).join(" ");
}

/** "in 2 days 3 hours" / "3 hours ago". */
export function relative(at: number, now: number): string {
  if (at === now) return "now";
  return at > now ? `in ${duration(at - now)}` : `${duration(now - at)} ago`;
}

export function percent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits).replace(/\.0+$/, "")}%`;
}

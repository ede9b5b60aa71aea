/**
 * A proposal's tally against its threshold and quorum, as cw3's `Threshold` counts it (the
 * contract's rule): with `threshold_quorum`, the votes cast (abstain included) must reach the
 * quorum of the total power and yes must reach the threshold of the votes that are not
 * abstentions; `absolute_percentage` counts yes against all non-abstaining power;
 * `absolute_count` counts yes power against a fixed weight.
 */
import type { GovernanceTypes } from "commons-client";

export interface TallyView {
  total: bigint;
  yes: bigint;
  no: bigint;
  abstain: bigint;
  veto: bigint;
  cast: bigint;
  /** Votes cast / total power. */
  turnout: number;
  /** The turnout needed (0 when the threshold has no quorum). */
  quorum: number;
  /** yes / the votes that count toward the threshold. */
  yesShare: number;
  /** The share of yes needed. */
  threshold: number;
  quorumMet: boolean;
  thresholdMet: boolean;
  /** Veto above one third of the votes cast vetoes the proposal. */
  vetoShare: number;
  /** A sentence: what the rule is. */
  rule: string;
}

const ratio = (a: bigint, b: bigint) => (b === 0n ? 0 : Number((a * 1_000_000n) / b) / 1_000_000);

export function tallyView(p: Pick<GovernanceTypes.ProposalResponse, "tally" | "total_power" | "threshold">): TallyView {
  const yes = BigInt(p.tally.yes);
  const no = BigInt(p.tally.no);
  const abstain = BigInt(p.tally.abstain);
  const veto = BigInt(p.tally.veto);
  const total = BigInt(p.total_power);
  const cast = yes + no + abstain + veto;
  const turnout = ratio(cast, total);
  const base = { total, yes, no, abstain, veto, cast, turnout, vetoShare: ratio(veto, cast) };
  const t = p.threshold;
  if ("threshold_quorum" in t) {
    const quorum = Number(t.threshold_quorum.quorum);
    const threshold = Number(t.threshold_quorum.threshold);
    const yesShare = ratio(yes, cast - abstain);
    return {
      ...base,
      quorum,
      threshold,
      yesShare,
      quorumMet: turnout >= quorum,
      thresholdMet: yesShare >= threshold && yes > 0n,
      rule: `Passes when at least ${(quorum * 100).toFixed(0)}% of the voting power votes and at least ${(threshold * 100).toFixed(0)}% of the non-abstaining votes are yes.`,
    };
  }
  if ("absolute_percentage" in t) {
    const threshold = Number(t.absolute_percentage.percentage);
    const yesShare = ratio(yes, total - abstain);
    return {
      ...base,
      quorum: 0,
      threshold,
      yesShare,
      quorumMet: true,
      thresholdMet: yesShare >= threshold && yes > 0n,
      rule: `Passes when yes reaches ${(threshold * 100).toFixed(0)}% of all voting power that does not abstain.`,
    };
  }
  const weight = BigInt(t.absolute_count.weight);
  return {
    ...base,
    quorum: 0,
    threshold: ratio(weight, total),
    yesShare: ratio(yes, total),
    quorumMet: true,
    thresholdMet: yes >= weight,
    rule: `Passes when yes votes carry ${weight} of power.`,
  };
}

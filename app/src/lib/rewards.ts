/**
 * Everything about voter rewards and vesting grants, in one module: the demo's settings, how
 * they read, what a member may claim, the claim messages, the grants on the token and the
 * chart of rewards per period. The reward rules are the contracts' (SPEC: claim_vote_rewards);
 * the settings' shape is the generated `VoterRewardsConfig`, so a regeneration of the clients
 * after a change of the rules makes this file (and only this file) fail to compile where it
 * must follow.
 */
import { GovernanceQueryClient, RewardTokenQueryClient, type GovernanceTypes, type RewardTokenTypes } from "commons-client";
import type { Backend } from "../backend/types";

import { DAY, duration, percent, seconds } from "./format";

type RewardsConfig = GovernanceTypes.VoterRewardsConfig;
type Proposal = GovernanceTypes.ProposalResponse;
type Ballot = GovernanceTypes.Ballot;

/** The demo DAO's settings: a pool of 100 CMN a week, vesting over 28 days after a 7-day cliff. */
export function demoVoterRewards(): RewardsConfig {
  return {
    pool_per_period: "100000000",
    period_seconds: 7 * DAY,
    vesting: { cliff_seconds: 7 * DAY, duration_seconds: 28 * DAY },
    min_turnout: "0.2",
  };
}

/** The settings as the app uses them. */
export interface RewardSettings {
  /** What a period pays, split between its proposals. */
  poolPerPeriod: bigint;
  periodSeconds: number;
  cliffSeconds: number;
  durationSeconds: number;
  minTurnout: number;
  /**
   * What one voter earns on a proposal that met the turnout (rounded down, as the contract
   * does): the one place the reward rule is written.
   */
  voterShare(vote: { power: bigint; cast: bigint; totalPower: bigint; proposalsInPeriod: number }): bigint;
  describe(symbol: string, decimals: number): string;
}

export function rewardSettings(config: RewardsConfig | null | undefined): RewardSettings | undefined {
  if (!config) return undefined;
  const pool = BigInt(config.pool_per_period);
  const fmt = (amount: bigint, symbol: string, decimals: number) => `${(Number(amount) / 10 ** decimals).toLocaleString("en-US")} ${symbol}`;
  return {
    poolPerPeriod: pool,
    periodSeconds: config.period_seconds,
    cliffSeconds: config.vesting.cliff_seconds,
    durationSeconds: config.vesting.duration_seconds,
    minTurnout: Number(config.min_turnout),
    // the contract's rule: the period's pool split equally between the proposals created in
    // it, and each proposal's part between voters by power over the total power at its snapshot
    voterShare: ({ power, totalPower, proposalsInPeriod }) => {
      const divisor = BigInt(proposalsInPeriod) * totalPower;
      return divisor === 0n ? 0n : (pool * power) / divisor;
    },
    describe: (symbol, decimals) =>
      `Each ${duration(config.period_seconds)} pays ${fmt(pool, symbol, decimals)}, split equally between the proposals created in it. ` +
      `A proposal whose turnout reaches ${percent(Number(config.min_turnout))} pays each voter its part in proportion to their share of all voting power; ` +
      `the parts of non-voters and of proposals below the turnout are never minted. Claims open when the period is over. ` +
      `Rewards are granted as vesting tokens: nothing for ${duration(config.vesting.cliff_seconds)}, ` +
      `then linearly until ${duration(config.vesting.duration_seconds)} after the claim.`,
  };
}

/** One proposal's reward for a voter: claimable now, or why not. */
export interface PendingReward {
  proposalId: number;
  amount: bigint;
  /** The contract's reason when nothing can be claimed (period not over, already claimed, ...). */
  unavailable?: string;
  /** When the proposal's reward period ends (seconds), from which it can be claimed. */
  claimableAt?: number;
  /** How it vests: one claim mints one grant, so ids that vest differently are claimed apart. */
  vesting?: GovernanceTypes.RewardVesting;
}

/** The ids a claim can take together: those of the first claimable reward's vesting, at most 30. */
export function claimTogether(rewards: PendingReward[]): number[] {
  const claimable = rewards.filter((r) => r.amount > 0n);
  const first = claimable[0]?.vesting;
  const same = (v?: GovernanceTypes.RewardVesting) => v?.cliff_seconds === first?.cliff_seconds && v?.duration_seconds === first?.duration_seconds;
  return claimable.filter((r) => same(r.vesting)).map((r) => r.proposalId).slice(0, 30);
}

/** The voter's rewards for the given proposals (asked 30 at a time, the query's bound). */
export async function pendingRewards(backend: Backend, voter: string, proposalIds: number[]): Promise<{ rewards: PendingReward[] }> {
  const governance = new GovernanceQueryClient(backend.querier, backend.contracts.governance);
  const rewards: PendingReward[] = [];
  for (let i = 0; i < proposalIds.length; i += 30) {
    const answer = await governance.pendingVoteRewards({ voter, proposalIds: proposalIds.slice(i, i + 30) });
    for (const r of answer.rewards) {
      const claimableAt = r.claimable_at ? seconds(r.claimable_at) : undefined;
      rewards.push({ proposalId: r.proposal_id, amount: BigInt(r.amount), unavailable: r.unavailable ?? undefined, claimableAt, vesting: r.vesting ?? undefined });
    }
  }
  return { rewards };
}

export function claimRewardsMsg(proposalIds: number[]): GovernanceTypes.ExecuteMsg {
  // the contract takes at most 30 ids per claim, de-duplicated
  return { claim_vote_rewards: { proposal_ids: [...new Set(proposalIds)].slice(0, 30) } };
}

export interface Grant {
  grantId: number;
  total: bigint;
  vested: bigint;
  claimed: bigint;
  claimable: bigint;
  revoked: boolean;
  start: number;
  cliffEnds: number;
  fullyVestedAt: number;
}

export async function grants(backend: Backend, address: string): Promise<{ grants: Grant[]; locked: bigint }> {
  const token = new RewardTokenQueryClient(backend.querier, backend.contracts.token);
  const answer: RewardTokenTypes.VestingResponse = await token.vesting({ address });
  return {
    locked: BigInt(answer.locked),
    grants: answer.grants.map((g) => {
      const start = seconds(g.schedule.start_time);
      return {
        grantId: g.grant_id,
        total: BigInt(g.total),
        vested: BigInt(g.vested),
        claimed: BigInt(g.claimed),
        claimable: BigInt(g.claimable),
        revoked: g.revoked,
        start,
        cliffEnds: start + g.schedule.cliff_seconds,
        fullyVestedAt: start + g.schedule.duration_seconds,
      };
    }),
  };
}

export function claimVestedMsg(grantIds?: number[]): RewardTokenTypes.ExecuteMsg {
  return { claim_vested: { grant_ids: grantIds && grantIds.length > 0 ? grantIds : null } };
}

/** Rewards of one period, for the chart: what its proposals earned (claimed or not) against the pool. */
export interface PeriodRewards {
  index: number;
  start: number;
  pool: bigint;
  claimed: bigint;
  unclaimed: bigint;
  voters: number;
  proposals: number;
}

/**
 * Rewards per period: a proposal belongs to the period it was created in; one whose turnout met
 * the minimum earns its voters their share, split here into what they claimed and what they
 * have not. Shares are computed from the ballots as the contract computes them (rounded down).
 */
export function rewardsPerPeriod(settings: RewardSettings, start: number, proposals: Proposal[], ballots: Map<number, Ballot[]>, now: number): PeriodRewards[] {
  const periodOf = (at: number) => Math.max(0, Math.floor((at - start) / settings.periodSeconds));
  const last = periodOf(now);
  const periods: PeriodRewards[] = [];
  for (let index = 0; index <= last; index++) {
    periods.push({ index, start: start + index * settings.periodSeconds, pool: settings.poolPerPeriod, claimed: 0n, unclaimed: 0n, voters: 0, proposals: 0 });
  }
  const voters = periods.map(() => new Set<string>());
  for (const proposal of proposals) {
    const period = periods[periodOf(seconds(proposal.created_at))];
    if (!period) continue;
    period.proposals += 1;
    const votes = ballots.get(proposal.id) ?? [];
    for (const ballot of votes) voters[period.index]!.add(ballot.voter);
  }
  for (const proposal of proposals) {
    const period = periods[periodOf(seconds(proposal.created_at))];
    if (!period || proposal.status === "open") continue;
    const votes = ballots.get(proposal.id) ?? [];
    const cast = votes.reduce((sum, b) => sum + BigInt(b.power), 0n);
    const total = BigInt(proposal.total_power);
    if (cast === 0n || total === 0n) continue;
    if (Number(cast) / Number(total) < settings.minTurnout) continue;
    for (const ballot of votes) {
      const share = settings.voterShare({ power: BigInt(ballot.power), cast, totalPower: total, proposalsInPeriod: period.proposals });
      if (ballot.reward_claimed) period.claimed += share;
      else period.unclaimed += share;
    }
  }
  periods.forEach((p, i) => (p.voters = voters[i]!.size));
  return periods;
}

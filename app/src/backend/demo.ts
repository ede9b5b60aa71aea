/**
 * The playground's demo DAO: README's bootstrap (one governance instantiation that creates the
 * token, treasury and escrow), with times short enough to walk through by moving the clock, and
 * named test accounts.
 */
import type { deploy } from "commons-client";
import { demoVoterRewards } from "../lib/rewards";

export const DEMO_DENOM = "untrn";
export { DAY } from "../lib/format";
import { DAY } from "../lib/format";

export interface DemoAccount {
  name: string;
  role: string;
  /** CMN (6 decimals) at genesis. */
  cmn: bigint;
  /** untrn the simulator funds it with. */
  native: bigint;
}

const CMN = 1_000_000n;
const NTRN = 1_000_000n;

/** The first is the account the playground starts as. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { name: "alice", role: "member", cmn: 400n * CMN, native: 100n * NTRN },
  { name: "bob", role: "member", cmn: 300n * CMN, native: 100n * NTRN },
  { name: "carol", role: "member", cmn: 200n * CMN, native: 100n * NTRN },
  { name: "dave", role: "member", cmn: 100n * CMN, native: 100n * NTRN },
  { name: "erin", role: "grantee", cmn: 0n, native: 0n },
  { name: "orbit", role: "compute provider", cmn: 0n, native: 500n * NTRN },
  { name: "lab", role: "compute client", cmn: 0n, native: 500n * NTRN },
  { name: "council", role: "guardian", cmn: 0n, native: 10n * NTRN },
  { name: "donor", role: "donor", cmn: 0n, native: 5_000n * NTRN },
  { name: "deployer", role: "deployer", cmn: 0n, native: 10n * NTRN },
];

/**
 * Governance's instantiate message (without code ids, which the deploy fills in): 3 days of
 * voting (1 at least), a 2-day timelock, a 7-day challenge period (longer than voting plus the
 * timelock, so the DAO can dispute the jobs it funds), a 200 NTRN spend limit per 30 days.
 */
export function demoConfig(address: (name: string) => string): deploy.SuiteConfig {
  return {
    token: null,
    treasury: null,
    escrow: null,
    voting_period_seconds: 3 * DAY,
    min_voting_period_seconds: 1 * DAY,
    threshold: { threshold_quorum: { threshold: "0.5", quorum: "0.3" } },
    allow_revoting: false,
    execution_delay_seconds: 2 * DAY,
    execution_window_seconds: 7 * DAY,
    proposal_deposit: null,
    min_proposer_power: (1n * CMN).toString(),
    voter_rewards: demoVoterRewards(),
    max_actions: 10,
    guardian: address("council"),
    suite: {
      token_msg: {
        name: "Commons",
        symbol: "CMN",
        decimals: 6,
        initial_balances: DEMO_ACCOUNTS.filter((a) => a.cmn > 0n).map((a) => ({ address: address(a.name), amount: a.cmn.toString() })),
        mint: { minter: "governance", cap: (1_000_000n * CMN).toString(), mint_limit: { amount: (10_000n * CMN).toString(), period_seconds: 30 * DAY } },
        marketing: null,
      },
      treasury_msg: {
        owner: "governance",
        accepted_cw20s: [],
        spend_limits: [{ asset_info: { native: DEMO_DENOM }, amount: (200n * NTRN).toString(), period_seconds: 30 * DAY }],
        change_delay_seconds: 30 * DAY,
      },
      token_spend_limit: { amount: (1_000n * CMN).toString(), period_seconds: 30 * DAY },
      escrow_msg: {
        arbiter: "governance",
        fee_bps: 100,
        fee_recipient: "treasury",
        accepted_assets: [{ native: DEMO_DENOM }],
        stake_asset: { native: DEMO_DENOM },
        challenge_period_seconds: 7 * DAY,
        min_provider_stake: (50n * NTRN).toString(),
        provider_unbonding_seconds: 14 * DAY,
        max_job_duration_seconds: 90 * DAY,
      },
    },
  };
}

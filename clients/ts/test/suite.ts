/** The suite deployed by the deploy library on the simulator, with clients for each role. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deploy, readArtifacts, type Deployment, type SuiteConfig } from "../src/deploy/index";
import { signingClient } from "../src/cosmjs";
import { ComputeEscrowClient } from "../src/generated/ComputeEscrow.client";
import { GovernanceClient } from "../src/generated/Governance.client";
import { RewardTokenClient } from "../src/generated/RewardToken.client";
import { TreasuryClient } from "../src/generated/Treasury.client";
import { blocks, ROOT } from "./docs-blocks";
import { Sim } from "./sim";

export const DAY = 86_400;

/** README's bootstrap example (governance::InstantiateMsg), its placeholders filled in. */
export function readmeBootstrap(fill: Record<string, string>): SuiteConfig {
  const block = blocks("README.md", "json").find((b) => b.tag === "governance::InstantiateMsg");
  if (!block) throw new Error("README.md has no ```json governance::InstantiateMsg block");
  const text = block.body.replace(/"<([^">]+)>"/g, (match, name: string) => (name in fill ? JSON.stringify(fill[name]) : match));
  return JSON.parse(text) as SuiteConfig;
}

export interface Suite {
  sim: Sim;
  deployment: Deployment;
  names: Record<"alice" | "bob" | "carol" | "guardian" | "provider" | "dave" | "deployer", string>;
  /** A signing client of `contract` for `who`. */
  token(who: string): RewardTokenClient;
  treasury(who: string): TreasuryClient;
  governance(who: string): GovernanceClient;
  escrow(who: string): ComputeEscrowClient;
}

/**
 * Deploys README's bootstrap with voter rewards on: alice holds 600 and bob 400 of the 1,000
 * CMN that vote.
 */
export async function deploySuite(): Promise<Suite> {
  const sim = new Sim();
  const names = {
    alice: sim.addr("alice"),
    bob: sim.addr("bob"),
    carol: sim.addr("carol"),
    guardian: sim.addr("guardian"),
    provider: sim.addr("provider"),
    dave: sim.addr("dave"),
    deployer: sim.addr("deployer"),
  };
  const config = readmeBootstrap({ member: names.alice, "security council": names.guardian });
  config.suite.token_msg.initial_balances = [
    { address: names.alice, amount: "600000000" },
    { address: names.bob, amount: "400000000" },
  ];
  config.voter_rewards = {
    pool_per_period: "1000000",
    period_seconds: 7 * DAY,
    vesting: { cliff_seconds: 10 * DAY, duration_seconds: 30 * DAY },
    min_turnout: "0.2",
  };
  const artifacts = readArtifacts(join(ROOT, "artifacts"));
  const deployment = await deploy(sim.deployClient(), { sender: names.deployer, artifacts, config });
  const signing = signingClient(sim.client);
  const { contracts } = deployment;
  return {
    sim,
    deployment,
    names,
    token: (who) => new RewardTokenClient(signing, who, contracts.token),
    treasury: (who) => new TreasuryClient(signing, who, contracts.treasury),
    governance: (who) => new GovernanceClient(signing, who, contracts.governance),
    escrow: (who) => new ComputeEscrowClient(signing, who, contracts.escrow),
  };
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

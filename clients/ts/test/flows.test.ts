/**
 * SPEC flows 2, 3 and 4 on the real artifacts (artifacts/*.wasm) in the simulator, deployed by
 * the deploy library from README's bootstrap and driven by the generated clients: balances,
 * statuses and events checked at every step.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import * as ev from "../src/events";
import { governancePropose, treasuryDeposit } from "../src/hooks";
import type { ProposalAction } from "../src/generated/Governance.types";
import { DENOM } from "./sim";
import { DAY, deploySuite, type Suite } from "./suite";

/** Proposes `actions` as alice, both members vote yes, the vote and the timelock pass, anyone executes. */
async function pass(s: Suite, title: string, actions: ProposalAction[]) {
  const { alice, bob, carol } = s.names;
  const created = ev.proposalCreated(await s.governance(alice).propose({ title, description: "", actions }), s.deployment.contracts.governance);
  const id = created.proposalId;
  assert.equal(created.proposer, alice);
  assert.equal(ev.voteCast(await s.governance(alice).vote({ proposalId: id, vote: "yes" })).status, "open");
  const second = ev.voteCast(await s.governance(bob).vote({ proposalId: id, vote: "yes", rationale: "agreed" }));
  // bob's power: liquid tokens plus locked vesting grants, unchanged since the snapshot
  const bobsPower = BigInt((await s.governance(bob).votingPower({ address: bob })).power);
  assert.deepEqual([second.voter, second.vote, second.power], [bob, "yes", bobsPower]);
  // final only once the minimum voting period is over, then executable after the timelock
  s.sim.advance(1 * DAY + 1);
  const passed = await s.governance(carol).proposal({ proposalId: id });
  assert.equal(passed.status, "passed");
  await assert.rejects(s.governance(carol).execute({ proposalId: id }), /timelock|executable|not yet|before/i);
  s.sim.advance(2 * DAY);
  const executed = await s.governance(carol).execute({ proposalId: id });
  const done = ev.proposalExecuted(executed, s.deployment.contracts.governance);
  assert.equal(done.proposalId, id);
  assert.equal(done.error, undefined, `proposal ${id} failed: ${done.error}`);
  assert.equal((await s.governance(carol).proposal({ proposalId: id })).status, "executed");
  return { id, executed };
}

describe("the suite on the real wasm", () => {
  let s: Suite;
  before(async () => {
    s = await deploySuite();
  });

  it("flow 1: the deploy bootstraps the suite with governance in every role", async () => {
    const { contracts } = s.deployment;
    const config = await s.governance(s.names.carol).config();
    assert.deepEqual([config.token, config.treasury, config.escrow], [contracts.token, contracts.treasury, contracts.escrow]);
    assert.equal(config.guardian, s.names.guardian);
    assert.equal((await s.sim.client.getContract(contracts.treasury)).admin, contracts.treasury);
    assert.equal((await s.sim.client.getContract(contracts.governance)).admin, contracts.governance);
    assert.deepEqual(s.deployment.warnings, []);
    const info = await s.token(s.names.carol).tokenInfo();
    assert.equal(info.total_supply, "1000000000");
  });

  let spendId = 0;
  it("flow 2: a member's treasury_spend passes, waits out the timelock and pays within the limit", async () => {
    const { alice, bob, carol, dave } = s.names;
    const { treasury } = s.deployment.contracts;
    // native funds reach the treasury through its ledger
    s.sim.fund(dave, 100_000_000);
    const deposit = await s.treasury(dave).deposit({ memo: "seed" }, "auto", undefined, [{ denom: DENOM, amount: "50000000" }]);
    const [seeded] = ev.ledgerMovements(deposit, treasury);
    assert.deepEqual(seeded, { treasury, action: "deposit", ledgerId: seeded!.ledgerId, asset: { amount: 50_000_000n, asset: { native: DENOM } }, counterparty: dave });
    assert.equal(s.sim.balance(treasury), 50_000_000n);
    // and so does the reward token, through the cw20 deposit hook
    const hook = treasuryDeposit(treasury, 5_000_000n, { deposit: { memo: "from bob" } });
    const sent = await s.token(bob).send(hook.send);
    const [viaHook] = ev.ledgerMovements(sent, treasury);
    assert.deepEqual(viaHook!.asset, { amount: 5_000_000n, asset: { cw20: s.deployment.contracts.token } });
    assert.equal(viaHook!.counterparty, bob);

    const before = s.sim.balance(carol);
    const { id, executed } = await pass(s, "Pay carol", [
      { treasury_spend: { recipient: carol, asset: { info: { native: DENOM }, amount: "1000000" }, memo: "design work" } },
    ]);
    spendId = id;
    const [paid] = ev.ledgerMovements(executed, treasury);
    assert.deepEqual(paid, { treasury, action: "spend", ledgerId: seeded!.ledgerId + 2, asset: { amount: 1_000_000n, asset: { native: DENOM } }, counterparty: carol });
    assert.equal(s.sim.balance(carol) - before, 1_000_000n);
    assert.equal(s.sim.balance(treasury), 49_000_000n);
    const limit = await s.treasury(carol).spendLimit({ assetInfo: { native: DENOM } });
    assert.deepEqual([limit.spent, limit.remaining], ["1000000", "49999000000"]);
    void alice;
  });

  it("flow 2: voters claim vested rewards, then the vested part", async () => {
    const { alice, bob } = s.names;
    const gov = s.governance(alice);
    // claims open when the proposal's reward period ends
    const [pending] = (await gov.pendingVoteRewards({ voter: alice, proposalIds: [spendId] })).rewards;
    const opens = Number(BigInt(pending!.claimable_at!) / 1_000_000_000n);
    assert.ok(opens > s.sim.now());
    await assert.rejects(gov.claimVoteRewards({ proposalIds: [spendId] }), /period|claim/i);
    s.sim.advance(opens - s.sim.now());
    // the period's 1 CMN pool is split between its proposals, and each proposal's part by power
    // over the total power at its snapshot, rounded down
    const proposals = (await gov.listProposals({ limit: 30 })).proposals;
    const inPeriod = proposals.filter((p) => Number(BigInt(p.created_at) / 1_000_000_000n) >= opens - 7 * DAY).length;
    const total = BigInt(proposals.find((p) => p.id === spendId)!.total_power);
    const votes = await gov.listVotes({ proposalId: spendId });
    const power = (voter: string) => BigInt(votes.votes.find((v) => v.voter === voter)!.power);
    const share = (voter: string) => (1_000_000n * power(voter)) / (BigInt(inPeriod) * total);
    assert.ok(share(alice) > 0n && share(bob) > 0n);
    const claim = ev.voteRewardsClaimed(await s.governance(alice).claimVoteRewards({ proposalIds: [spendId] }));
    assert.deepEqual([claim.voter, claim.amount, claim.proposalIds], [alice, share(alice), [spendId]]);
    assert.deepEqual([claim.grant.to, claim.grant.amount, claim.grant.cliffSeconds, claim.grant.durationSeconds], [alice, share(alice), 10 * DAY, 30 * DAY]);
    // a second claim earns nothing
    await assert.rejects(s.governance(alice).claimVoteRewards({ proposalIds: [spendId] }), /nothing to claim/i);
    const bobs = ev.voteRewardsClaimed(await s.governance(bob).claimVoteRewards({ proposalIds: [spendId] }));
    assert.equal(bobs.amount, share(bob));

    const token = s.token(alice);
    const balance = BigInt((await token.balance({ address: alice })).balance);
    await assert.rejects(token.claimVested({}), /nothing|claim/i); // still in its cliff
    s.sim.advance(15 * DAY); // half of the 30 days
    const first = ev.vestedClaimed(await token.claimVested({}));
    assert.equal(first.to, alice);
    assert.ok(first.amount >= share(alice) / 2n && first.amount < share(alice), `half-way claim ${first.amount}`);
    s.sim.advance(16 * DAY);
    const rest = ev.vestedClaimed(await token.claimVested({ grantIds: [claim.grant.grantId] }));
    assert.equal(first.amount + rest.amount, share(alice));
    assert.equal(BigInt((await token.balance({ address: alice })).balance) - balance, share(alice));
  });

  let jobFee = 0n;
  it("flow 3: the DAO buys compute through escrow_create_job for a named provider; the fee lands in the treasury", async () => {
    const { provider } = s.names;
    const { treasury, escrow } = s.deployment.contracts;
    s.sim.fund(provider, 10_000_000);
    const registered = await s.escrow(provider).registerProvider(
      { metadata: { name: "Orbit GPU", endpoint: "https://orbit.example/api", hardware: "8x H100", region: "eu-west" } },
      "auto",
      undefined,
      [{ denom: DENOM, amount: "5000000" }],
    );
    assert.deepEqual(ev.parseMoney(ev.theAction(registered, "register_provider").need("stake")), { amount: 5_000_000n, asset: { native: DENOM } });

    const { executed } = await pass(s, "Render job", [
      {
        escrow_create_job: {
          provider,
          spec: { uri: "ipfs://job.json", hash: "sha256:00" },
          asset_info: { native: DENOM },
          price_per_unit: "1000",
          max_units: "500",
          accept_by: s.sim.at(12 * DAY),
          deadline: s.sim.at(40 * DAY),
        },
      },
    ]);
    const job = ev.jobCreated(executed, escrow);
    assert.deepEqual(job.escrowed, { amount: 500_000n, asset: { native: DENOM } });
    assert.equal(job.client, s.deployment.contracts.governance);
    const [funded] = ev.ledgerMovements(executed, treasury);
    assert.deepEqual([funded!.action, funded!.asset.amount, funded!.counterparty], ["spend_to_contract", 500_000n, escrow]);

    const accepted = await s.escrow(provider).acceptJob({ jobId: job.jobId });
    assert.equal(ev.theAction(accepted, "accept_job").need("provider"), provider);
    const reported = ev.usageReported(await s.escrow(provider).reportUsage({ jobId: job.jobId, units: "400" }));
    assert.deepEqual([reported.units, reported.newUnits, reported.payableAt], [400n, 400n, s.sim.now() + 14 * DAY]);
    assert.equal((await s.escrow(provider).job({ jobId: job.jobId })).status, "running");
    await assert.rejects(s.escrow(provider).claimPayments({ jobIds: [job.jobId] }), /nothing|payable|claim/i);

    s.sim.advance(14 * DAY);
    const treasuryBefore = s.sim.balance(treasury);
    const providerBefore = s.sim.balance(provider);
    const claimed = await s.escrow(provider).claimPayments({ jobIds: [job.jobId] });
    const payments = ev.paymentsClaimed(claimed, escrow);
    // 1% fee, rounded up: 4,000 of 400,000
    assert.deepEqual(payments.jobs, [
      { jobId: job.jobId, gross: { amount: 400_000n, asset: { native: DENOM } }, fee: { amount: 4_000n, asset: { native: DENOM } }, net: { amount: 396_000n, asset: { native: DENOM } } },
    ]);
    assert.equal(s.sim.balance(provider) - providerBefore, 396_000n);
    assert.equal(s.sim.balance(treasury) - treasuryBefore, 4_000n);
    const [fee] = ev.ledgerMovements(claimed, treasury);
    assert.deepEqual([fee!.action, fee!.asset.amount, fee!.counterparty], ["deposit", 4_000n, escrow]);
    const ledger = await s.treasury(provider).ledger({ limit: 1, reverse: true });
    assert.equal(ledger.entries[0]!.memo, `escrow job ${job.jobId}: fee`);
    jobFee = 4_000n;
  });

  it("flow 4: an over-report is disputed, governance rules with escrow_resolve_dispute, the provider is slashed and the client refunded", async () => {
    const { provider, dave } = s.names;
    const { escrow } = s.deployment.contracts;
    const client = s.escrow(dave);
    const created = await client.createJob(
      { provider, spec: { uri: "ipfs://train.json", hash: "sha256:01" }, pricePerUnit: "2000", maxUnits: "300", acceptBy: s.sim.at(2 * DAY), deadline: s.sim.at(30 * DAY) },
      "auto",
      undefined,
      [{ denom: DENOM, amount: "600000" }],
    );
    const job = ev.jobCreated(created, escrow);
    assert.deepEqual([job.client, job.escrowed.amount], [dave, 600_000n]);
    await s.escrow(provider).acceptJob({ jobId: job.jobId });
    // the provider claims all 300 units; the client's metering shows 100
    await s.escrow(provider).reportUsage({ jobId: job.jobId, units: "300" });
    const dispute = ev.disputed(await client.dispute({ jobId: job.jobId, reason: "metering shows 100 units" }), escrow);
    assert.deepEqual([dispute.disputedUnits, dispute.disputed.amount, dispute.unitsDisputed], [300n, 600_000n, 300n]);
    assert.equal((await client.job({ jobId: job.jobId })).status, "disputed");

    const daveBefore = s.sim.balance(dave);
    const stakeBefore = BigInt((await client.provider({ address: provider })).stake.amount);
    const { executed } = await pass(s, "Rule on job", [{ escrow_resolve_dispute: { job_id: job.jobId, approved_units: "100", slash: "1000000" } }]);
    const ruling = ev.disputeResolved(executed, escrow);
    assert.deepEqual(
      [ruling.provider, ruling.approvedUnits, ruling.approved.amount, ruling.rejectedUnits, ruling.refunded.amount, ruling.slashed.amount, ruling.refundTo],
      [provider, 100n, 200_000n, 200n, 400_000n, 1_000_000n, dave],
    );
    assert.deepEqual(ev.refunds(executed, escrow), [{ action: "resolve_dispute", jobId: job.jobId, refunded: { amount: 400_000n, asset: { native: DENOM } }, refundTo: dave, units: 200n }]);
    // the refund and the slash reach the client
    assert.equal(s.sim.balance(dave) - daveBefore, 1_400_000n);
    const after = await client.provider({ address: provider });
    assert.equal(stakeBefore - BigInt(after.stake.amount), 1_000_000n);
    assert.equal(after.disputes_lost, 1);
    assert.equal((await client.job({ jobId: job.jobId })).status, "running");

    // the approved units are the provider's, less the fee
    const paid = ev.paymentsClaimed(await s.escrow(provider).claimPayments({ jobIds: [job.jobId] }), escrow);
    assert.deepEqual(paid.jobs.map((j) => [j.gross.amount, j.fee.amount, j.net.amount]), [[200_000n, 2_000n, 198_000n]]);
    assert.ok(jobFee > 0n);
  });

  it("the cw20 propose hook reaches governance, which takes no tokens when no deposit is required", async () => {
    const { bob, carol } = s.names;
    const msg = governancePropose(s.deployment.contracts.governance, 1n, {
      propose: { title: "Pay carol again", description: "via the hook", actions: [{ treasury_spend: { recipient: carol, asset: { info: { native: DENOM }, amount: "1" } } }] },
    });
    // README's bootstrap requires no deposit, so governance refuses the tokens (and the send fails whole)
    await assert.rejects(s.token(bob).send(msg.send), /no deposit is required/);
  });
});

// The member story in playground mode: propose a treasury spend (a refused first attempt keeps
// the form), three members vote, the clock passes voting and the timelock, anyone executes, the
// grantee is paid and the ledger shows it; a voter claims the voting reward, and later the
// vested part of it.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { actAs, amountIn, expectIncluded, expectText, go, moveClock, openPlayground } from "./harness.mjs";

let story;
before(async () => {
  story = await openPlayground("member");
});
after(async () => {
  await story?.close();
});

test("member story", async (t) => {
  const s = story;
  const page = s.page;
  let proposalUrl = "";

  await s.step(t, "the overview shows the treasury's funds, its limit and the ledger", async () => {
    await expectText(page.getByTestId("balances"), "1,000 NTRN", "the treasury balances");
    await expectText(page.getByTestId("limits"), /200 NTRN per 30 days[\s\S]*200\s*NTRN/, "the NTRN spend limit and what is left");
    await expectText(page.getByTestId("ledger"), /\+1,000 NTRN\s+donor\s+founding donation/, "the ledger");
  });

  await s.step(t, "the playground lists its test accounts and the deploy's messages", async () => {
    await page.getByRole("link", { name: "About the playground" }).click();
    await expectText(page.getByRole("main"), /alice \(member\) neutron1[\s\S]*orbit \(compute provider\) neutron1/, "the test accounts");
    await expectText(page.getByRole("main"), /Voting lasts 3 days \(the outcome can be final after 1 day\), then a timelock of 2 days/, "the demo DAO's rules");
    await expectText(page.getByRole("main"), "6 messages", "the deploy's messages (4 codes stored, governance instantiated, its admin handed over)");
  });

  await s.step(t, "a refused proposal shows the contract's error and keeps the form", async () => {
    await actAs(page, "alice");
    await go(page, "new");
    const form = page.getByRole("form", { name: "New proposal" });
    await form.getByLabel("Title").fill("Pay erin for the design work");
    await form.getByLabel("Description").fill("Second instalment of the design contract.");
    const action = form.getByTestId("action-treasury_spend");
    await action.getByLabel("Recipient").fill("neutron1notanaddress");
    await action.getByLabel("Amount").fill("25");
    await action.getByLabel("Memo").fill("design work");
    await form.getByRole("button", { name: "Submit proposal" }).click();
    const error = await expectText(form.getByRole("alert"), /./, "the error next to the form");
    assert.doesNotMatch(error, /^Error:|message index/, "the error is in plain words");
    // nothing typed is lost
    assert.equal(await form.getByLabel("Title").inputValue(), "Pay erin for the design work");
    assert.equal(await action.getByLabel("Amount").inputValue(), "25");
    assert.equal(await action.getByLabel("Memo").inputValue(), "design work");
  });

  await s.step(t, "alice proposes a treasury spend to erin, written out in words", async () => {
    const form = page.getByRole("form", { name: "New proposal" });
    const action = form.getByTestId("action-treasury_spend");
    await action.getByLabel("Recipient").fill("erin");
    await expectText(action.locator(".preview"), 'Pay 25 NTRN from the treasury to erin (memo: "design work").', "the action's preview");
    await form.getByRole("button", { name: "Submit proposal" }).click();
    await page.getByRole("heading", { name: /#1 Pay erin for the design work/ }).waitFor();
    proposalUrl = page.url();
    await expectText(page.getByTestId("actions"), 'Pay 25 NTRN from the treasury to erin (memo: "design work").', "the proposal's actions");
    await expectText(page.locator(".badge").first(), /open/i, "the status");
    await expectText(page.getByTestId("timeline"), /Voting ends in 3 days/, "the timeline");
  });

  const vote = async (member, choice, rationale) => {
    await actAs(page, member);
    const form = page.getByRole("form", { name: "Vote" });
    await form.getByRole("radio", { name: choice, exact: true }).check();
    await form.getByLabel(/Rationale/).fill(rationale);
    await form.getByRole("button", { name: "Cast vote" }).click();
    await expectText(page.getByTestId("votes"), new RegExp(`${member} \\(you\\) voted ${choice.toLowerCase()}`), "the votes");
  };

  await s.step(t, "three members vote with a rationale; the tally meets quorum and threshold", async () => {
    await vote("alice", "Yes", "Good work, pay it");
    await vote("bob", "Yes", "Agreed");
    await vote("carol", "No", "Too early for the second instalment");
    await expectText(page.getByTestId("votes"), /carol \(you\) voted no with 200 CMN\s*Too early for the second instalment/, "carol's ballot and rationale");
    const tally = page.getByTestId("tally");
    await expectText(tally, /Turnout\s*90%\s*needs 30%\s*met/, "the turnout against the quorum");
    await expectText(tally, /Yes\s*77\.8%\s*needs 50%\s*met/, "yes against the threshold");
  });

  await s.step(t, "once the vote is decided (after the minimum voting period) it waits out the timelock", async () => {
    // 90% voted, so the outcome is final as soon as the minimum voting period (1 day) is over
    await moveClock(page, 1);
    await expectText(page.locator(".badge").first(), /passed/i, "the status");
    await expectText(page.getByTestId("timeline"), /Timelock: executable in (2 days|1 day 23 hours)/, "the timelock countdown");
    assert.equal(await page.getByRole("button", { name: "Execute" }).isDisabled(), true, "execute waits for the timelock");
  });

  await s.step(t, "after the timelock anyone executes it", async () => {
    await moveClock(page, 2);
    await actAs(page, "dave");
    await expectText(page.getByTestId("timeline"), /executable now/, "the timeline");
    await page.getByRole("button", { name: "Execute" }).click();
    await expectText(page.locator(".badge").first(), /executed/i, "the status");
  });

  await s.step(t, "erin is paid and the ledger shows the spend", async () => {
    await actAs(page, "erin");
    await expectText(page.getByTestId("account-summary"), /^25 NTRN/, "erin's balance");
    await go(page, "overview");
    await expectText(page.getByTestId("ledger"), /out \(vote\)\s+−25 NTRN\s+erin \(you\)\s+design work/, "the ledger's spend");
    await expectText(page.getByTestId("balances"), "975 NTRN", "the treasury balance");
    await expectText(page.getByTestId("limits"), /25 NTRN\s+175\s*NTRN/, "spent and left in the window");
  });

  let reward = 0;
  await s.step(t, "when the reward period is over, alice claims her voting reward as a vesting grant", async () => {
    await moveClock(page, 7);
    await actAs(page, "alice");
    await go(page, "rewards");
    const row = page.getByTestId("reward-1");
    const text = await expectText(row, /CMN pending/, "the pending reward of proposal 1");
    reward = amountIn(text, "CMN");
    assert.ok(reward > 0, `a reward: ${text}`);
    const form = page.getByRole("form", { name: "Claim voting rewards" });
    await form.getByRole("button", { name: /^Claim / }).click();
    await expectIncluded(form, "the claim");
    await expectText(page.getByTestId("grant-1"), new RegExp(`#1\\s+${reward} CMN\\s+0 CMN\\s+0 CMN\\s+Cliff ends in 7 days`), "the new grant");
    await expectText(row, /already claimed|claimed/i, "the claimed reward");
    await expectText(page.getByTestId("rewards-chart"), "Rewards per period", "the rewards chart");
  });

  await s.step(t, "half-way through the vesting, alice claims what has vested", async () => {
    await moveClock(page, 14);
    const summary = await expectText(page.getByTestId("vested-summary"), /Vested so far: [\d.]+ CMN/, "the vested summary");
    const vested = amountIn(summary, "CMN");
    assert.ok(vested > 0 && vested < reward, `half-way, part of ${reward} has vested: ${summary}`);
    const before = amountIn(await page.getByTestId("account-summary").innerText(), "CMN");
    await page.getByRole("button", { name: "Claim vested tokens" }).click();
    await expectIncluded(page.getByTestId("grants"), "the vested claim");
    await expectText(page.getByTestId("grant-1"), new RegExp(`#1\\s+${reward} CMN\\s+${vested} CMN\\s+${vested} CMN`), "the grant after the claim");
    await expectText(page.getByTestId("account-summary"), `${(before + vested).toLocaleString("en-US", { maximumFractionDigits: 6 })} CMN`, "alice's CMN balance");
  });

  await s.step(t, "the proposal list charts turnout against the quorum", async () => {
    await go(page, "proposals");
    await expectText(page.getByTestId("proposal-list"), /Pay erin for the design work\s+executed\s+90%/i, "the list");
    await page.getByTestId("turnout-chart").getByText("Numbers").click();
    await expectText(page.getByTestId("turnout-chart"), /#1\s+90%\s+30%/, "the turnout chart's numbers");
    assert.ok(proposalUrl.includes("#/proposals/1"));
  });
});

test("the page logged no error along the way", () => {
  assert.deepEqual(story.errors, []);
});

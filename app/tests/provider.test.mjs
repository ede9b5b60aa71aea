// The provider story in playground mode: a provider registers and stakes, the DAO funds a job
// for it by proposal, the provider accepts it, reports usage, waits out the challenge period
// and claims; the fee lands in the treasury's ledger. Then a client's own job: create and fund
// one, cancel another before acceptance, approve reported usage.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { actAs, amountIn, expectIncluded, expectText, go, moveClock, openPlayground } from "./harness.mjs";

let story;
before(async () => {
  story = await openPlayground("provider");
});
after(async () => {
  await story?.close();
});

test("provider story", async (t) => {
  const s = story;
  const page = s.page;

  await s.step(t, "orbit registers as a provider with a 50 NTRN stake", async () => {
    await actAs(page, "orbit");
    await go(page, "provider");
    const form = page.getByRole("form", { name: "Register as a provider" });
    await form.getByLabel("Name").fill("Orbit GPU");
    await form.getByLabel("Endpoint").fill("https://orbit.example/api");
    await form.getByLabel("Hardware").fill("8x H100");
    await form.getByLabel("Region").fill("eu-west");
    assert.equal(await form.getByLabel(/^Stake/).inputValue(), "50", "the minimum stake is proposed");
    await form.getByRole("button", { name: "Register and stake" }).click();
    await expectText(page.getByTestId("provider-record"), /Orbit GPU \(8x H100, eu-west\)[\s\S]*bonded[\s\S]*Stake: 50 NTRN/i, "the provider record");
    await expectText(page.getByTestId("account-summary"), /^450 NTRN/, "orbit's balance after staking");
  });

  await s.step(t, "alice proposes that the treasury fund a job for orbit", async () => {
    await actAs(page, "alice");
    await go(page, "new");
    const form = page.getByRole("form", { name: "New proposal" });
    await form.getByLabel("Title").fill("Render the annual report on orbit");
    await form.getByLabel("Action to add").selectOption("escrow_create_job");
    await form.getByRole("button", { name: "Add action" }).click();
    await form.getByTestId("action-treasury_spend").getByRole("button", { name: "Remove this action" }).click();
    const job = form.getByTestId("action-escrow_create_job");
    await job.getByLabel(/^Provider/).fill("orbit");
    await job.getByLabel("Spec URI").fill("ipfs://render-job.json");
    await job.getByLabel("Spec hash").fill("sha256:9f86d081884c7d65");
    await job.getByLabel("Price per unit").fill("0.5");
    await job.getByLabel("Units").fill("100");
    await expectText(job.locator(".preview"), /Fund a compute job from the treasury: 100 units at 0\.5 NTRN each \(50 NTRN escrowed\) for orbit/, "the action's preview");
    await form.getByRole("button", { name: "Submit proposal" }).click();
    await page.getByRole("heading", { name: /#1 Render the annual report on orbit/ }).waitFor();
    await expectText(page.getByTestId("actions"), /100 units at 0\.5 NTRN each \(50 NTRN escrowed\) for orbit, to be accepted by/, "the proposal's action in words");
  });

  await s.step(t, "members pass it and anyone executes it after the timelock", async () => {
    for (const member of ["alice", "bob"]) {
      await actAs(page, member);
      const form = page.getByRole("form", { name: "Vote" });
      await form.getByRole("radio", { name: "Yes", exact: true }).check();
      await form.getByLabel(/Rationale/).fill("We need the report rendered");
      await form.getByRole("button", { name: "Cast vote" }).click();
      await expectText(page.getByTestId("votes"), new RegExp(`${member} \\(you\\) voted yes`), "the votes");
    }
    await moveClock(page, 1);
    await expectText(page.getByTestId("timeline"), /Timelock: executable in/, "the timelock");
    await moveClock(page, 2);
    await page.getByRole("button", { name: "Execute" }).click();
    await expectText(page.locator(".badge").first(), /executed/i, "the status");
    await go(page, "overview");
    await expectText(page.getByTestId("ledger"), /out \(vote\)\s+−50 NTRN\s+the escrow/, "the treasury's ledger");
  });

  await s.step(t, "orbit accepts the job reserved for it", async () => {
    await actAs(page, "orbit");
    await go(page, "provider");
    const offer = page.getByTestId("open-job-1");
    await expectText(offer, /Job #1 reserved for orbit \(you\)[\s\S]*100 units at 0\.5 NTRN \(50 NTRN escrowed\) for governance/, "the open job");
    await offer.getByRole("button", { name: "Accept job #1" }).click();
    await expectText(page.getByTestId("provider-job-1"), /Job #1\s*running/i, "the accepted job");
    await expectText(page.getByTestId("open-jobs"), "No job is waiting for a provider.", "the open jobs");
  });

  await s.step(t, "orbit reports 80 units; they are payable after the 7-day challenge period", async () => {
    const form = page.getByRole("form", { name: "Report usage of job 1" });
    await form.getByLabel(/Units used so far/).fill("80");
    await form.getByLabel(/Proof/).fill("ipfs://metering-1.json");
    await form.getByRole("button", { name: "Report usage" }).click();
    await expectText(page.getByTestId("usage-1"), /Reported 80 of 100 units · payable 0[\s\S]*80 units become payable in (7 days|6 days 23 hours)/, "the job's usage");
    await expectText(page.getByTestId("claimable"), "Nothing is payable yet", "what is payable");
  });

  await s.step(t, "after the challenge period orbit claims 39.6 NTRN; the 0.4 NTRN fee goes to the treasury", async () => {
    await moveClock(page, 7);
    const claimable = page.getByTestId("claimable");
    await expectText(claimable, "Job #1: 39.6 NTRN to you (40 NTRN less a 0.4 NTRN fee)", "what is payable");
    const before = amountIn(await page.getByTestId("account-summary").innerText(), "NTRN");
    await claimable.getByRole("button", { name: "Claim payments" }).click();
    await expectIncluded(claimable, "the claim");
    await expectText(page.getByTestId("account-summary"), `${(before + 39.6).toFixed(1)} NTRN`, "orbit's balance");
    await expectText(page.getByTestId("usage-1"), /claimed 80/, "the job's usage");
    await expectText(page.getByTestId("provider-earnings-chart"), "Earnings per week", "the earnings chart");
    await page.getByTestId("provider-earnings-chart").getByText("Numbers").click();
    await expectText(page.getByTestId("provider-earnings-chart"), /39\.6/, "the earnings chart's numbers");
  });

  await s.step(t, "the fee is in the treasury's balance and ledger", async () => {
    await go(page, "overview");
    await expectText(page.getByTestId("ledger"), /in\s+\+0\.4 NTRN\s+the escrow\s+escrow job 1: fee/, "the fee in the ledger");
    await expectText(page.getByTestId("balances"), "950.4 NTRN", "the treasury balance");
  });
});

test("client story", async (t) => {
  const s = story;
  const page = s.page;
  const create = async (units) => {
    const form = page.getByRole("form", { name: "Create and fund a job" });
    await form.getByLabel(/^Provider/).fill("orbit");
    await form.getByLabel("Spec URI").fill(`ipfs://train-${units}.json`);
    await form.getByLabel(/^Price per unit/).fill("1");
    await form.getByLabel("Units").fill(String(units));
    await expectText(form, `You escrow ${units} NTRN now`, "the amount to escrow");
    await form.getByRole("button", { name: "Create and fund job" }).click();
    await expectIncluded(form, "creating the job");
  };

  await s.step(t, "lab funds two jobs for orbit and cancels one before it is accepted", async () => {
    await actAs(page, "lab");
    await go(page, "client");
    await create(10);
    await create(20);
    await expectText(page.getByTestId("client-job-3"), /Job #3\s*open/i, "the second job");
    await page.getByTestId("client-job-3").getByRole("button", { name: "Cancel job #3" }).click();
    await expectText(page.getByTestId("client-job-3"), /Job #3\s*cancelled[\s\S]*Balance held: 0 NTRN/i, "the cancelled job");
    await expectText(page.getByTestId("account-summary"), /^490 NTRN/, "lab's balance: the cancelled job refunded");
  });

  await s.step(t, "orbit accepts and reports; lab approves the usage, which is payable at once", async () => {
    await actAs(page, "orbit");
    await go(page, "provider");
    await page.getByTestId("open-job-2").getByRole("button", { name: "Accept job #2" }).click();
    const form = page.getByRole("form", { name: "Report usage of job 2" });
    await form.getByLabel(/Units used so far/).fill("6");
    await form.getByRole("button", { name: "Report usage" }).click();
    await expectText(page.getByTestId("usage-2"), /Reported 6 of 10 units/, "the report");
    await actAs(page, "lab");
    await go(page, "client");
    const job = page.getByTestId("client-job-2");
    await job.getByRole("button", { name: "Approve usage of job #2" }).click();
    await expectText(job, /payable 6/, "the approved usage");
    await actAs(page, "orbit");
    await go(page, "provider");
    await expectText(page.getByTestId("claimable"), "Job #2: 5.94 NTRN to you (6 NTRN less a 0.06 NTRN fee)", "what is payable");
  });

  await s.step(t, "lab disputes the units still in their challenge period; they wait for governance's ruling", async () => {
    await actAs(page, "orbit");
    const report = page.getByRole("form", { name: "Report usage of job 2" });
    await report.getByLabel(/Units used so far/).fill("9");
    await report.getByRole("button", { name: "Report usage" }).click();
    await expectText(page.getByTestId("usage-2"), /Reported 9 of 10 units/, "the second report");
    await actAs(page, "lab");
    await go(page, "client");
    const dispute = page.getByRole("form", { name: "Dispute job 2" });
    await dispute.getByLabel("Reason for the dispute").fill("our metering shows 7 units, not 9");
    await dispute.getByRole("button", { name: "Dispute usage" }).click();
    await expectText(page.getByTestId("client-job-2"), /Job #2\s*disputed[\s\S]*payable 6[\s\S]*disputed 3/i, "the disputed job");
  });
});

test("the page logged no error along the way", () => {
  assert.deepEqual(story.errors, []);
});

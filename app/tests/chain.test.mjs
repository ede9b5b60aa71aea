// Chain mode's connection form, without a chain (none can run here): it reads the deployment
// file, refuses one for another chain, and says so when the browser has no Keplr-compatible
// wallet, keeping what was typed.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { expectText, openApp } from "./harness.mjs";

const deployment = (chainId) => ({
  chainId,
  deployer: "neutron1deployer",
  codes: {},
  contracts: { governance: "neutron1gov", token: "neutron1token", treasury: "neutron1treasury", escrow: "neutron1escrow" },
  transactions: { instantiate: "AB", updateAdmin: "CD", store: {} },
  warnings: [],
});

let story;
before(async () => {
  story = await openApp("chain", "?mode=chain");
});
after(async () => {
  await story?.close();
});

test("chain mode connection", async (t) => {
  const s = story;
  const page = s.page;
  const form = page.getByRole("form", { name: "Connect to a chain" });

  await s.step(t, "without a deployment file served for the chain id, it asks for the file", async () => {
    await form.getByLabel("RPC endpoint").fill("https://rpc.pion.example:443");
    await form.getByLabel("Chain id").fill("pion-1");
    await form.getByRole("button", { name: "Connect wallet" }).click();
    await expectText(form.getByRole("alert"), "No deployments/pion-1.json is served here: choose the file the deploy command wrote.", "the error");
  });

  await s.step(t, "a deployment file of another chain is refused", async () => {
    await form.getByLabel(/Deployment file/).setInputFiles({ name: "neutron-1.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(deployment("neutron-1"))) });
    await form.getByRole("button", { name: "Connect wallet" }).click();
    await expectText(form.getByRole("alert"), "The deployment file is for chain neutron-1, not pion-1.", "the error");
  });

  await s.step(t, "with the right file but no wallet, it says a Keplr-compatible wallet is needed and keeps the form", async () => {
    await form.getByLabel(/Deployment file/).setInputFiles({ name: "pion-1.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(deployment("pion-1"))) });
    await form.getByRole("button", { name: "Connect wallet" }).click();
    await expectText(form.getByRole("alert"), "No Keplr-compatible wallet was found in this browser: install Keplr (or a wallet with its API) and reload.", "the error");
    assert.equal(await form.getByLabel("RPC endpoint").inputValue(), "https://rpc.pion.example:443");
    assert.equal(await form.getByLabel("Chain id").inputValue(), "pion-1");
  });
});

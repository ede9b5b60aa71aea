/** The deploy library and command: reuse of stored codes, the role check, the dry run. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { deploy, plan, readArtifacts, verifyRoles, writeDeployment, type Deployment } from "../src/deploy/index";
import { ROOT } from "./docs-blocks";
import { largeReplyIds } from "./sim";
import { deploySuite, readmeBootstrap } from "./suite";

const CLI = join(__dirname, "../src/deploy/cli.js");

describe("deploy", () => {
  it("stores each code once: a second deploy reuses the codes the chain holds by checksum", async () => {
    const s = await deploySuite();
    assert.ok(Object.values(s.deployment.codes).every((c) => c.stored));
    const again = await deploy(s.sim.deployClient(), {
      sender: s.names.deployer,
      artifacts: readArtifacts(join(ROOT, "artifacts")),
      config: readmeBootstrap({ member: s.names.alice, "security council": s.names.guardian }),
    });
    assert.deepEqual(
      Object.values(again.codes).map((c) => [c.codeId, c.stored]),
      Object.values(s.deployment.codes).map((c) => [c.codeId, false]),
    );
    assert.notEqual(again.contracts.governance, s.deployment.contracts.governance);
    assert.deepEqual(again.transactions.store, {});
  });

  it("writes deployments/<chain-id>.json with code ids, addresses and checksums", async () => {
    const s = await deploySuite();
    const dir = mkdtempSync(join(tmpdir(), "commons-deployments-"));
    const path = writeDeployment(dir, s.deployment);
    assert.equal(path, join(dir, "commons-sim-1.json"));
    const written = JSON.parse(readFileSync(path, "utf8")) as Deployment;
    assert.deepEqual(written.contracts, s.deployment.contracts);
    const sums = readFileSync(join(ROOT, "artifacts/checksums.txt"), "utf8");
    for (const [crate, code] of Object.entries(written.codes)) assert.ok(sums.includes(`${code.checksum}  ${crate}.wasm`), crate);
  });

  it("fails loudly, naming the role, when governance does not hold one", async () => {
    const s = await deploySuite();
    const { contracts } = s.deployment;
    await verifyRoles(s.sim.deployClient(), contracts);
    // governance, the token's admin, hands that role to someone else
    const wasm = s.sim.client.app.wasm as unknown as { handleMsg(sender: string, msg: object): Promise<{ err: boolean }> };
    const moved = await wasm.handleMsg(contracts.governance, { update_admin: { contract_addr: contracts.token, admin: s.names.alice } });
    assert.equal(moved.err, false);
    await assert.rejects(verifyRoles(s.sim.deployClient(), contracts), (e: Error) => {
      assert.match(e.message, /token wasm admin is "neutron1\w+", expected neutron1\w+/);
      assert.doesNotMatch(e.message, /minter|owner|arbiter/);
      return true;
    });
    // and a treasury that governance does not own is named as such
    await assert.rejects(verifyRoles(s.sim.deployClient(), { ...contracts, treasury: contracts.escrow }), /treasury owner/);
  });

  it("plans the messages of a dry run: stores only what the chain lacks", () => {
    const artifacts = readArtifacts(join(ROOT, "artifacts"));
    const config = readmeBootstrap({});
    const empty = plan({ sender: "deployer", artifacts, config });
    assert.deepEqual(empty.map((m) => m.typeUrl.split(".").pop()), ["MsgStoreCode", "MsgStoreCode", "MsgStoreCode", "MsgStoreCode", "MsgInstantiateContract", "MsgUpdateAdmin"]);
    const held = artifacts.map((a, i) => ({ id: 10 + i, checksum: a.checksum.toUpperCase() }));
    const some = plan({ sender: "deployer", artifacts, config }, held);
    assert.deepEqual(some.map((m) => m.typeUrl.split(".").pop()), ["MsgInstantiateContract", "MsgUpdateAdmin"]);
    const suite = (some[0]!.value.msg as { suite: Record<string, unknown> }).suite;
    assert.deepEqual([suite.token_code_id, suite.treasury_code_id, suite.escrow_code_id, some[0]!.value.codeId], [10, 11, 13, 12]);
  });

  it("the command's --dry-run prints the messages and sends nothing; missing settings are refused", () => {
    const dir = mkdtempSync(join(tmpdir(), "commons-deploy-cli-"));
    const config = join(dir, "instantiate.json");
    writeFileSync(config, JSON.stringify(readmeBootstrap({})));
    const env = { ...process.env, COMMONS_MNEMONIC: "", COMMONS_RPC: "" };
    const dry = spawnSync(process.execPath, [CLI, "--dry-run", "--config", config, "--artifacts", join(ROOT, "artifacts"), "--sender", "neutron1deployer"], { encoding: "utf8", env });
    assert.equal(dry.status, 0, dry.stderr);
    const messages = JSON.parse(dry.stdout) as { typeUrl: string; value: { sender: string } }[];
    assert.equal(messages.length, 6);
    assert.ok(messages.every((m) => m.value.sender === "neutron1deployer"));
    const real = spawnSync(process.execPath, [CLI, "--config", config, "--artifacts", join(ROOT, "artifacts")], { encoding: "utf8", env });
    assert.equal(real.status, 2);
    assert.match(real.stderr, /--rpc \(or COMMONS_RPC\) is required/);
  });

  it("SPEC: reply ids stay below 2^53, so simulators and indexers read them exactly", async () => {
    await deploySuite();
    assert.deepEqual(largeReplyIds, [], `reply ids at or above 2^53 were used (the simulator would misread them without the harness): ${[...new Set(largeReplyIds)].join(", ")}`);
  });
});

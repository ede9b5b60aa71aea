/** The event readers on hand-made events, in the shapes cosmjs reports them. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as ev from "../src/events";
import { decodeHook, escrowSend, treasuryDeposit } from "../src/hooks";

const wasm = (contract: string, ...pairs: [string, string][]) => ({
  type: "wasm",
  attributes: [{ key: "_contract_address", value: contract }, ...pairs.map(([key, value]) => ({ key, value })), { key: "msg_index", value: "0" }],
});

describe("events", () => {
  it("reads money in both asset kinds, splitting at the first colon", () => {
    assert.deepEqual(ev.parseMoney("1500:native:untrn"), { amount: 1500n, asset: { native: "untrn" } });
    assert.deepEqual(ev.parseMoney("20:cw20:neutron1abc"), { amount: 20n, asset: { cw20: "neutron1abc" } });
    assert.deepEqual(ev.parseMoney("7:native:ibc/27394FB0"), { amount: 7n, asset: { native: "ibc/27394FB0" } });
    assert.throws(() => ev.parseMoney("1500"), /not money/);
    assert.throws(() => ev.parseMoney("1:erc20:x"), /unknown asset kind/);
  });

  it("pairs each paid job with its gross, fee and net, in order", () => {
    const tx = {
      events: [
        wasm("escrow", ["action", "claim_payments"], ["provider", "p"], ["job_id", "3"], ["gross", "100:native:u"], ["fee", "1:native:u"], ["net", "99:native:u"], ["job_id", "5"], ["gross", "10:native:u"], ["fee", "1:native:u"], ["net", "9:native:u"]),
      ],
    };
    const paid = ev.paymentsClaimed(tx);
    assert.equal(paid.provider, "p");
    assert.deepEqual(paid.jobs.map((j) => [j.jobId, j.gross.amount, j.fee.amount, j.net.amount]), [[3, 100n, 1n, 99n], [5, 10n, 1n, 9n]]);
  });

  it("filters by contract and action, and splits merged actions", () => {
    const tx = {
      events: [
        wasm("treasury", ["action", "deposit"], ["ledger_id", "4"], ["asset", "5:native:a"], ["ledger_id", "5"], ["asset", "6:native:b"], ["from", "x"]),
        wasm("other", ["action", "deposit"], ["ledger_id", "9"], ["asset", "1:native:a"], ["from", "y"]),
        wasm("escrow", ["action", "create_job"], ["job_id", "8"], ["client", "c"], ["escrowed", "50:native:a"], ["action", "top_up"], ["job_id", "8"], ["units", "2"], ["escrowed", "10:native:a"]),
      ],
    };
    assert.deepEqual(ev.ledgerMovements(tx, "treasury").map((m) => [m.ledgerId, m.asset.amount, m.counterparty]), [[4, 5n, "x"], [5, 6n, "x"]]);
    assert.equal(ev.ledgerMovements(tx).length, 3);
    assert.equal(ev.jobId(tx, "escrow"), 8);
    assert.equal(ev.theAction(tx, "top_up").need("units"), "2");
    assert.throws(() => ev.proposalId(tx), /expected one `propose` event, found 0/);
  });

  it("builds cw20 sends whose msg is the base64 of the typed payload", () => {
    const deposit = treasuryDeposit("treasury", 5n);
    assert.deepEqual([deposit.send.contract, deposit.send.amount], ["treasury", "5"]);
    assert.deepEqual(decodeHook(deposit.send.msg), { deposit: {} });
    const topUp = escrowSend("escrow", "200", { top_up: { job_id: 3 } });
    assert.equal(topUp.send.msg, Buffer.from('{"top_up":{"job_id":3}}').toString("base64"));
    assert.throws(() => escrowSend("escrow", -1, { add_stake: {} }), /not a whole non-negative amount/);
  });
});

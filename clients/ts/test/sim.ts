/**
 * The test chain: the real artifacts in @oraichain/cw-simulate through the package's simulator
 * module (src/simulator.ts, shared with the web app's playground), with Node's sha256 for the
 * test accounts' addresses.
 */
import { createHash } from "node:crypto";
import { Simulator } from "../src/simulator";

export { DENOM, largeReplyIds } from "../src/simulator";

export class Sim extends Simulator {
  constructor(chainId = "commons-sim-1", prefix = "neutron") {
    super({ chainId, prefix, sha256: (data) => new Uint8Array(createHash("sha256").update(data).digest()) });
  }
}

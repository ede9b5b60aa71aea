/**
 * `node:crypto` as the deploy library uses it (`createHash("sha256")` for artifact checksums),
 * on @cosmjs/crypto's synchronous sha256, so the library bundles for the browser.
 */
import { sha256 } from "@cosmjs/crypto";
import { toHex } from "@cosmjs/encoding";

export function createHash(algorithm: string) {
  if (algorithm !== "sha256") throw new Error(`only sha256 is available in the browser, not ${algorithm}`);
  const parts: Uint8Array[] = [];
  const hash = {
    update(data: Uint8Array | string) {
      parts.push(typeof data === "string" ? new TextEncoder().encode(data) : data);
      return hash;
    },
    digest(encoding?: "hex") {
      const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) {
        all.set(p, at);
        at += p.length;
      }
      const out = sha256(all);
      return encoding === "hex" ? toHex(out) : out;
    },
  };
  return hash;
}

export default { createHash };

/**
 * Every example in README.md and docs/*.md, checked against the generated types:
 * - each ```json <type> block is compiled as a value of that type (`tsc --strict`, so a
 *   misspelt or missing field fails) and must hold no absolute time, which would go stale;
 * - each ```ts block is compiled against the package;
 * - README's "Use from TypeScript" example runs against the suite on the simulator.
 * tests/e2e/tests/docs.rs parses the same JSON blocks with the Rust types.
 */
import assert from "node:assert/strict";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { before, describe, it } from "node:test";
import * as ts from "typescript";
import { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { blocks, docFiles, type Block } from "./docs-blocks";
import { deploySuite } from "./suite";

/** Example tags (as docs.rs names them) and the generated type each one is. */
const TYPES: Record<string, string> = {
  "governance::InstantiateMsg": "Governance.InstantiateMsg",
  "governance::ExecuteMsg": "Governance.ExecuteMsg",
  "governance::ReceiveMsg": "Governance.ReceiveMsg",
  "governance::QueryMsg": "Governance.QueryMsg",
  "governance::ProposalAction": "Governance.ProposalAction",
  "reward_token::ExecuteMsg": "RewardToken.ExecuteMsg",
  "reward_token::QueryMsg": "RewardToken.QueryMsg",
  "treasury::ExecuteMsg": "Treasury.ExecuteMsg",
  "treasury::ReceiveMsg": "Treasury.ReceiveMsg",
  "treasury::QueryMsg": "Treasury.QueryMsg",
  "escrow::ExecuteMsg": "ComputeEscrow.ExecuteMsg",
  "escrow::ReceiveMsg": "ComputeEscrow.ReceiveMsg",
  "escrow::QueryMsg": "ComputeEscrow.QueryMsg",
};

/** The examples are compiled from here, inside dist/ so `../src/...` is the built package. */
const DIR = join(__dirname, "../docs-check");
const PACKAGE = "../src/index";

const where = (b: Block) => `${b.file}:${b.line}`;

/** A ```ts block as a module: imports of the package point at the build; the rest is the body of `example`. */
function tsModule(block: Block): { source: string; bodyLine: number } {
  const lines = block.body.split("\n");
  const imports = lines.filter((l) => l.startsWith("import "));
  const body = lines.filter((l) => !l.startsWith("import "));
  const head = [
    ...imports.map((l) => l.replace(/from "commons-client"/, `from "${PACKAGE}"`)),
    'import type { OfflineSigner } from "@cosmjs/proto-signing";',
    `import type { Deployment } from "${PACKAGE.replace("index", "deploy/index")}";`,
    // what the examples say they are given
    "export async function example(rpc: string, wallet: OfflineSigner, me: string, deployment: Deployment): Promise<void> {",
  ];
  return { source: [...head, ...body.map((l) => `  ${l}`), "}", ""].join("\n"), bodyLine: head.length + 1 };
}

describe("docs examples", () => {
  const json = docFiles().flatMap((f) => blocks(f, "json"));
  const tsBlocks = docFiles().flatMap((f) => blocks(f, "ts"));
  const files = new Map<string, { block: Block; firstLine: number }>();

  before(() => {
    rmSync(DIR, { recursive: true, force: true });
    mkdirSync(DIR, { recursive: true });
    const lines = ['import type * as Governance from "../src/generated/Governance.types";'];
    for (const c of ["RewardToken", "Treasury", "ComputeEscrow"]) lines.push(`import type * as ${c} from "../src/generated/${c}.types";`);
    json.forEach((block, i) => {
      files.set(`json:${i}`, { block, firstLine: lines.length + 1 });
      lines.push(`export const example${i}: ${TYPES[block.tag] ?? "never"} = ${block.body.trim()};`);
    });
    writeFileSync(join(DIR, "json-examples.ts"), lines.join("\n") + "\n");
    tsBlocks.forEach((block, i) => writeFileSync(join(DIR, `ts-example-${i}.ts`), tsModule(block).source));
  });

  it("tags every JSON example with a type the package has", () => {
    assert.ok(json.length >= 20, `only ${json.length} JSON examples found`);
    for (const block of json) assert.ok(block.tag in TYPES, `${where(block)}: unknown example type ${JSON.stringify(block.tag)}`);
  });

  it("writes no absolute time in an example (it would go stale)", () => {
    for (const block of json) {
      const stamp = block.body.match(/"\d{16,}"/);
      assert.equal(stamp, null, `${where(block)}: ${stamp?.[0]} is an absolute time; leave it out, or show the message in TypeScript with a time relative to now`);
    }
  });

  it("type-checks every JSON and TypeScript example against the generated types (strict)", () => {
    const config = ts.getParsedCommandLineOfConfigFile(join(__dirname, "../../tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    assert.ok(config);
    const roots = [join(DIR, "json-examples.ts"), ...tsBlocks.map((_, i) => join(DIR, `ts-example-${i}.ts`))];
    const program = ts.createProgram(roots, { ...config.options, noEmit: true, strict: true });
    const problems: string[] = [];
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const file = diagnostic.file;
      if (!file || !roots.includes(file.fileName)) continue; // the package's own errors are tsc's to report
      const { line } = file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
      let origin = relative(DIR, file.fileName);
      if (file.fileName.endsWith("json-examples.ts")) {
        const hit = [...files.values()].filter((f) => f.firstLine <= line + 1).pop();
        if (hit) origin = `${where(hit.block)} (${hit.block.tag})`;
      } else {
        const i = Number(file.fileName.match(/ts-example-(\d+)\.ts$/)![1]);
        origin = `${where(tsBlocks[i]!)} (ts)`;
      }
      problems.push(`${origin}: ${message}`);
    }
    assert.deepEqual(problems, []);
  });

  it("runs README's TypeScript example against the suite", async () => {
    const readme = blocks("README.md", "ts");
    assert.equal(readme.length, 1, "README.md should hold one TypeScript example");
    const source = tsModule(readme[0]!).source;
    const lines = readme[0]!.body.split("\n").filter((l) => l.trim() !== "");
    assert.ok(lines.length <= 12, `the README example has ${lines.length} lines`);
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    const path = join(DIR, "readme-example.js");
    writeFileSync(path, js);
    const s = await deploySuite();
    const printed: unknown[] = [];
    const connect = SigningCosmWasmClient.connectWithSigner;
    const log = console.log;
    // the example connects through cosmjs; here the "chain" is the simulator's cosmjs-style client
    (SigningCosmWasmClient as unknown as { connectWithSigner: unknown }).connectWithSigner = async () => s.sim.client;
    console.log = (...args: unknown[]) => printed.push(...args);
    try {
      const { example } = require(path) as { example: (...args: unknown[]) => Promise<void> };
      await example("http://localhost:26657", {}, s.names.bob, s.deployment);
    } finally {
      (SigningCosmWasmClient as unknown as { connectWithSigner: unknown }).connectWithSigner = connect;
      console.log = log;
    }
    assert.ok(printed.length > 0, "the example printed nothing");
    const movements = printed[0] as { action: string; counterparty: string }[];
    assert.deepEqual(movements.map((m) => [m.action, m.counterparty]), [["deposit", s.names.bob]]);
    const treasury = await s.treasury(s.names.bob).ledger({ limit: 1, reverse: true });
    assert.equal(treasury.entries[0]!.memo, "dues");
  });
});

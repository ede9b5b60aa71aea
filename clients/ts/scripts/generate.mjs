// Regenerates src/generated/ from ../../schema/<crate>.json with @cosmwasm/ts-codegen (default
// options, plus the message composers). The output is committed and scripts/check-ts.sh fails
// when it drifts from the schema, exactly like schema/ itself; rerun `npm run generate` after
// every schema change. Nothing here edits what ts-codegen writes.
//
// One input step of our own: the schema files carry the cw20 hook payloads of a contract as a
// top-level `receive` entry (see contracts/*/src/bin/schema.rs), which ts-codegen does not read.
// Each contract's schema is copied to a scratch directory with that entry added to
// `responses`, the one map of extra schemas ts-codegen compiles into `<Contract>.types.ts`, so
// the payloads become the `ReceiveMsg` type beside the other types, sharing their definitions.
// No query is named `receive`, so no client method picks it up as a return type.
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import codegen from '@cosmwasm/ts-codegen';

const here = dirname(fileURLToPath(import.meta.url));
const schemaDir = resolve(here, '../../../schema');
const outPath = resolve(here, '../src/generated');

const scratch = mkdtempSync(join(tmpdir(), 'commons-codegen-'));
const contracts = [];
try {
  for (const file of readdirSync(schemaDir).filter((f) => f.endsWith('.json')).sort()) {
    const idl = JSON.parse(readFileSync(join(schemaDir, file), 'utf8'));
    const name = idl.contract_name.replace(/^commons-/, '');
    if (idl.receive) {
      if (idl.responses?.receive) throw new Error(`${file}: a query named "receive" would clash`);
      idl.responses = { ...idl.responses, receive: idl.receive };
      delete idl.receive;
    }
    const dir = join(scratch, name);
    mkdirSync(dir);
    writeFileSync(join(dir, file), JSON.stringify(idl, null, 2));
    contracts.push({ name, dir });
  }
  // a clean directory, so a contract or a file that is gone does not linger
  rmSync(outPath, { recursive: true, force: true });
  // ts-codegen logs every file it writes; keep the drift check's output short
  const log = console.log;
  console.log = () => {};
  try {
    await codegen.default({ contracts, outPath, options: { messageComposer: { enabled: true } } });
  } finally {
    console.log = log;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`src/generated/ from ${contracts.map((c) => c.name).join(', ')}`);

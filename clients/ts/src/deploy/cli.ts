#!/usr/bin/env node
/**
 * `commons-deploy`: deploys the suite to a chain (see ./index.ts for what it does and checks).
 *
 * Secrets and endpoints come from flags or the environment, never from a file: the mnemonic is
 * read from COMMONS_MNEMONIC (or --mnemonic, which shell history keeps: prefer the variable).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { CosmWasmClient, SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { GasPrice } from "@cosmjs/stargate";
import { deploy, plan, readArtifacts, writeDeployment, type SuiteConfig } from "./index";

const USAGE = `usage: commons-deploy --config <instantiate.json> [options]

  --config FILE      governance's instantiate message with \`suite\` (code ids are filled in);
                     README.md § Deploying shows one
  --rpc URL          RPC endpoint                         (env COMMONS_RPC)
  --chain-id ID      expected chain id, checked           (env COMMONS_CHAIN_ID)
  --gas-price P      e.g. 0.025untrn                      (env COMMONS_GAS_PRICE)
  --prefix P         bech32 prefix of the deployer        (env COMMONS_PREFIX)
  --mnemonic WORDS   deployer's mnemonic                  (env COMMONS_MNEMONIC, preferred)
  --sender ADDR      deployer's address, for --dry-run without a mnemonic
  --artifacts DIR    default ./artifacts
  --out DIR          where <chain-id>.json goes; default ./deployments
  --label L          governance's label; default commons
  --dry-run          print the messages, send nothing (asks the RPC, if given, which codes exist)
`;

function fail(message: string): never {
  process.stderr.write(`commons-deploy: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      config: { type: "string" },
      rpc: { type: "string" },
      "chain-id": { type: "string" },
      "gas-price": { type: "string" },
      prefix: { type: "string" },
      mnemonic: { type: "string" },
      sender: { type: "string" },
      artifacts: { type: "string", default: "artifacts" },
      out: { type: "string", default: "deployments" },
      label: { type: "string", default: "commons" },
      "dry-run": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const env = process.env;
  const rpc = values.rpc ?? env.COMMONS_RPC;
  const chainId = values["chain-id"] ?? env.COMMONS_CHAIN_ID;
  const gasPrice = values["gas-price"] ?? env.COMMONS_GAS_PRICE;
  const prefix = values.prefix ?? env.COMMONS_PREFIX;
  const mnemonic = values.mnemonic ?? env.COMMONS_MNEMONIC;
  if (!values.config) fail(`--config is required\n${USAGE}`);
  const config = JSON.parse(readFileSync(resolve(values.config), "utf8")) as SuiteConfig;
  if (!config.suite) fail(`${values.config} has no \`suite\`: the deploy bootstraps the suite through governance`);
  const artifacts = readArtifacts(resolve(values.artifacts));

  let sender = values.sender;
  let wallet: DirectSecp256k1HdWallet | undefined;
  if (mnemonic) {
    if (!prefix) fail("--prefix (or COMMONS_PREFIX) is required with a mnemonic");
    wallet = await DirectSecp256k1HdWallet.fromMnemonic(mnemonic.trim(), { prefix });
    sender = (await wallet.getAccounts())[0]!.address;
  }

  if (values["dry-run"]) {
    // With an RPC, codes the chain already holds are shown as reused; without, as if empty.
    const existing = rpc ? await (await CosmWasmClient.connect(rpc)).getCodes() : [];
    const messages = plan({ sender: sender ?? "<deployer>", artifacts, config, label: values.label }, existing);
    process.stdout.write(JSON.stringify(messages, null, 2) + "\n");
    return;
  }

  if (!rpc) fail("--rpc (or COMMONS_RPC) is required");
  if (!chainId) fail("--chain-id (or COMMONS_CHAIN_ID) is required");
  if (!gasPrice) fail("--gas-price (or COMMONS_GAS_PRICE) is required, e.g. 0.025untrn");
  if (!wallet || !sender) fail("a mnemonic is required: set COMMONS_MNEMONIC");
  const client = await SigningCosmWasmClient.connectWithSigner(rpc, wallet, { gasPrice: GasPrice.fromString(gasPrice) });
  const actual = await client.getChainId();
  if (actual !== chainId) fail(`${rpc} serves chain ${actual}, not ${chainId}`);

  const deployment = await deploy(client, {
    sender,
    artifacts,
    config,
    label: values.label,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  const path = writeDeployment(resolve(values.out), deployment);
  process.stdout.write(`wrote ${path}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`commons-deploy: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

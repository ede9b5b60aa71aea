/**
 * Vite configuration of the Commons web app.
 *
 * - The deploy library (commons-client) imports `node:crypto`, `node:fs` and `node:path` for
 *   its command line; the playground only calls `deploy()`, so those imports resolve to small
 *   browser shims instead.
 * - The simulator and cosmjs read `Buffer` and `global`; `src/polyfills.ts` provides `Buffer`,
 *   `global` is mapped to `globalThis` here.
 * - In development, `/deployments/<chain-id>.json` is served from the repository's
 *   `deployments/` (where the deploy command writes), so chain mode finds the file by chain id.
 * - `COMMONS_RPC`, `COMMONS_CHAIN_ID` and `COMMONS_GAS_PRICE` (the deploy command's variables)
 *   prefill chain mode's form.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..");

function deploymentsFolder(): Plugin {
  return {
    name: "commons-deployments",
    configureServer(server) {
      server.middlewares.use("/deployments/", (req, res, next) => {
        const name = decodeURIComponent((req.url ?? "").replace(/^\//, "").split("?")[0] ?? "");
        // only plain file names: nothing outside deployments/ is served
        if (!/^[\w.-]+\.json$/.test(name)) return next();
        const path = join(repo, "deployments", name);
        if (!existsSync(path)) {
          res.statusCode = 404;
          res.end(`no ${name} in deployments/: run the deploy command first`);
          return;
        }
        res.setHeader("content-type", "application/json");
        res.end(readFileSync(path));
      });
    },
  };
}

export default defineConfig({
  plugins: [deploymentsFolder()],
  resolve: {
    alias: {
      "node:crypto": resolve(here, "src/shims/node-crypto.ts"),
      "node:fs": resolve(here, "src/shims/node-fs.ts"),
      "node:path": resolve(here, "src/shims/node-path.ts"),
    },
  },
  define: {
    global: "globalThis",
    __COMMONS_DEFAULTS__: JSON.stringify({
      rpc: process.env.COMMONS_RPC ?? "",
      chainId: process.env.COMMONS_CHAIN_ID ?? "",
      gasPrice: process.env.COMMONS_GAS_PRICE ?? "",
    }),
  },
  server: {
    // the artifacts live beside the app, in the repository's artifacts/
    fs: { allow: [repo] },
    host: "127.0.0.1",
  },
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 6000,
  },
});

import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const source = (name: string): string =>
  fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@sg/core": source("core"),
      "@sg/aws-adapter": source("aws-adapter"),
      "@sg/aws-emulator": source("aws-emulator"),
    },
  },
  test: {
    include: ["packages/*/test/**/*.test.ts", "examples/test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    execArgv: ["--openssl-legacy-provider"],
  },
});

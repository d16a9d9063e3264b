#!/usr/bin/env node
import { processIo } from "./cli/console-io.js";
import { main } from "./cli/main.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sg-tightener: ${String(error)}\n`);
    process.exitCode = 1;
  },
);

#!/usr/bin/env node
// node tests/conformance/llama/lock-add-platforms.mjs tests/conformance/package-lock.json
// Run after any `npm install` that rewrites the lock file.
// Adds lock entries for node-llama-cpp's optional per-platform binary packages that the npm
// registry mirror here does not serve (so `npm install` could not record them): without them
// `npm ci` refuses the lock file. They never install on linux-x64 (os/cpu mismatch).
import fs from "node:fs";
const file = process.argv[2];
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const nlc = lock.packages["node_modules/node-llama-cpp"];
const platform = {
  "linux-riscv64": [["linux"], ["riscv64"], ["glibc"]],
  "mac-arm64-metal": [["darwin"], ["arm64", "x64"]],
  "mac-x64": [["darwin"], ["x64"]],
  "win-arm64": [["win32"], ["arm64", "x64"]],
  "win-x64": [["win32"], ["x64"]],
  "win-x64-cuda": [["win32"], ["x64"]],
  "win-x64-cuda-ext": [["win32"], ["x64"]],
  "win-x64-vulkan": [["win32"], ["x64"]],
};
let added = 0;
for (const [name, version] of Object.entries(nlc.optionalDependencies)) {
  const key = `node_modules/${name}`;
  if (lock.packages[key]) continue;
  const p = platform[name.split("/")[1]];
  if (!p) throw new Error(`no platform known for ${name}`);
  lock.packages[key] = {version, cpu: p[1], ...(p[2] ? {libc: p[2]} : {}), license: "MIT", optional: true, os: p[0], engines: {node: ">=20.0.0"}};
  added++;
}
// keep npm's key order (sorted)
const sorted = {};
for (const k of Object.keys(lock.packages).sort((a, b) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0))) sorted[k] = lock.packages[k];
lock.packages = sorted;
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log("added", added);

// Loads a socketiwa:compile output with our CSP-safe loader and runs the app's main (no sockets).
// Usage: node --disallow-code-generation-from-strings run-main.mjs <web dir>
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import path from "node:path";

const dir = path.resolve(process.argv[2]);
const { loadTeaVM } = await import(pathToFileURL(path.join(dir, "socketiwa-loader.mjs")).href);
const jsBodies = (await import(pathToFileURL(path.join(dir, "socketiwa-jsbodies.mjs")).href)).default;
try {
  const app = await loadTeaVM(await readFile(path.join(dir, "app.wasm")), { jsBodies });
  app.exports.main([]);
} catch (e) {
  console.log("failed: " + (e?.message ?? e));
  process.exit(1);
}

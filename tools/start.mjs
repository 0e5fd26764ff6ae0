// `npm start` (Firefox) and `npm run start:chromium`: serve the demo article and open a browser
// with the freshly built extension loaded, via web-ext. Extra arguments go to `web-ext run`.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { serve } from "./serve.mjs";

const target = process.argv[2] === "chromium" ? "chromium" : "firefox";
const passThrough = process.argv.slice(3);
// Chromium refuses to start as root unless its sandbox is off (containers, CI machines).
if (target === "chromium" && process.getuid?.() === 0 && !passThrough.includes("--arg=--no-sandbox")) passThrough.push("--arg=--no-sandbox");
const firstExisting = (paths) => paths.find((p) => existsSync(p));

const { server, url } = await serve("demo", Number(process.env.PORT ?? 8731));
console.log(`demo article at ${url}`);
const binary = target === "firefox"
  ? ["--target=firefox-desktop", ...(firstExisting(["/usr/bin/firefox-esr", "/usr/bin/firefox"]) ? [`--firefox=${firstExisting(["/usr/bin/firefox-esr", "/usr/bin/firefox"])}`] : [])]
  : ["--target=chromium", ...(firstExisting(["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]) ? [`--chromium-binary=${firstExisting(["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"])}`] : [])];
const child = spawn("npx", ["web-ext", "run", "--source-dir", `dist/${target === "firefox" ? "firefox" : "chrome"}`, ...binary, `--start-url=${url}`, "--no-input", ...passThrough], { stdio: "inherit" });
child.on("exit", (code) => {
  server.close();
  process.exit(code ?? 0);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));

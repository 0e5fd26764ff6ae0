// `npm start` (Firefox) and `npm run start:chromium`: build, serve the demo article and open a browser with the
// extension loaded, through web-ext's own API (in this process, so that stopping it stops the browser). One process
// from npm to the browser: a shell between them (`build && start`) would take npm's SIGTERM and leave this running.
// `--arg=X` (repeatable) passes X to the browser, e.g. `npm start -- --arg=--headless`; `--verbose` shows web-ext's log.
// Stops on Ctrl-C, SIGTERM or SIGHUP, and when the browser is closed: the browser goes, and its temporary profile
// with it (removed when this process exits normally; a signal's default action would end it before that).
import webExt from "web-ext";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { serve } from "./serve.mjs";

const target = process.argv[2] === "chromium" ? "chromium" : "firefox";
const options = process.argv.slice(3);
const unknown = options.filter((o) => !o.startsWith("--arg=") && o !== "--verbose");
if (unknown.length > 0) {
  console.error(`start: unknown option ${unknown.join(" ")}; use --arg=X to pass X to the browser, or --verbose`);
  process.exit(2);
}
const args = options.filter((o) => o.startsWith("--arg=")).map((o) => o.slice("--arg=".length));
// Chromium refuses to start as root unless its sandbox is off (containers, CI machines).
if (target === "chromium" && process.getuid?.() === 0 && !args.includes("--no-sandbox")) args.push("--no-sandbox");
const firstExisting = (paths) => paths.find((p) => existsSync(p));

const built = spawnSync(process.execPath, ["build.mjs"], { stdio: "inherit" });
if (built.status !== 0) process.exit(built.status ?? 1);

// Every temporary file of this run in one folder, removed on the way out: web-ext's Firefox profile, and what
// web-ext and Chromium leave in the temporary folder when Chromium is killed (its profile copy, its own folder).
const scratch = mkdtempSync(path.join(tmpdir(), "backstory-start-"));
process.env.TMPDIR = scratch;
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));

const { server, url } = await serve("demo", Number(process.env.PORT ?? 8731));
console.log(`demo article at ${url}`);
const runner = await webExt.cmd.run(
  {
    sourceDir: `dist/${target === "firefox" ? "firefox" : "chrome"}`,
    target: [target === "firefox" ? "firefox-desktop" : "chromium"],
    ...(target === "firefox"
      ? { firefox: firstExisting(["/usr/bin/firefox-esr", "/usr/bin/firefox"]) ?? "firefox" }
      : { chromiumBinary: firstExisting(["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]) }),
    startUrl: [url],
    args,
    noInput: true,
    verbose: options.includes("--verbose"),
  },
  { shouldExitProgram: false },
);
console.log(`${target} is running with Backstory; Ctrl-C or SIGTERM stops it`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  server.close();
  // Closing the browser runs web-ext's cleanup, which ends here.
  await runner.exit().catch(() => process.exit(0));
};
// The browser was closed, or stop() closed it: exit normally, so the temporary profile is removed.
runner.registerCleanup(() => {
  server.close();
  process.exit(0);
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => void stop());
// npm gone without passing its signal on (killed outright): this process is someone else's child now.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && void stop(), 1000).unref();

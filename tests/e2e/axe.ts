import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { TestPage } from "./browsers";

/** axe-core's script, evaluated into a page before a run. */
export const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's violations on an extension page, as "rule: target" lines. */
export async function axeViolations(page: TestPage): Promise<string[]> {
  await page.evaluateScript(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
  });
}

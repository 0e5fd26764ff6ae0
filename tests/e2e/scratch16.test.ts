import { it } from "vitest";
import path from "node:path";
import { OUTPUT } from "./browsers";
import { bringTo, cardRect, cardText, hasCard, openDemo, sleep } from "./page";

const name = (process.env.B ?? "chromium") as "chromium" | "firefox";
it("measure", async () => {
  for (const font of [16, 24]) {
    const demo = await openDemo(name, { defaultFontSize: font });
    const { page } = demo;
    for (const who of ["Sergei Lavrov", "Jens Stoltenberg", "Kremlin", "Vladimir Putin", "EU", "Heiko Maas", "UN General Assembly"]) {
      await page.mouseMove(2, 2); await page.press("Escape");
      const at = await bringTo(page, who, 200);
      await page.mouseMove(at.x, at.y);
      await page.waitFor(() => /Sources/.test(document.querySelector("backstory-card")?.shadowRoot?.textContent ?? ""), 5000);
      await sleep(200);
      const r = (await page.evaluate(cardRect))!;
      console.log(font, who, Math.round(r.right - r.left), Math.round(r.bottom - r.top));
      await page.screenshot(path.join("/tmp/scr16", `${name}-${font}-${who}.png`));
    }
    await demo.close();
  }
}, 120_000);

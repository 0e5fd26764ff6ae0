// Renders icons/icon.svg to the PNG sizes the manifests use. Run after editing the SVG:
// `npm run icons`; the PNGs are committed so a build needs no renderer.
import { Resvg } from "@resvg/resvg-js";
import { readFileSync, writeFileSync } from "node:fs";

const svg = readFileSync("icons/icon.svg", "utf8");
for (const size of [16, 32, 48, 128]) {
  const png = new Resvg(svg, { fitTo: { mode: "width", value: size } }).render().asPng();
  writeFileSync(`icons/icon-${size}.png`, png);
  console.log(`icons/icon-${size}.png ${png.length} bytes`);
}

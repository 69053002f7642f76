// Copies GOV.UK Frontend's precompiled CSS, JavaScript and images into Django's static files.
// We use the precompiled build (no Sass step) and never its fonts: the academy is not a GOV.UK
// service, so academy_site/static/academy/css/govuk-brand.css swaps in a system font stack, the
// academy's name and its own colours.
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "node_modules", "govuk-frontend", "dist", "govuk");
const target = join(root, "academy_site", "static", "vendor", "govuk-frontend");

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
// The source maps too: the minified files name them, and collectstatic's manifest storage
// refuses to finish when a referenced file is missing.
for (const file of [
  "govuk-frontend.min.css",
  "govuk-frontend.min.css.map",
  "govuk-frontend.min.js",
  "govuk-frontend.min.js.map",
]) {
  cpSync(join(source, file), join(target, file));
}
cpSync(join(source, "assets", "images"), join(target, "assets", "images"), { recursive: true });
console.log(`GOV.UK Frontend copied to ${target}`);

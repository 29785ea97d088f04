// The Tokens Studio build from the README: the tokens-studio export through @tokens-studio/sd-transforms
// and Style Dictionary 5, one CSS file per theme ($themes), each role one variable (--theme-primary).
//   node tokens_studio_build.mjs <name>.tokens-studio.json <out dir>
import { readFileSync } from "node:fs";
import StyleDictionary from "style-dictionary";
import { permutateThemes, register } from "@tokens-studio/sd-transforms";

register(StyleDictionary);
const [source, outDir = "build/tokens-studio"] = process.argv.slice(2);
const document = JSON.parse(readFileSync(source, "utf8"));
const themes = permutateThemes(document.$themes, { separator: "-" });
for (const [theme, sets] of Object.entries(themes)) {
  const sd = new StyleDictionary({
    tokens: Object.assign({}, ...sets.map((set) => document[set])),
    preprocessors: ["tokens-studio"],
    log: { warnings: "error", verbosity: "verbose" },
    platforms: {
      css: {
        transformGroup: "tokens-studio",
        transforms: ["name/kebab"],
        buildPath: `${outDir}/`,
        files: [{ destination: `${theme}.css`, format: "css/variables" }],
      },
    },
  });
  await sd.buildAllPlatforms();
}

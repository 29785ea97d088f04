"""The Style Dictionary 5 build shipped with the DTCG export: a Node script (ES module) that turns the
``.tokens.json`` file into CSS variables, Android resources and Swift constants, one build per theme.

What the built-in transform groups lack, it adds: shadows become one string (CSS shorthand) instead of
``[object Object]``; font families become a quoted CSS stack on the web and the first family's name, as a
string, on Android and iOS. Each theme's build reads the role values of that theme from the file's
``$extensions.mode``, so every role is one variable (``--theme-primary``) that the theme switches.
"""

import json

from .shapes import THEMES

_SCRIPT = r"""// __TITLE__
// Style Dictionary 5 build for the DTCG export (one build per theme).
//   npm install --save-dev style-dictionary@5
//   node <name>.style-dictionary.mjs <name>.tokens.json   (this file, then the dtcg export of the same design system)
// writes build/css/<theme>.css (import them all: each applies under its theme's selector and media
// query), build/android/<theme>/designforge.xml (light in res/values, dark in res/values-night) and
// build/ios/DesignForge<Theme>.swift.
import StyleDictionary from "style-dictionary";
import { formattedVariables } from "style-dictionary/utils";

const source = process.argv[2];
if (!source) {
  console.error("Give the design system's .tokens.json file: node <name>.style-dictionary.mjs <name>.tokens.json");
  process.exit(2);
}
const themes = __THEMES__;
const baseTheme = themes[0];
//: Where each theme applies: by data-theme, and by the reader's preferences when the page names none.
const selectors = __SELECTORS__;

const length = (d) => (typeof d === "object" ? `${d.value}${d.unit}` : String(d));
const rgba = (c) => {
  const [r, g, b] = c.components.map((x) => Math.round(x * 255));
  return `rgba(${r}, ${g}, ${b}, ${c.alpha ?? 1})`;
};
const shadowText = (layers) =>
  [].concat(layers)
    .map((l) => [l.inset ? "inset" : "", length(l.offsetX), length(l.offsetY), length(l.blur), length(l.spread),
                 rgba(l.color)].filter(Boolean).join(" "))
    .join(", ");
const swiftString = (text) => `"${String(text).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
const first = (value) =>
  Array.isArray(value) ? value[0] : String(value).split(",")[0].trim().replace(/^["']|["']$/g, "");
const isTheme = (token) => token.path[0] === "theme";

function themeValues(theme) {
  // Replaces every token's $value by the theme's entry of $extensions.mode, where it has one.
  const visit = (node) => {
    if (!node || typeof node !== "object") return;
    if ("$value" in node) {
      const mode = node.$extensions?.mode;
      if (mode && theme in mode) node.$value = mode[theme];
      return;
    }
    for (const [key, child] of Object.entries(node)) if (!key.startsWith("$")) visit(child);
  };
  return (dictionary) => {
    visit(dictionary);
    return dictionary;
  };
}

const hooks = {
  transforms: {
    "designforge/shadow/css": {
      type: "value", transitive: true, filter: (t) => t.$type === "shadow", transform: (t) => shadowText(t.$value),
    },
    "designforge/shadow/swift": {
      type: "value", transitive: true, filter: (t) => t.$type === "shadow",
      transform: (t) => swiftString(shadowText(t.$value)),
    },
    "designforge/fontFamily/name": {
      type: "value", filter: (t) => t.$type === "fontFamily", transform: (t) => first(t.$value),
    },
    "designforge/fontFamily/swift": {
      type: "value", filter: (t) => t.$type === "fontFamily", transform: (t) => swiftString(first(t.$value)),
    },
  },
  formats: {
    "designforge/css/theme": async ({ dictionary, options }) => {
      const body = formattedVariables({ format: "css", dictionary, outputReferences: false, usesDtcg: true });
      const indent = (text, pad) => text.split("\n").map((line) => pad + line).join("\n");
      return options.blocks
        .map(([media, selector]) => {
          const block = `${selector} {\n${body}\n}`;
          return media ? `@media ${media} {\n${indent(block, "  ")}\n}` : block;
        })
        .join("\n\n") + "\n";
    },
  },
};

const groups = StyleDictionary.hooks.transformGroups;
for (const theme of themes) {
  const onlyRoles = theme === baseTheme ? undefined : isTheme;
  const name = theme.replace(/(^|-)(\w)/g, (_, dash, letter) => letter.toUpperCase());
  const sd = new StyleDictionary({
    source: [source],
    preprocessors: [`designforge/theme/${theme}`],
    hooks: { ...hooks, preprocessors: { [`designforge/theme/${theme}`]: themeValues(theme) } },
    log: { verbosity: "default", warnings: "error" },
    platforms: {
      css: {
        transforms: [...groups.css.filter((t) => t !== "shadow/css/shorthand"), "designforge/shadow/css"],
        buildPath: "build/css/",
        files: [{ destination: `${theme}.css`, format: "designforge/css/theme", filter: onlyRoles,
                  options: { blocks: selectors[theme] } }],
      },
      android: {
        transforms: [...groups.android, "designforge/shadow/css", "designforge/fontFamily/name"],
        buildPath: `build/android/${theme}/`,
        files: [{ destination: "designforge.xml", format: "android/resources", filter: onlyRoles }],
      },
      ios: {
        transforms: [...groups["ios-swift"], "designforge/shadow/swift", "designforge/fontFamily/swift"],
        buildPath: "build/ios/",
        files: [{ destination: `DesignForge${name}.swift`, format: "ios-swift/class.swift", filter: onlyRoles,
                  options: { className: `DesignForge${name}` } }],
      },
    },
  });
  await sd.buildAllPlatforms();
}
"""

#: (media query or None, selector) blocks under which each theme's CSS variables apply.
_SELECTORS = {
    "light": [(None, ':root, [data-theme="light"]')],
    "dark": [("(prefers-color-scheme: dark)", ":root:not([data-theme])"), (None, '[data-theme="dark"]')],
    "light-high": [("(prefers-contrast: more)", ":root:not([data-theme])"), (None, '[data-theme="light-high"]')],
    "dark-high": [("(prefers-color-scheme: dark) and (prefers-contrast: more)", ":root:not([data-theme])"),
                  (None, '[data-theme="dark-high"]')],
}


def style_dictionary_build(tokens: dict, title: str) -> str:
    """The build script for the DTCG export of validated ``tokens`` (their themes, in order)."""
    themes = [theme for theme in THEMES if theme in tokens.get("themes", {})] or ["light"]
    selectors = {theme: _SELECTORS[theme] for theme in themes}
    return (_SCRIPT.replace("__TITLE__", title)
            .replace("__THEMES__", json.dumps(themes))
            .replace("__SELECTORS__", json.dumps(selectors)))

// Reads each stylesheet named on the command line with lightningcss and css-tree, as a browser would
// parse it (no minifying, no transpiling), and prints one JSON object: per file, every error and warning
// each tool gave. css-tree also matches every declaration and at-rule descriptor (@font-face, @property)
// against the CSS grammar, except custom properties and values with var(), which it cannot match.
import { readFileSync } from "node:fs";
import { transform } from "lightningcss";
import * as csstree from "css-tree";

const report = {};
for (const file of process.argv.slice(2)) {
  const code = readFileSync(file);
  const found = { lightningcss: { errors: [], warnings: [] }, csstree: { errors: [], warnings: [] } };
  try {
    const result = transform({ filename: file, code, minify: false, errorRecovery: false });
    found.lightningcss.warnings = result.warnings.map((w) => `${w.loc?.line}:${w.loc?.column} ${w.message}`);
  } catch (error) {
    found.lightningcss.errors.push(`${error.loc?.line}:${error.loc?.column} ${error.message}`);
  }
  const ast = csstree.parse(code.toString(), {
    positions: true,
    onParseError: (error) => found.csstree.errors.push(`${error.line}:${error.column} ${error.formattedMessage ?? error.message}`),
  });
  csstree.walk(ast, {
    visit: "Declaration",
    enter(node) {
      if (node.property.startsWith("--") || csstree.generate(node.value).includes("var(")) return;
      const atrule = this.atrule;
      const match = atrule && !this.rule
        ? csstree.lexer.matchAtruleDescriptor(atrule.name, node.property, node.value)
        : csstree.lexer.matchProperty(node.property, node.value);
      if (match.error) {
        const where = node.loc ? `${node.loc.start.line}:${node.loc.start.column}` : "?";
        found.csstree.warnings.push(`${where} ${node.property}: ${match.error.message.split("\n")[0]}`);
      }
    },
  });
  report[file] = found;
}
process.stdout.write(JSON.stringify(report));

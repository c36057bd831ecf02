// npm run import -- <folder or files…> --workspace <name or id> [--as <email>]
// Imports every .txt, .md, .html, .pdf and .docx file (folders are walked;
// README and LICENSE files are skipped) into a workspace, with a progress bar.
// Files whose text is already in the workspace are skipped, so it can be re-run.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { openAppDatabase } from "./lib/app-database";

const USAGE = "Usage: npm run import -- <folder or files…> --workspace <name or id> [--as <email>]";

function parseArguments(argv: string[]) {
  const paths: string[] = [];
  const options: Record<string, string> = {};
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (argument.startsWith("--")) options[argument.slice(2)] = argv[++index] ?? "";
    else paths.push(argument);
  }
  if (!paths.length || !options.workspace) throw new Error(USAGE);
  return { paths, workspace: options.workspace, as: options.as };
}

function collectFiles(paths: string[], isSupported: (name: string) => boolean): { files: string[]; skipped: string[] } {
  const files: string[] = [];
  const skipped: string[] = [];
  const visit = (target: string) => {
    const stats = statSync(target, { throwIfNoEntry: false });
    if (!stats) throw new Error(`${target} does not exist.`);
    if (stats.isDirectory())
      return readdirSync(target)
        .sort()
        .forEach((name) => visit(path.join(target, name)));
    const name = path.basename(target);
    if (/^(readme|license|licence)(\.|$)/i.test(name) || !isSupported(name)) skipped.push(name);
    else files.push(target);
  };
  paths.forEach(visit);
  return { files, skipped };
}

function progressBar(done: number, total: number, label: string): string {
  const width = 28;
  const filled = Math.round((done / Math.max(1, total)) * width);
  return `[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${done}/${total} ${label}`.slice(
    0,
    (process.stderr.columns || 100) - 1,
  );
}

async function main() {
  const args = parseArguments(process.argv.slice(2));
  const database = await openAppDatabase();
  process.env.DATABASE_URL = database.url;
  // Imported after DATABASE_URL is known: lib/db reads it on first use.
  const { db } = await import("../lib/db");
  const { createDocument } = await import("../lib/documents/create-document");
  const { formatOfFile } = await import("../lib/documents/import/extract-document");
  const { AppError } = await import("../lib/errors");
  try {
    const workspaces = await db.workspace.findMany({
      where: { OR: [{ id: args.workspace }, { name: { equals: args.workspace, mode: "insensitive" } }] },
    });
    if (workspaces.length !== 1) {
      const all = await db.workspace.findMany({ select: { name: true }, orderBy: { name: "asc" } });
      throw new Error(
        workspaces.length
          ? `Several workspaces are named "${args.workspace}"; pass the id instead.`
          : `No workspace is named "${args.workspace}". Workspaces: ${all.map((workspace) => `"${workspace.name}"`).join(", ") || "none"}.`,
      );
    }
    const workspace = workspaces[0]!;
    const membership = await db.membership.findFirst({
      where: {
        workspaceId: workspace.id,
        ...(args.as ? { user: { email: args.as.toLowerCase() } } : { role: "owner" }),
      },
      include: { user: true },
      orderBy: { createdAt: "asc" },
    });
    if (!membership)
      throw new Error(
        args.as
          ? `${args.as} is not a member of "${workspace.name}".`
          : `"${workspace.name}" has no owner to import as; pass --as <email>.`,
      );
    const actor = { id: membership.user.id, email: membership.user.email, name: membership.user.name };

    const { files, skipped } = collectFiles(args.paths, (name) => Boolean(formatOfFile({ name, type: "" })));
    console.log(
      `Importing ${files.length} file${files.length === 1 ? "" : "s"} into "${workspace.name}" as ${actor.email}${skipped.length ? ` (skipping ${skipped.join(", ")})` : ""}.`,
    );
    const outcome = { imported: [] as string[], duplicates: [] as string[], failed: [] as string[] };
    const isTty = process.stderr.isTTY;
    for (const [index, file] of files.entries()) {
      const name = path.basename(file);
      if (isTty) process.stderr.write(`\r${progressBar(index, files.length, name)}\x1b[K`);
      try {
        const source = { file: { name, type: "", bytes: new Uint8Array(readFileSync(file)) } };
        // The workspace's own rule: a text it already holds is refused (lib/documents/duplicates.ts).
        const document = await createDocument(actor, workspace.id, source);
        outcome.imported.push(`${name} → "${document.title}" (${document.length.toLocaleString("en")} characters)`);
      } catch (error) {
        if (error instanceof AppError && error.code === "duplicate") outcome.duplicates.push(name);
        else outcome.failed.push(`${name}: ${(error as Error).message}`);
      }
      if (!isTty) console.log(progressBar(index + 1, files.length, name));
    }
    if (isTty) process.stderr.write(`\r${progressBar(files.length, files.length, "done")}\x1b[K\n`);
    for (const line of outcome.imported) console.log(`  imported  ${line}`);
    for (const line of outcome.duplicates) console.log(`  skipped   ${line} (already in the workspace)`);
    for (const line of outcome.failed) console.log(`  FAILED    ${line}`);
    console.log(
      `${outcome.imported.length} imported, ${outcome.duplicates.length} already present, ${outcome.failed.length} failed.`,
    );
    process.exitCode = outcome.failed.length ? 1 : 0;
  } finally {
    await db.$disconnect();
    await database.close();
  }
}

main().catch((error) => {
  console.error((error as Error).message);
  process.exit(1);
});

import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { listAuditLog } from "@/lib/moderation/audit-log";
import { AUDIT_ACTIONS, auditLogQuerySchema } from "@/lib/validations/moderation";
import { loadWorkspaceForPage } from "../workspace-access";

export const metadata = { title: "Audit log" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default async function AuditLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { id } = await params;
  const { user, abilities } = await loadWorkspaceForPage(id);
  if (!abilities.canModerate)
    return <EmptyState title="Moderators only">The audit log records who did what, when and why.</EmptyState>;
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, value]) => value));
  const parsed = auditLogQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : auditLogQuerySchema.parse({});
  const entries = await listAuditLog(user, id, query);
  const csvQuery = new URLSearchParams({
    ...(query.action ? { action: query.action } : {}),
    ...(query.targetType ? { targetType: query.targetType } : {}),
    format: "csv",
    limit: "5000",
  });
  const select =
    "rounded-md border border-stone-300 bg-white px-2 py-2 text-sm dark:border-stone-700 dark:bg-stone-900";
  return (
    <div className="space-y-4">
      <form className="flex flex-wrap items-end gap-2" aria-label="Filter the audit log">
        <select name="action" defaultValue={query.action ?? ""} aria-label="Action" className={select}>
          <option value="">All actions</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </select>
        <select name="targetType" defaultValue={query.targetType ?? ""} aria-label="Item" className={select}>
          <option value="">All items</option>
          {["document", "annotation", "reply", "link", "member"].map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
        <button type="submit" className={buttonClass("secondary")}>
          Filter
        </button>
        <a
          href={`/api/v1/workspaces/${id}/audit-log?${csvQuery}`}
          className={`${buttonClass("secondary")} ml-auto`}
          download
        >
          Download CSV
        </a>
      </form>
      {entries.length ? (
        <table className="w-full text-left text-sm" data-testid="audit-log">
          <thead className="text-xs text-stone-500">
            <tr>
              <th className="p-2 font-medium">When (UTC)</th>
              <th className="p-2 font-medium">Who</th>
              <th className="p-2 font-medium">Did</th>
              <th className="p-2 font-medium">To</th>
              <th className="p-2 font-medium">Why</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} className="border-t border-stone-200 align-top dark:border-stone-800">
                <td className="p-2 whitespace-nowrap text-stone-500">{dateFormat.format(new Date(entry.createdAt))}</td>
                <td className="p-2">{entry.actor.name}</td>
                <td className="p-2 font-medium">{entry.action}</td>
                <td className="p-2 text-stone-600 dark:text-stone-400">
                  {entry.targetType}{" "}
                  {entry.target ?? <span className="font-mono text-xs">{entry.targetId.slice(-8)}</span>}
                </td>
                <td className="p-2">{entry.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <EmptyState title="Nothing recorded">
          Moderation and membership actions appear here with their reasons.
        </EmptyState>
      )}
    </div>
  );
}

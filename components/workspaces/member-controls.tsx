"use client";

import { useRouter } from "next/navigation";
import { useApiAction } from "@/components/ui/use-api-action";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api-fetch";
import { ROLES } from "./invite-member-form";

type Props = {
  workspaceId: string;
  userId: string;
  name: string;
  role: string;
  canManage: boolean;
  isSelf: boolean;
};

// Role select and remove/leave button for one member row.
export function MemberControls({ workspaceId, userId, name, role, canManage, isSelf }: Props) {
  const router = useRouter();
  const { error, isPending, run } = useApiAction();
  const url = `/api/v1/workspaces/${workspaceId}/members/${userId}`;

  async function changeRole(next: string) {
    const changed = await run(() => apiFetch(url, { method: "PATCH", body: { role: next } }));
    if (changed !== null) router.refresh();
  }

  async function remove() {
    const question = isSelf
      ? "Leave this workspace? You will lose access to it."
      : `Remove ${name} from this workspace?`;
    if (!window.confirm(question)) return;
    const removed = await run(() => apiFetch(url, { method: "DELETE" }));
    if (removed === null) return;
    if (isSelf) {
      router.push("/workspaces");
    }
    router.refresh();
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2">
        {canManage ? (
          <select
            aria-label={`Role of ${name}`}
            value={role}
            disabled={isPending}
            onChange={(event) => changeRole(event.target.value)}
            className="rounded-md border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-900"
          >
            {ROLES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        ) : (
          <span className="text-sm capitalize text-stone-600 dark:text-stone-400">{role}</span>
        )}
        {canManage || isSelf ? (
          <Button variant="danger" className="!px-2.5 !py-1" disabled={isPending} onClick={remove}>
            {isSelf ? "Leave" : "Remove"}
          </Button>
        ) : null}
      </div>
      {error ? (
        <p role="status" className="max-w-xs text-right text-xs text-red-600 dark:text-red-400">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}

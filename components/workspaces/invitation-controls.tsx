"use client";

import { useRouter } from "next/navigation";
import { useApiAction } from "@/components/ui/use-api-action";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api-fetch";

// An owner withdraws an invitation; its link stops working.
export function CancelInvitationButton({
  workspaceId,
  invitationId,
  email,
}: {
  workspaceId: string;
  invitationId: string;
  email: string;
}) {
  const router = useRouter();
  const { error, isPending, run } = useApiAction();
  async function cancel() {
    const done = await run(() =>
      apiFetch(`/api/v1/workspaces/${workspaceId}/invitations/${invitationId}`, { method: "DELETE" }),
    );
    if (done !== null) router.refresh();
  }
  return (
    <>
      <Button
        variant="secondary"
        className="!px-2.5 !py-1"
        disabled={isPending}
        onClick={cancel}
        aria-label={`Cancel the invitation of ${email}`}
      >
        Cancel
      </Button>
      {error ? <span className="text-xs text-red-600 dark:text-red-400">{error.message}</span> : null}
    </>
  );
}

// The invitee's answer: accept (then go to the workspace) or decline.
export function AnswerInvitation({
  invitationId,
  workspaceId,
  workspaceName,
  afterDecline,
}: {
  invitationId: string;
  workspaceId: string;
  workspaceName: string;
  afterDecline?: string;
}) {
  const router = useRouter();
  const { error, isPending, run } = useApiAction();
  async function answer(choice: "accept" | "decline") {
    const done = await run(() => apiFetch(`/api/v1/me/invitations/${invitationId}/${choice}`, { method: "POST" }));
    if (done === null) return;
    if (choice === "accept") router.push(`/workspaces/${workspaceId}`);
    else if (afterDecline) router.push(afterDecline);
    router.refresh();
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        disabled={isPending}
        onClick={() => answer("accept")}
        aria-label={`Accept the invitation to ${workspaceName}`}
      >
        Accept
      </Button>
      <Button
        variant="secondary"
        disabled={isPending}
        onClick={() => answer("decline")}
        aria-label={`Decline the invitation to ${workspaceName}`}
      >
        Decline
      </Button>
      {error ? (
        <p role="status" className="text-sm text-red-600 dark:text-red-400">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}

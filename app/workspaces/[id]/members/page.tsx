import { Badge } from "@/components/ui/badge";
import { CancelInvitationButton } from "@/components/workspaces/invitation-controls";
import { InviteMemberForm } from "@/components/workspaces/invite-member-form";
import { MemberControls } from "@/components/workspaces/member-controls";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES_BY_POWER } from "@/lib/policies/workspace-policy";
import { listMembers } from "@/lib/workspaces/members";
import { loadWorkspaceForPage } from "../workspace-access";

export const metadata = { title: "Members" };

const INVITATION_LABEL = {
  pending: "waiting for an answer",
  accepted: "accepted",
  declined: "declined",
  expired: "expired",
} as const;
const INVITATION_TONE = { pending: "amber", accepted: "green", declined: "neutral", expired: "neutral" } as const;
const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

export default async function MembersPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, abilities } = await loadWorkspaceForPage(id);
  const { items, invitations } = await listMembers(user, id);
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="text-lg font-semibold">
          {items.length} {items.length === 1 ? "member" : "members"}
        </h2>
        <ul className="mt-3 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
          {items.map((member) => (
            <li
              key={member.userId}
              data-testid="member-row"
              className="flex flex-wrap items-center justify-between gap-3 px-5 py-3"
            >
              <div className="min-w-0">
                <p className="font-medium">
                  {member.name}{" "}
                  {member.userId === user?.id ? (
                    <span className="text-sm font-normal text-stone-500">(you)</span>
                  ) : null}
                </p>
                <p className="truncate text-sm text-stone-600 dark:text-stone-400">{member.email}</p>
              </div>
              <MemberControls
                workspaceId={id}
                userId={member.userId}
                name={member.name}
                role={member.role}
                canManage={abilities.canManageMembers}
                isSelf={member.userId === user?.id}
              />
            </li>
          ))}
        </ul>
        {invitations.length ? (
          <>
            <h2 className="mt-8 text-lg font-semibold">Invitations</h2>
            <ul className="mt-3 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
              {invitations.map((invitation) => (
                <li
                  key={invitation.id}
                  data-testid="invitation-row"
                  className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 text-sm"
                >
                  <span className="min-w-0 truncate">{invitation.email}</span>
                  <span className="flex flex-wrap items-center gap-2">
                    <Badge tone={INVITATION_TONE[invitation.status]}>
                      {ROLE_LABELS[invitation.role]} · {INVITATION_LABEL[invitation.status]}
                    </Badge>
                    {invitation.status === "pending" ? (
                      <span className="text-xs text-stone-500">
                        until{" "}
                        <time dateTime={invitation.expiresAt}>{dateFormat.format(new Date(invitation.expiresAt))}</time>
                      </span>
                    ) : null}
                    {abilities.canManageMembers ? (
                      <CancelInvitationButton workspaceId={id} invitationId={invitation.id} email={invitation.email} />
                    ) : null}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <aside className="space-y-6">
        {abilities.canManageMembers ? <InviteMemberForm workspaceId={id} /> : null}
        <div className="rounded-xl border border-stone-200 p-5 text-sm dark:border-stone-800">
          <h2 className="font-semibold">Roles</h2>
          <dl className="mt-2 space-y-2">
            {ROLES_BY_POWER.map((role) => [role, ROLE_DESCRIPTIONS[role]] as const).map(([role, description]) => (
              <div key={role}>
                <dt className="font-medium">{ROLE_LABELS[role as keyof typeof ROLE_LABELS]}</dt>
                <dd className="text-stone-600 dark:text-stone-400">{description}</dd>
              </div>
            ))}
          </dl>
        </div>
      </aside>
    </div>
  );
}

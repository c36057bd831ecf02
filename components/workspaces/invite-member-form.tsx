"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useApiAction } from "@/components/ui/use-api-action";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { apiFetch } from "@/lib/client/api-fetch";
import { ROLE_LABELS, ROLES_BY_POWER } from "@/lib/policies/workspace-policy";

const ROLES = ROLES_BY_POWER.map((role) => [role, ROLE_LABELS[role]] as const);

export function InviteMemberForm({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const { error, isPending, run } = useApiAction();
  const [sent, setSent] = useState<{ email: string; link: string; emailed: boolean } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setSent(null);
    const email = String(form.get("email") ?? "");
    const result = await run(() =>
      apiFetch<{ invitation: { email: string; acceptPath: string; emailed?: boolean } }>(
        `/api/v1/workspaces/${workspaceId}/members`,
        {
          body: { email, role: form.get("role") },
        },
      ),
    );
    if (!result) return;
    // With mail on, the link is also emailed (lib/workspaces/invitation-delivery.ts); without, the owner passes it on.
    setSent({
      email: result.invitation.email,
      link: `${window.location.origin}${result.invitation.acceptPath}`,
      emailed: result.invitation.emailed === true,
    });
    formElement.reset();
    router.refresh();
  }

  return (
    <form
      onSubmit={onSubmit}
      className="space-y-3 rounded-xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900"
      noValidate
    >
      <h2 className="font-semibold">Invite someone</h2>
      <FormError message={error && !error.fields ? error.message : null} />
      {sent ? <InvitationLink {...sent} /> : null}
      <TextField
        label="Email"
        name="email"
        type="email"
        required
        placeholder="colleague@example.org"
        errors={error?.fields?.email}
      />
      <SelectField label="Role" name="role" defaultValue="researcher">
        {ROLES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <Button type="submit" disabled={isPending}>
        {isPending ? "Inviting…" : "Invite"}
      </Button>
    </form>
  );
}

// The accept link, shown once: whoever signs in with the invited email can accept it.
function InvitationLink({ email, link, emailed }: { email: string; link: string; emailed: boolean }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard?.writeText(link).catch(() => undefined);
    setCopied(true);
  }
  return (
    <div
      role="status"
      className="space-y-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
    >
      {emailed ? (
        <p>
          Invitation created for {email}: we are emailing them this link. You can also pass it on yourself: they join
          when they accept it, signed in with that email. It works for 14 days and is shown only now.
        </p>
      ) : (
        <p>
          Invitation created for {email}. Send them this link: they join when they accept it, signed in with that email.
          It works for 14 days and is shown only now.
        </p>
      )}
      <div className="flex gap-2">
        <input
          readOnly
          aria-label="Invitation link"
          value={link}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-emerald-300 bg-white px-2 py-1 font-mono text-xs text-stone-900 dark:border-emerald-800 dark:bg-stone-900 dark:text-stone-100"
        />
        <Button type="button" variant="secondary" className="!px-2.5 !py-1" onClick={copy}>
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}

export { ROLES };

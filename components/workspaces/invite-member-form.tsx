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
  const [notice, setNotice] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setNotice(null);
    const email = String(form.get("email") ?? "");
    const result = await run(() =>
      apiFetch<{ status: "added" | "invited" }>(`/api/v1/workspaces/${workspaceId}/members`, {
        body: { email, role: form.get("role") },
      }),
    );
    if (!result) return;
    setNotice(
      result.status === "added"
        ? `${email} was added.`
        : `${email} has no account yet: they will join when they sign up.`,
    );
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
      {notice ? (
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
        >
          {notice}
        </p>
      ) : null}
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

export { ROLES };

"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { useApiAction } from "@/components/ui/use-api-action";
import { apiFetch } from "@/lib/client/api-fetch";

// PUT /api/v1/me/password: the current password, the new one twice (compared here, before
// anything is sent).
export function PasswordForm() {
  const { error, isPending, run, setError } = useApiAction();
  const [isChanged, setChanged] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChanged(false);
    const form = event.currentTarget;
    const values = new FormData(form);
    if (values.get("newPassword") !== values.get("confirmPassword")) {
      setError({
        code: "invalid_input",
        message: "The new passwords differ.",
        fields: { confirmPassword: ["Type the same new password twice."] },
      });
      return;
    }
    const changed = await run(() =>
      apiFetch("/api/v1/me/password", {
        method: "PUT",
        body: { currentPassword: values.get("currentPassword"), newPassword: values.get("newPassword") },
      }),
    );
    if (changed === null) return;
    form.reset();
    setChanged(true);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={error?.fields?.currentPassword}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters."
        errors={error?.fields?.newPassword}
      />
      <TextField
        label="New password, again"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={error?.fields?.confirmPassword}
      />
      <FormError message={error && !error.fields ? error.message : null} />
      {isChanged ? (
        <p role="status" className="text-sm font-medium text-emerald-700 dark:text-emerald-400">
          Password changed. Your other browsers and devices were signed out.
        </p>
      ) : null}
      <Button type="submit" disabled={isPending}>
        {isPending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}

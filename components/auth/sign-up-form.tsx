"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useApiAction } from "@/components/ui/use-api-action";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { apiFetch } from "@/lib/client/api-fetch";

export function SignUpForm({ callbackUrl = "/workspaces" }: { callbackUrl?: string }) {
  const router = useRouter();
  const { error, isPending, run } = useApiAction();
  const [isSigningIn, setSigningIn] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = { name: form.get("name"), email: form.get("email"), password: form.get("password") };
    const created = await run(() => apiFetch("/api/v1/users", { body }));
    if (!created) return;
    setSigningIn(true);
    const result = await signIn("credentials", {
      email: String(body.email),
      password: String(body.password),
      redirect: false,
    });
    setSigningIn(false);
    if (!result || result.error) {
      router.push("/signin");
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormError message={error && !error.fields ? error.message : error?.code === "conflict" ? error.message : null} />
      <TextField label="Name" name="name" autoComplete="name" required autoFocus errors={error?.fields?.name} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required errors={error?.fields?.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters."
        errors={error?.fields?.password}
      />
      <Button type="submit" className="w-full" disabled={isPending || isSigningIn}>
        {isPending || isSigningIn ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}

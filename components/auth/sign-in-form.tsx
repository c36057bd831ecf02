"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";

const ERROR_MESSAGES: Record<string, string> = {
  CredentialsSignin: "That email and password do not match an account.",
  RateLimited: "Too many sign-in attempts. Wait a few minutes and try again.",
  OAuthAccountNotLinked: "That sign-in could not be linked to an account with a verified email.",
};

// A link to a passage (#annotation-…) reaches sign-in with its anchor still in the address bar:
// carry it on to the page the visitor wanted.
export function withPassageAnchor(callbackUrl: string): string {
  const hash = typeof window === "undefined" ? "" : window.location.hash;
  return callbackUrl.includes("#") || !/^#[\w-]+$/.test(hash) ? callbackUrl : `${callbackUrl}${hash}`;
}

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(
    initialError ? (ERROR_MESSAGES[initialError] ?? "Sign-in failed.") : null,
  );
  const [isPending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      setError(ERROR_MESSAGES[result?.error ?? ""] ?? "Sign-in failed. Try again.");
      return;
    }
    router.push(withPassageAnchor(callbackUrl));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormError message={error} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required autoFocus />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}

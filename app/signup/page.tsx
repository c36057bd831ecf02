import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getSessionUser } from "@/lib/auth/current-user";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { isSignUpEnabled } from "@/lib/users/create-user";

export const metadata = { title: "Create account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  // Where to go once signed up, e.g. back to an invitation link.
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <AuthCard
      title="Create your account"
      subtitle="Annotate documents and argue over what they claim."
      footer={
        <>
          Already have an account?{" "}
          <Link
            href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}
            className="font-medium text-accent-600 hover:underline dark:text-accent-100"
          >
            Sign in
          </Link>
        </>
      }
    >
      {isSignUpEnabled() ? (
        <SignUpForm callbackUrl={callbackUrl} />
      ) : (
        <p className="text-sm text-stone-600 dark:text-stone-400">
          Sign-up is switched off on this server. Ask an administrator for an account.
        </p>
      )}
    </AuthCard>
  );
}

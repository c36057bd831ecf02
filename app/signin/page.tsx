import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getSessionUser } from "@/lib/auth/current-user";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { configuredOAuthProviders } from "@/lib/auth/options";
import { isSignUpEnabled } from "@/lib/users/create-user";

export const metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  if (await getSessionUser()) redirect(safeCallbackPath(callbackUrl));
  return (
    <AuthCard
      title="Sign in"
      subtitle="Welcome back to the argument."
      footer={
        isSignUpEnabled() ? (
          <>
            New here?{" "}
            <Link
              href={
                callbackUrl ? `/signup?callbackUrl=${encodeURIComponent(safeCallbackPath(callbackUrl))}` : "/signup"
              }
              className="font-medium text-accent-600 hover:underline dark:text-accent-100"
            >
              Create an account
            </Link>
          </>
        ) : null
      }
    >
      <SignInForm callbackUrl={safeCallbackPath(callbackUrl)} initialError={error} />
      <OAuthButtons providers={configuredOAuthProviders()} callbackUrl={safeCallbackPath(callbackUrl)} />
    </AuthCard>
  );
}

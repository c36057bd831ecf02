"use client";

import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { withPassageAnchor } from "./sign-in-form";

export function OAuthButtons({
  providers,
  callbackUrl,
}: {
  providers: { id: string; name: string }[];
  callbackUrl: string;
}) {
  if (providers.length === 0) return null;
  return (
    <div className="mt-6 space-y-2">
      <div className="flex items-center gap-3 text-xs text-stone-500">
        <span className="h-px flex-1 bg-stone-200 dark:bg-stone-700" /> or{" "}
        <span className="h-px flex-1 bg-stone-200 dark:bg-stone-700" />
      </div>
      {providers.map((provider) => (
        <Button
          key={provider.id}
          type="button"
          variant="secondary"
          className="w-full"
          onClick={() => signIn(provider.id, { callbackUrl: withPassageAnchor(callbackUrl) })}
        >
          Continue with {provider.name}
        </Button>
      ))}
    </div>
  );
}

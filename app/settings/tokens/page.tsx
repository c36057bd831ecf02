import { redirect } from "next/navigation";
import { TokenManager } from "@/components/settings/token-manager";
import { getSessionUser } from "@/lib/auth/current-user";
import { listTokens } from "@/lib/tokens/tokens";

export const metadata = { title: "Access tokens" };

export default async function TokensPage() {
  const user = await getSessionUser();
  if (!user) redirect("/signin?callbackUrl=/settings/tokens");
  const tokens = await listTokens(user.id);
  return (
    <div className="max-w-3xl">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Personal access tokens</h1>
      <p className="mt-1 mb-6 text-sm text-stone-600 dark:text-stone-400">
        For scripts and bulk work through the API (see{" "}
        <a className="underline" href="/api/v1/openapi.json">
          the OpenAPI document
        </a>
        ). A token acts with your permissions; only its hash is stored.
      </p>
      <TokenManager
        tokens={tokens.map((token) => ({
          ...token,
          createdAt: token.createdAt.toISOString(),
          lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
        }))}
      />
    </div>
  );
}

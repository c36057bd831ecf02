"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useApiAction } from "@/components/ui/use-api-action";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FormError, TextField } from "@/components/ui/field";
import { apiFetch } from "@/lib/client/api-fetch";

type Token = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null };

export function TokenManager({ tokens }: { tokens: Token[] }) {
  const router = useRouter();
  const { error, isPending, run } = useApiAction();
  const [secret, setSecret] = useState<string | null>(null);

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const created = await run(() =>
      apiFetch<{ token: string }>("/api/v1/tokens", { body: { name: new FormData(formElement).get("name") } }),
    );
    if (!created) return;
    setSecret(created.token);
    formElement.reset();
    router.refresh();
  }

  async function onRevoke(token: Token) {
    if (!window.confirm(`Revoke "${token.name}"? Scripts using it will stop working.`)) return;
    const revoked = await run(() => apiFetch(`/api/v1/tokens/${token.id}`, { method: "DELETE" }));
    if (revoked !== null) router.refresh();
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onCreate} className="flex flex-wrap items-end gap-3" noValidate>
        <div className="min-w-64 flex-1">
          <TextField
            label="Token name"
            name="name"
            placeholder="e.g. nightly backup script"
            errors={error?.fields?.name}
          />
        </div>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Creating…" : "Create token"}
        </Button>
      </form>
      <FormError message={error && !error.fields ? error.message : null} />
      {secret ? (
        <div
          role="status"
          className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950"
        >
          <p className="font-medium">Copy your new token now. It will not be shown again.</p>
          <code
            data-testid="new-token"
            className="mt-2 block break-all rounded bg-white px-3 py-2 font-mono text-xs dark:bg-stone-900"
          >
            {secret}
          </code>
        </div>
      ) : null}
      <h2 className="font-semibold">Your tokens</h2>
      {tokens.length === 0 ? (
        <EmptyState title="No access tokens">
          Tokens let scripts use the API as you: send them as `Authorization: Bearer &lt;token&gt;`.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
          {tokens.map((token) => (
            <li key={token.id} className="flex items-center justify-between gap-3 px-5 py-3">
              <div>
                <p className="font-medium">{token.name}</p>
                <p className="text-xs text-stone-500">
                  <code>{token.prefix}…</code> · created {new Date(token.createdAt).toLocaleDateString()} ·{" "}
                  {token.lastUsedAt ? `last used ${new Date(token.lastUsedAt).toLocaleString()}` : "never used"}
                </p>
              </div>
              <Button variant="danger" onClick={() => onRevoke(token)}>
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

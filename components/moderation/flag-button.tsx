"use client";

import { useState } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { ReasonForm } from "./reason-form";

// "Flag" on an annotation, reply or link: a reason, then moderators see it in their queue.
export function FlagButton({
  targetType,
  targetId,
}: {
  targetType: "annotation" | "reply" | "link";
  targetId: string;
}) {
  const [state, setState] = useState<"idle" | "asking" | "done">("idle");
  if (state === "done") return <span className="text-xs text-stone-500">Flagged for moderators</span>;
  if (state === "asking") {
    return (
      <div className="w-full">
        <ReasonForm
          label="Why should a moderator look at this?"
          submitLabel="Flag"
          onCancel={() => setState("idle")}
          onSubmit={async (reason) => {
            const result = await apiFetch("/api/v1/flags", { body: { targetType, targetId, reason } });
            if (result.ok || result.error.code === "conflict") setState("done");
            return result.ok || result.error.code === "conflict" ? { ok: true, data: null } : result;
          }}
        />
      </div>
    );
  }
  return (
    <button type="button" className="text-xs text-stone-500 hover:text-red-700" onClick={() => setState("asking")}>
      Flag
    </button>
  );
}

import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getSessionUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { authorizeWorkspace } from "@/lib/policies/authorize-workspace";
import { abilitiesFor } from "@/lib/policies/workspace-policy";

// For pages: the workspace if the visitor may read it, else a 404 page
// (a private workspace's existence is not revealed).
export const loadWorkspaceForPage = cache(async (workspaceId: string) => {
  const user = await getSessionUser();
  try {
    const access = await authorizeWorkspace(user, workspaceId, "read");
    return { user, ...access, abilities: abilitiesFor(access) };
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden" || error.code === "unauthenticated")) notFound();
    throw error;
  }
});

import "server-only";
import { cache } from "react";
import { getSessionUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/pages/or-not-found";
import { authorizeWorkspace } from "@/lib/policies/authorize-workspace";
import { abilitiesFor } from "@/lib/policies/workspace-policy";

// For pages: the workspace if the visitor may read it, else a 404 page
// (a private workspace's existence is not revealed).
export const loadWorkspaceForPage = cache(async (workspaceId: string) => {
  const user = await getSessionUser();
  const access = await orNotFound(() => authorizeWorkspace(user, workspaceId, "read"));
  return { user, ...access, abilities: abilitiesFor(access) };
});

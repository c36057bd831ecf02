// The one place that decides what a user may do in a workspace. Every page,
// route, action, search and export asks here.
import type { WorkspaceRole } from "@/lib/validations/common";

export type Permission =
  | "read"
  | "export"
  | "import"
  | "annotate"
  | "reply"
  | "link"
  | "vote"
  | "flag"
  | "moderate"
  | "manage_members"
  | "manage_workspace";

const CONTRIBUTE: Permission[] = ["read", "export", "import", "annotate", "reply", "link", "vote", "flag"];

const ROLE_PERMISSIONS: Record<WorkspaceRole, ReadonlySet<Permission>> = {
  owner: new Set([...CONTRIBUTE, "moderate", "manage_members", "manage_workspace"]),
  moderator: new Set([...CONTRIBUTE, "moderate"]),
  researcher: new Set(CONTRIBUTE),
  // Reporting harm is open to every reader; moderating it is not.
  viewer: new Set(["read", "export", "flag"]),
};

// What anyone (signed in or not) may do in a public workspace they do not belong to.
const PUBLIC_PERMISSIONS: ReadonlySet<Permission> = new Set(["read", "export"]);
// A signed-in reader of a public workspace may also flag what they read (a flag needs a reporter).
const PUBLIC_SIGNED_IN_PERMISSIONS: ReadonlySet<Permission> = new Set([...PUBLIC_PERMISSIONS, "flag"]);

export type WorkspaceAccess = {
  role: WorkspaceRole | null;
  visibility: "private" | "public";
  // Matters only to non-members of a public workspace.
  isSignedIn?: boolean;
};

export function can(access: WorkspaceAccess, permission: Permission): boolean {
  if (access.role) return ROLE_PERMISSIONS[access.role].has(permission);
  if (access.visibility !== "public") return false;
  return (access.isSignedIn ? PUBLIC_SIGNED_IN_PERMISSIONS : PUBLIC_PERMISSIONS).has(permission);
}

// The roles that hold a permission, for queries that decide it in SQL (search across workspaces).
export function rolesWith(permission: Permission): WorkspaceRole[] {
  return (Object.keys(ROLE_PERMISSIONS) as WorkspaceRole[]).filter((role) => ROLE_PERMISSIONS[role].has(permission));
}

// Whether the workspace's existence may be revealed to this user at all.
export function canSee(access: WorkspaceAccess): boolean {
  return access.role !== null || access.visibility === "public";
}

export type Abilities = Record<
  | "canRead"
  | "canExport"
  | "canImport"
  | "canAnnotate"
  | "canReply"
  | "canLink"
  | "canFlag"
  | "canModerate"
  | "canManageMembers"
  | "canManageWorkspace",
  boolean
>;

// Handed to the UI to hide controls; the server never trusts it back.
export function abilitiesFor(access: WorkspaceAccess): Abilities {
  return {
    canRead: can(access, "read"),
    canExport: can(access, "export"),
    canImport: can(access, "import"),
    canAnnotate: can(access, "annotate"),
    canReply: can(access, "reply"),
    canLink: can(access, "link"),
    canFlag: can(access, "flag"),
    canModerate: can(access, "moderate"),
    canManageMembers: can(access, "manage_members"),
    canManageWorkspace: can(access, "manage_workspace"),
  };
}

// Every list of roles (selects, the members page, the API) goes from most to least power.
export const ROLES_BY_POWER: readonly WorkspaceRole[] = ["owner", "moderator", "researcher", "viewer"];

export const ROLE_LABELS: Record<WorkspaceRole, string> = {
  owner: "Owner",
  moderator: "Moderator",
  researcher: "Researcher",
  viewer: "Viewer",
};

export const ROLE_DESCRIPTIONS: Record<WorkspaceRole, string> = {
  owner: "Everything, including members and settings",
  moderator: "Contribute, and curate: hide, lock, pin, resolve flags",
  researcher: "Import documents, annotate, reply, link, vote",
  viewer: "Read, export and flag",
};

// Pre-moderation: a workspace can hold new contributions from non-moderators for approval.
export function initialStatus(
  access: WorkspaceAccess & { workspace: { preModeration: boolean } },
): "visible" | "pending" {
  return access.workspace.preModeration && !can(access, "moderate") ? "pending" : "visible";
}

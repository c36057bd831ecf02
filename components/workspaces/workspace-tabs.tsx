"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";

// The workspace's tabs. Documents is current on the workspace root, on its import page and,
// with `documentsCurrent`, on a document's own pages (reader, details, new version).
// Tabs are prefetched when a pointer or the keyboard reaches them, not on sight: every tab is
// a dynamic page for this reader, and several are heavy in a large workspace (map, claims,
// search), so prefetching all of them on every page view multiplied the server's work by ten.
export function WorkspaceTabs({
  workspaceId,
  canModerate = false,
  documentsCurrent = false,
}: {
  workspaceId: string;
  canModerate?: boolean;
  documentsCurrent?: boolean;
}) {
  const pathname = usePathname();
  const router = useRouter();
  const tabs = [
    { href: `/workspaces/${workspaceId}`, label: "Documents" },
    { href: `/workspaces/${workspaceId}/compare`, label: "Compare" },
    { href: `/workspaces/${workspaceId}/map`, label: "Debate map" },
    { href: `/workspaces/${workspaceId}/claims`, label: "Claims" },
    { href: `/workspaces/${workspaceId}/collections`, label: "Collections" },
    { href: `/workspaces/${workspaceId}/web-sources`, label: "Web sources" },
    { href: `/workspaces/${workspaceId}/search`, label: "Search" },
    { href: `/workspaces/${workspaceId}/members`, label: "Members" },
    ...(canModerate
      ? [
          { href: `/workspaces/${workspaceId}/moderation`, label: "Moderation" },
          { href: `/workspaces/${workspaceId}/audit-log`, label: "Audit log" },
        ]
      : []),
  ];
  return (
    <nav aria-label="Workspace" className="mt-6 flex flex-wrap gap-x-1 border-b border-stone-200 dark:border-stone-800">
      {tabs.map((tab) => {
        // A tab stays current on its sub-pages (a collection under Collections); Documents is the workspace root.
        const isDocuments = tab.href === tabs[0]!.href;
        const isCurrent = isDocuments
          ? documentsCurrent || pathname === tab.href || pathname === `${tab.href}/import`
          : pathname === tab.href || pathname.startsWith(`${tab.href}/`);
        return (
          <Link
            key={tab.href}
            href={tab.href}
            prefetch={false}
            onPointerEnter={() => router.prefetch(tab.href)}
            onFocus={() => router.prefetch(tab.href)}
            aria-current={isCurrent ? "page" : undefined}
            className="-mb-px shrink-0 border-b-2 whitespace-nowrap border-transparent px-3 py-2 text-sm font-medium text-stone-600 hover:text-stone-900 aria-[current=page]:border-accent-600 aria-[current=page]:text-stone-900 dark:text-stone-400 dark:hover:text-stone-100 dark:aria-[current=page]:text-stone-100"
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}

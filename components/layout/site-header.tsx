import Link from "next/link";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { AccountMenu } from "./account-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";
import { buttonClass } from "@/components/ui/button";

type Props = {
  user: { name: string; email: string } | null;
  workspaces: { id: string; name: string; role: string | null }[];
};

export function SiteHeader({ user, workspaces }: Props) {
  return (
    <header
      data-site-header
      className="sticky top-0 z-20 border-b border-stone-200 bg-stone-50 dark:border-stone-800 dark:bg-stone-950"
    >
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-3 focus:top-3 focus:rounded focus:bg-white focus:px-3 focus:py-1 focus:text-sm"
      >
        Skip to content
      </a>
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 sm:px-6">
        <Link
          href={user ? "/workspaces" : "/"}
          className="flex items-center gap-2 font-serif text-lg font-semibold tracking-tight"
        >
          <Logo />
          {/* On phones the name is hidden from sight, not from screen readers: the link keeps it. */}
          <span className="sr-only sm:not-sr-only">Counterpoint</span>
        </Link>
        {user ? (
          <>
            <span aria-hidden className="text-stone-300 dark:text-stone-700">
              /
            </span>
            <WorkspaceSwitcher workspaces={workspaces} />
          </>
        ) : null}
        <div className="ml-auto flex items-center gap-2">
          {user ? (
            <>
              <NotificationBell />
              <AccountMenu name={user.name} email={user.email} />
            </>
          ) : (
            <>
              <Link href="/signin" className={buttonClass("ghost")}>
                Sign in
              </Link>
              <Link href="/signup" className={buttonClass("primary")}>
                Create account
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

function Logo() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="h-6 w-6">
      <circle cx="8" cy="12" r="6" className="fill-accent-600" />
      <circle
        cx="16"
        cy="12"
        r="6"
        className="fill-amber-500 mix-blend-multiply dark:mix-blend-screen"
        opacity="0.85"
      />
    </svg>
  );
}

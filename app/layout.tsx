import type { Metadata } from "next";
import "./globals.css";
import { SiteHeader } from "@/components/layout/site-header";
import { getSessionUser } from "@/lib/auth/current-user";
import { listMyWorkspaces } from "@/lib/workspaces/workspaces";

export const metadata: Metadata = {
  title: { default: "Counterpoint", template: "%s · Counterpoint" },
  description: "Annotate documents, argue over passages, and link claims across texts.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser();
  const workspaces = user ? (await listMyWorkspaces(user, { limit: 200 })).items : [];
  return (
    <html lang="en">
      <body className="min-h-screen">
        <SiteHeader user={user} workspaces={workspaces.map(({ id, name, role }) => ({ id, name, role }))} />
        <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
          {children}
        </main>
      </body>
    </html>
  );
}

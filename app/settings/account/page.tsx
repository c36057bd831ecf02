import { redirect } from "next/navigation";
import { PasswordForm } from "@/components/settings/password-form";
import { getSessionUser } from "@/lib/auth/current-user";

export const metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await getSessionUser();
  if (!user) redirect("/signin?callbackUrl=/settings/account");
  return (
    <div className="max-w-xl space-y-8">
      <div>
        <h1 className="font-serif text-3xl font-semibold tracking-tight">Account</h1>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="text-stone-600 dark:text-stone-400">Name</dt>
          <dd className="font-medium">{user.name}</dd>
          <dt className="text-stone-600 dark:text-stone-400">Email</dt>
          <dd className="font-medium">{user.email}</dd>
        </dl>
      </div>
      <section
        aria-labelledby="change-password"
        className="space-y-4 rounded-xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900"
      >
        <div>
          <h2 id="change-password" className="font-semibold">
            Change password
          </h2>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            This browser stays signed in; every other browser and device is signed out.
          </p>
        </div>
        <PasswordForm />
      </section>
    </div>
  );
}

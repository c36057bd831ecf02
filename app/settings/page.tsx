import { redirect } from "next/navigation";

// Settings open on the account page; tokens and notifications are beside it.
export default function SettingsPage() {
  redirect("/settings/account");
}

// Mail is configured by the environment, read when used (a test can switch it on):
// SMTP_URL (e.g. smtp://user:pass@host:587, smtps://… for TLS) turns it on; without it no
// mail is sent and everything else works in-app. MAIL_FROM is the sender; links in mails
// are built from NEXTAUTH_URL, the app's public URL.
export type MailConfig = { smtpUrl: string; from: string; siteUrl: string };

export function mailConfig(): MailConfig | null {
  const smtpUrl = process.env.SMTP_URL?.trim();
  if (!smtpUrl) return null;
  return {
    smtpUrl,
    from: process.env.MAIL_FROM?.trim() || "Counterpoint <counterpoint@localhost>",
    siteUrl: siteUrl(),
  };
}

export const isMailEnabled = () => mailConfig() !== null;

export function siteUrl(): string {
  return (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

// An absolute link to a path of the app.
export const absoluteUrl = (path: string) => `${siteUrl()}${path.startsWith("/") ? path : `/${path}`}`;

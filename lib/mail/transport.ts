import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { mailConfig } from "./config";
import type { RenderedMail } from "./templates/layout";

// One pooled SMTP transport per SMTP_URL, made on first use.
const globalForMail = globalThis as unknown as { mailTransport?: { url: string; transport: Transporter } };

function transportFor(url: string): Transporter {
  const cached = globalForMail.mailTransport;
  if (cached?.url === url) return cached.transport;
  cached?.transport.close();
  // Short timeouts: a mail server that does not answer fails the job, which the queue retries.
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  globalForMail.mailTransport = { url, transport };
  return transport;
}

export type Outgoing = RenderedMail & {
  to: string;
  // The one-click unsubscribe URL (RFC 8058), also the link in the mail's footer.
  unsubscribeUrl?: string;
};

// Sends one mail and resolves once the SMTP server has accepted it (throws otherwise:
// refused, unreachable, timed out). Without SMTP_URL it throws: callers check first.
export async function sendMail(mail: Outgoing): Promise<{ messageId: string }> {
  const config = mailConfig();
  if (!config) throw new Error("Mail is off: SMTP_URL is not set.");
  const info = await transportFor(config.smtpUrl).sendMail({
    from: config.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    ...(mail.unsubscribeUrl
      ? {
          list: { unsubscribe: { url: mail.unsubscribeUrl, comment: "Unsubscribe" } },
          headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
        }
      : {}),
  });
  if ((info.rejected?.length ?? 0) > 0) throw new Error(`The mail server refused ${mail.to}.`);
  return { messageId: info.messageId };
}

// Closes the pooled connection (tests, shutdown).
export function closeMailTransport() {
  globalForMail.mailTransport?.transport.close();
  globalForMail.mailTransport = undefined;
}

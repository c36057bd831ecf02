// A real SMTP server in the test process (smtp-server), keeping every mail it accepts
// parsed (mailparser). It can be stopped and started again on the same port, as an outage.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = ParsedMail & { to_: string; rawHeaders: Map<string, string> };

export class TestSmtp {
  readonly mails: ReceivedMail[] = [];
  port = 0;
  private server: SMTPServer | null = null;

  async start() {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const rawHeaders = new Map(
              parsed.headerLines.map((line) => [line.key, line.line.slice(line.line.indexOf(":") + 1).trim()]),
            );
            for (const recipient of session.envelope.rcptTo)
              this.mails.push(Object.assign(parsed, { to_: recipient.address, rawHeaders }));
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  async stop() {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string) {
    return this.mails.filter((mail) => mail.to_ === address.toLowerCase() || mail.to_ === address);
  }

  // Waits until `count` mails to `address` match, and returns them.
  async waitFor(address: string, match: (mail: ReceivedMail) => boolean = () => true, count = 1, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.to(address).filter(match);
      if (found.length >= count) return found;
      if (Date.now() > deadline)
        throw new Error(
          `Waited ${timeoutMs} ms for ${count} mail(s) to ${address}; got: ${JSON.stringify(this.to(address).map((mail) => mail.subject))}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

// The links in a mail's plain text.
export const linksIn = (mail: ParsedMail) => Array.from((mail.text ?? "").matchAll(/https?:\/\/\S+/g), (m) => m[0]);

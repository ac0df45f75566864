/**
 * Outgoing mail. With SMTP_URL set, mail goes to that server through nodemailer;
 * without it (development, demo) every message is written as an .eml file to
 * `<DATA_DIR>/outbox`, so nothing leaves the machine by accident and a person can
 * open what would have been sent.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Where mail goes, for logs and the CLI ("smtp://…" or the outbox folder). */
  readonly target: string;
  close(): void;
}

export interface MailConfig {
  smtpUrl: string | null;
  mailFrom: string;
  outboxDir: string;
}

export function createMailer(config: MailConfig): Mailer {
  return config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : outboxMailer(config.outboxDir, config.mailFrom);
}

function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    target: url.replace(/\/\/[^@/]*@/, '//***@'),
    send: async (message) => {
      await transport.sendMail({ from, ...message });
    },
    close: () => transport.close(),
  };
}

function outboxMailer(dir: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    target: dir,
    send: async (message) => {
      const info = await transport.sendMail({ from, ...message });
      mkdirSync(dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`;
      writeFileSync(path.join(dir, name), info.message as Buffer);
    },
    close: () => transport.close(),
  };
}

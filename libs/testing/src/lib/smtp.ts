import { simpleParser, ParsedMail } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** An SMTP reply the peer gives instead of accepting a message: 451 (try later), 550 (refused)… */
export interface SmtpReply {
  code: number;
  message: string;
}

/** Decides the reply to one message (its index counts every message received, from 0); undefined accepts. */
export type SmtpResponder = (mail: ParsedMail, index: number) => SmtpReply | undefined;

/**
 * A real SMTP peer in the test process: messages are parsed as a mail client would. Failure injection is a
 * programmable reply per message (`respondWith`), given at the end of DATA the way a real server refuses a
 * message — so the sender sees genuine 4xx/5xx SMTP replies, not a faked transport.
 */
export interface TestSmtpOptions {
  /**
   * Parse only the headers (Message-ID, To, Subject) instead of the whole message with mailparser: for
   * benchmarks, where parsing thousands of HTML bodies would measure the peer instead of the sender.
   */
  headersOnly?: boolean;
}

export class TestSmtpServer {
  /** Messages accepted (250). */
  readonly messages: ParsedMail[] = [];
  /** Every message received, accepted or refused, in order. */
  readonly received: ParsedMail[] = [];
  /** Messages refused, with the reply given. */
  readonly refused: { mail: ParsedMail; reply: SmtpReply }[] = [];
  private responder?: SmtpResponder;
  private acceptDelayMs = 0;
  private readonly waiters: (() => void)[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData: (stream, _session, callback) => {
      (this.options.headersOnly ? parseHeaders(stream) : simpleParser(stream))
        .then(async (mail) => {
          const index = this.received.push(mail) - 1;
          const reply = this.responder?.(mail, index);
          if (this.acceptDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.acceptDelayMs));
          if (reply) {
            this.refused.push({ mail, reply });
            callback(Object.assign(new Error(reply.message), { responseCode: reply.code }));
          } else {
            this.messages.push(mail);
            callback();
          }
          this.waiters.splice(0).forEach((wake) => wake());
        })
        .catch(callback);
    },
  });

  constructor(private readonly options: TestSmtpOptions = {}) {
    // A sender killed mid-message (fault tests) resets its connection: that is the test, not a failure.
    this.server.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') throw error;
    });
  }

  async start(port = 0): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    const address = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Replies to each following message as `responder` says (undefined: accept); call with none to reset. */
  respondWith(responder?: SmtpResponder): void {
    this.responder = responder;
  }

  /** Waits this long before answering each message (a slow server). */
  delayReplies(ms: number): void {
    this.acceptDelayMs = ms;
  }

  /** Forgets every message received so far. */
  clear(): void {
    this.messages.length = 0;
    this.received.length = 0;
    this.refused.length = 0;
  }

  /** Resolves with the first accepted message matching, or rejects after `ms`. */
  async waitFor(match: (mail: ParsedMail) => boolean, ms = 20_000): Promise<ParsedMail> {
    await this.waitUntil(
      () => this.messages.some(match),
      ms,
      () => `${this.messages.length} accepted`,
    );
    return this.messages.find(match) as ParsedMail;
  }

  /** Resolves once `condition` holds (checked after each message), or rejects after `ms`. */
  async waitUntil(condition: () => boolean, ms = 20_000, describe?: () => string): Promise<void> {
    const deadline = Date.now() + ms;
    for (;;) {
      if (condition()) return;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `SMTP peer: condition not met within ${ms} ms (${describe?.() ?? `${this.messages.length} accepted`})`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 1000));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

/** The few headers a benchmark counts, read from the raw message (the body is drained, not parsed). */
async function parseHeaders(stream: NodeJS.ReadableStream): Promise<ParsedMail> {
  let head = '';
  let done = false;
  for await (const chunk of stream) {
    if (done) continue;
    head += (chunk as Buffer).toString('latin1');
    const end = head.indexOf('\r\n\r\n');
    if (end >= 0) {
      head = head.slice(0, end);
      done = true;
    }
  }
  const header = (name: string) =>
    new RegExp(`^${name}:[ \\t]*(.*(?:\\r\\n[ \\t].*)*)`, 'im')
      .exec(head)?.[1]
      ?.replace(/\r\n[ \t]+/g, ' ')
      .trim();
  const to = header('To') ?? '';
  const address = /<([^>]+)>/.exec(to)?.[1] ?? to;
  return {
    messageId: header('Message-ID'),
    subject: header('Subject'),
    to: { text: address, html: address, value: [{ address, name: '' }] },
    headers: new Map(),
    headerLines: [],
    attachments: [],
  } as unknown as ParsedMail;
}

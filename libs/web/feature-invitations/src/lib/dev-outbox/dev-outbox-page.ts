import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { DomSanitizer, SafeHtml } from '@angular/platform-browser';
import type { OutboxEntry, OutboxMessage } from '@passerelle/api-types';
import { describeError, loadErrorMessage } from '@passerelle/web-data-access-clients';
import { DevOutbox, invitationLinkIn } from '@passerelle/web-data-access-invitations';
import { LoadError } from '@passerelle/web-ui-common';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';
import { firstValueFrom } from 'rxjs';

/**
 * The development outbox (admins, while e-mails go to files): the firm's messages, newest first; one opens
 * as the recipient would see it, with its invitation link ready to follow.
 */
@Component({
  selector: 'psl-dev-outbox-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatListModule,
    MatProgressBarModule,
    MatTabsModule,
    LoadError,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dev-outbox-page.html',
  styleUrl: './dev-outbox-page.scss',
})
export class DevOutboxPage {
  private readonly outbox = inject(DevOutbox);
  private readonly i18n = inject(I18n);
  private readonly sanitizer = inject(DomSanitizer);

  protected readonly messages = rxResource({ stream: () => this.outbox.list() });
  protected readonly listError = loadErrorMessage(this.messages, this.i18n);
  protected readonly open = signal<OutboxMessage | null>(null);
  protected readonly opening = signal(false);
  protected readonly openError = signal<string | null>(null);
  protected readonly link = computed(() => {
    const message = this.open();
    return message ? invitationLinkIn(message.text) : null;
  });
  /**
   * The message's HTML as sent, shown in a sandboxed frame (no scripts, no same-origin access): it is our own
   * template with every value escaped, and Angular's sanitizer would strip the inline styles mail relies on.
   */
  protected readonly preview = computed((): SafeHtml | null => {
    const message = this.open();
    return message ? this.sanitizer.bypassSecurityTrustHtml(message.html) : null;
  });

  protected date(iso: string): string {
    return this.i18n.dateTime(iso, 'long');
  }

  protected async read(entry: OutboxEntry): Promise<void> {
    this.opening.set(true);
    this.openError.set(null);
    try {
      this.open.set(await firstValueFrom(this.outbox.read(entry.id)));
    } catch (error) {
      this.openError.set(describeError(error, this.i18n).message);
    } finally {
      this.opening.set(false);
    }
  }

  protected close(): void {
    this.open.set(null);
  }
}

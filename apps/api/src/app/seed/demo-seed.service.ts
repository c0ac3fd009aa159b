import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuthService } from '../auth/auth.service';

export const DEMO_EMAIL = 'admin@demo.passerelle.ma';
export const DEMO_FIRM = 'Cabinet Démo';

export interface DemoCredentials {
  email: string;
  password: string;
  created: boolean;
}

/** Creates the demo firm and admin once per database, or gives the demo admin a new password. */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
  ) {}

  /** On the first start of an empty database only (an atomic marker row decides, even with several APIs). */
  async seedOnFirstStart(): Promise<DemoCredentials | null> {
    const claimed: unknown[] = await this.dataSource.query(
      `INSERT INTO installation_state (key) VALUES ('demo_seed') ON CONFLICT DO NOTHING RETURNING key`,
    );
    if (claimed.length === 0) return null;
    return this.seed();
  }

  async seed(): Promise<DemoCredentials> {
    const password = randomBytes(9).toString('base64url');
    if (await this.auth.resetPassword(DEMO_EMAIL, password))
      return { email: DEMO_EMAIL, password, created: false };
    await this.auth.createFirm(
      { firmName: DEMO_FIRM, name: 'Admin Démo', email: DEMO_EMAIL, password, language: 'fr' },
      { withSession: false },
    );
    return { email: DEMO_EMAIL, password, created: true };
  }

  print(credentials: DemoCredentials, appUrl: string): void {
    const verb = credentials.created ? 'Demo firm created' : 'Demo admin password reset';
    this.logger.log(
      `\n\n  ${verb}. Sign in at ${appUrl}/login with\n    e-mail:   ${credentials.email}\n    password: ${credentials.password}\n`,
    );
  }
}

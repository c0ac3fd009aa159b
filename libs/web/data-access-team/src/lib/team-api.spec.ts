import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { TeamApi } from './team-api';

describe('TeamApi', () => {
  let api: TeamApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(TeamApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('calls the team routes with each id escaped', async () => {
    const calls: [Promise<unknown>, string, string, unknown][] = [
      [firstValueFrom(api.changeRole('u/1', 'member')), 'PATCH', '/api/team/u%2F1', { role: 'member' }],
      [firstValueFrom(api.deactivate('u1')), 'POST', '/api/team/u1/deactivate', null],
      [firstValueFrom(api.reactivate('u1')), 'POST', '/api/team/u1/reactivate', null],
      [firstValueFrom(api.resend('i?1')), 'POST', '/api/team/invitations/i%3F1/resend', null],
      [firstValueFrom(api.cancel('i1')), 'DELETE', '/api/team/invitations/i1', null],
      [firstValueFrom(api.viewInvitation('tok/en')), 'GET', '/api/public/team-invitations/tok%2Fen', null],
    ];
    for (const [done, method, url, body] of calls) {
      const request = http.expectOne({ method, url });
      expect(request.request.body).toEqual(body);
      request.flush({});
      await done;
    }
  });

  it('sends an invitation and accepts one with the given body', async () => {
    const invited = firstValueFrom(
      api.invite({ email: 'nadia@atlas.ma', name: 'Nadia', role: 'member', language: 'fr' }),
    );
    const invite = http.expectOne({ method: 'POST', url: '/api/team/invitations' });
    expect(invite.request.body).toEqual({
      email: 'nadia@atlas.ma',
      name: 'Nadia',
      role: 'member',
      language: 'fr',
    });
    invite.flush({ id: 'i1' });
    expect(await invited).toEqual({ id: 'i1' });

    const accepted = firstValueFrom(
      api.acceptInvitation('abc', { name: 'Nadia', password: 'Atlas-Conseil-2026' }),
    );
    const accept = http.expectOne({ method: 'POST', url: '/api/public/team-invitations/abc/accept' });
    expect(accept.request.body).toEqual({ name: 'Nadia', password: 'Atlas-Conseil-2026' });
    accept.flush({ user: { id: 'u1' } });
    expect(await accepted).toEqual({ user: { id: 'u1' } });
  });
});

import { classifySmtpFailure, MAX_RETRY_DELAY_MS, retryDelayMs } from './delivery-policy';

describe('classifySmtpFailure', () => {
  it('fails for good on a 5xx reply, keeping the reply text', () => {
    const error = Object.assign(new Error("Can't send mail - all recipients were rejected"), {
      code: 'EENVELOPE',
      responseCode: 550,
      response: '550 5.1.1 <nobody@atlas.ma>: Recipient address rejected',
    });
    expect(classifySmtpFailure(error)).toEqual({
      kind: 'permanent',
      reply: '550 5.1.1 <nobody@atlas.ma>: Recipient address rejected',
    });
  });

  it('tries again after a 4xx reply, a dropped connection or an authentication failure', () => {
    expect(classifySmtpFailure({ responseCode: 451, response: '451 4.7.1 Try again later' })).toEqual({
      kind: 'temporary',
      reply: '451 4.7.1 Try again later',
    });
    expect(
      classifySmtpFailure(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), { code: 'ESOCKET' }),
      ),
    ).toEqual({
      kind: 'temporary',
      reply: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:2525',
    });
    expect(
      classifySmtpFailure({ code: 'EAUTH', responseCode: 535, response: '535 Authentication failed' }).kind,
    ).toBe('temporary');
  });
});

describe('retryDelayMs', () => {
  it('doubles at each attempt, between half and all of the ceiling', () => {
    expect(retryDelayMs(1, 1000, () => 0)).toBe(500);
    expect(retryDelayMs(1, 1000, () => 1)).toBe(1000);
    expect(retryDelayMs(3, 1000, () => 0)).toBe(2000);
    expect(retryDelayMs(3, 1000, () => 1)).toBe(4000);
    expect(retryDelayMs(40, 1000, () => 1)).toBe(MAX_RETRY_DELAY_MS);
  });
});

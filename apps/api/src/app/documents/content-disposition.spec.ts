import { attachmentDisposition } from './content-disposition';

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('Facture été.pdf')).toBe(
      `attachment; filename="Facture ete.pdf"; filename*=UTF-8''Facture%20%C3%A9t%C3%A9.pdf`,
    );
    expect(attachmentDisposition('فاتورة.pdf')).toBe(
      `attachment; filename="______.pdf"; filename*=UTF-8''%D9%81%D8%A7%D8%AA%D9%88%D8%B1%D8%A9.pdf`,
    );
  });

  it('never lets a quote, backslash or apostrophe end a parameter', () => {
    expect(attachmentDisposition(`a"b\\c'd(1).pdf`)).toBe(
      `attachment; filename="a_b_c'd(1).pdf"; filename*=UTF-8''a%22b%5Cc%27d%281%29.pdf`,
    );
  });
});

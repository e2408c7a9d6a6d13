import { expect } from '@open-wc/testing';
import { dateFormat, numberFormat, pluralRules, warmIntl } from './intl.js';

describe('Intl formatters', () => {
  it('are made once per locale and options, and format as Intl does', () => {
    const options = { dateStyle: 'long', timeZone: 'UTC' } as const;
    expect(dateFormat('fr', options)).to.equal(dateFormat('fr', { ...options }));
    expect(dateFormat('fr', options)).not.to.equal(dateFormat('en', options));
    expect(dateFormat('fr', options)).not.to.equal(dateFormat('fr', { dateStyle: 'medium', timeZone: 'UTC' }));
    expect(dateFormat('fr', options).format(Date.UTC(2025, 0, 24))).to.equal('24 janvier 2025');
    expect(numberFormat('fr', { maximumFractionDigits: 1 }).format(1234.56)).to.equal('1\u202f234,6');
    expect(numberFormat('en')).not.to.equal(numberFormat('en', { style: 'percent' }));
    expect(pluralRules('en').select(1)).to.equal('one');
    expect(pluralRules('fr')).to.equal(pluralRules('fr'));
  });

  it('make a first formatter in a task of their own, once a page', async () => {
    const made: string[] = [];
    const Original = Intl.NumberFormat;
    Intl.NumberFormat = function (locale?: string, options?: Intl.NumberFormatOptions) {
      made.push(String(locale));
      return new Original(locale, options);
    } as typeof Intl.NumberFormat;
    try {
      warmIntl('fr-CA');
      warmIntl('fr-BE');
      expect(made, 'not at once').to.deep.equal([]);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(made).to.deep.equal(['fr-CA']);
      made.length = 0;
      numberFormat('fr-CA').format(1);
      expect(made, 'the warm one is kept').to.deep.equal([]);
    } finally {
      Intl.NumberFormat = Original;
    }
  });
});

import { expect } from '@open-wc/testing';
import { shapeMismatch, type Shape } from './shape.js';

const shape: Shape = {
  root: 'Liste',
  definitions: {
    Liste: {
      type: 'object',
      required: ['version', 'elements'],
      properties: { version: { type: 'string' }, elements: { type: 'array', items: { ref: 'Element' } } },
    },
    Element: {
      type: 'object',
      required: ['numero'],
      properties: {
        numero: { type: 'integer' },
        note: { type: ['number', 'null'] },
        lien: { anyOf: [{ type: 'string' }, { type: 'object', required: ['url'] }] },
      },
    },
  },
};

describe('shapeMismatch', () => {
  it('accepts what the contract describes, extra fields included, integers where numbers are', () => {
    const value = {
      version: '1',
      elements: [{ numero: 1, note: 4.5, lien: 'x' }, { numero: 2, note: 3, lien: { url: 'y' } }, { numero: 3 }],
      nouveau: true,
    };
    expect(shapeMismatch(shape, value)).to.equal(undefined);
  });

  it('names the first value that departs, with its path', () => {
    const element = (e: object) => ({ version: '1', elements: [{ numero: 1 }, { numero: 2 }, e] });
    expect(shapeMismatch(shape, null)).to.equal('$: expected object, got null');
    expect(shapeMismatch(shape, { elements: [] })).to.equal('$.version: missing');
    expect(shapeMismatch(shape, { version: 1, elements: [] })).to.equal('$.version: expected string, got integer');
    expect(shapeMismatch(shape, element({}))).to.equal('$.elements[2].numero: missing');
    expect(shapeMismatch(shape, element({ numero: 1.5 }))).to.equal(
      '$.elements[2].numero: expected integer, got number',
    );
    expect(shapeMismatch(shape, element({ numero: 3, note: '4' }))).to.equal(
      '$.elements[2].note: expected number or null, got string',
    );
    expect(shapeMismatch(shape, element({ numero: 3, lien: { href: 'z' } }))).to.equal(
      '$.elements[2].lien: matches none of the expected forms',
    );
  });
});

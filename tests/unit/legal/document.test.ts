import { describe, expect, it } from 'vitest';
import {
  citationName,
  documentName,
  inverseRelations,
  type RegulationEntry,
} from '../../../src/lib/legal/document.ts';
import type { Regulation } from '../../../src/schemas/regulation.ts';

const regulation = (overrides: Partial<Regulation>): Regulation => ({
  type: 'Quy định',
  number: '1-QĐ/TW',
  title: 'Giả định',
  issuer: 'Bộ Chính trị',
  status: 'con-hieu-luc',
  relations: { replaces: [], amends: [], guides: [], basedOn: [] },
  aliases: [],
  sources: [{ title: 'Nguồn', url: 'https://example.org/' }],
  verifiedAt: '2026-11-26',
  ...overrides,
});

describe('document names', () => {
  it('cites Party documents by type and number, laws by short name and number', () => {
    expect(documentName(regulation({ number: '296-QĐ/TW' }))).toBe('Quy định 296-QĐ/TW');
    const law = regulation({ type: 'Luật', number: '25/2018/QH14', citeAs: 'Luật Tố cáo 2018' });
    expect(documentName(law)).toBe('Luật Tố cáo 2018');
    expect(citationName(law)).toBe('Luật Tố cáo 2018 (25/2018/QH14)');
    const charter = regulation({ type: 'Điều lệ', number: undefined, citeAs: 'Điều lệ Đảng' });
    expect(citationName(charter)).toBe('Điều lệ Đảng');
  });
});

describe('inverseRelations', () => {
  it('derives "replaced by" and "guided by" from what each document records', () => {
    const docs: RegulationEntry[] = [
      { id: 'old', data: regulation({ status: 'het-hieu-luc' }) },
      {
        id: 'new',
        data: regulation({
          relations: { replaces: ['old', { name: 'Quy định 85-QĐ/TW' }], amends: [], guides: [], basedOn: [] },
        }),
      },
      {
        id: 'guide',
        data: regulation({ relations: { replaces: [], amends: [], guides: ['new'], basedOn: [] } }),
      },
    ];
    const inverse = inverseRelations(docs);
    expect(inverse.get('old')?.replacedBy).toEqual(['new']);
    expect(inverse.get('new')?.guidedBy).toEqual(['guide']);
    expect(inverse.get('guide')?.replacedBy).toEqual([]);
  });
});

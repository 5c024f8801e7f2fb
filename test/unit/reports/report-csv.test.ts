import { describe, expect, it } from 'vitest';
import { csvField, reportToCsv } from '@shared/reports/report-csv';
import { buildTransparencyReport } from '@shared/reports/transparency-report';
import { yearPeriod } from '@shared/reports/report-period';
import { seededCases } from './seeded-cases';

const labels = {
  table: (id: string) => `T:${id}`,
  key: (_t: string, k: string) => `K:${k}`,
  span: (id: string) => `S:${id}`,
  publication: (kind: string) => `P:${kind}`,
};

describe('report CSV', () => {
  it('escapes fields and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-5')).toBe("'-5");
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+1+1', "'+1+1"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
  ])('defuses a field that a spreadsheet would run as a formula: %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([
    [' =1+1', "' =1+1"],
    ['  @SUM(A1)', "'  @SUM(A1)"],
    ['\u00a0+1', "'\u00a0+1"],
    ['\u3000=1+1', "'\u3000=1+1"],
    ['\u200b=1+1', "'\u200b=1+1"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    ['﹦1+1', "'﹦1+1"],
    ['|calc', "'|calc"],
    ['｜calc', "'｜calc"],
    [' \t|calc', "' \t|calc"],
  ])('defuses a formula behind whitespace, in full-width form or as a pipe: %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('leaves fields that only contain formula characters later on as they are', () => {
    expect(csvField('1+1')).toBe('1+1');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('x@y')).toBe('x@y');
    expect(csvField('a | b')).toBe('a | b');
    expect(csvField(' plain')).toBe(' plain');
  });

  it('holds the period, the rule, every published cell and the durations', () => {
    const report = buildTransparencyReport(seededCases(), {
      period: yearPeriod(2025),
      officeJurisdiction: 'DE',
      now: '2026-02-01T00:00:00.000Z',
    });
    const csv = reportToCsv(report, labels, 'BfDI, Bonn');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Casebridge transparency report,"BfDI, Bonn"');
    expect(lines[1]).toMatch(/^Period,2025,2025-01-01T00:00:00.000Z,2026-01-01T00:00:00.000Z$/);
    // The header block a reader of the file meets first, line by line, then the column heads of both parts.
    expect(lines[2]).toBe('Publication,public,P:public');
    expect(lines[3]).toBe(`Generated,${report.generatedAt}`);
    expect(lines[4]).toBe(
      'Suppression,counts below 5 are shown as <5; x marks a count withheld so that a small count cannot be worked out from the total',
    );
    expect(lines[5]).toBe('');
    expect(lines[6]).toBe('table,table code,category,category code,count');
    const stageHead = lines.indexOf('stage,stage code,cases,median days,90th percentile days');
    expect(stageHead).toBeGreaterThan(6);
    expect(lines[stageHead - 1]).toBe('');
    expect(csv).toContain('counts below 5 are shown as <5');
    expect(lines).toContain('T:requests-sent-by-partner,requests-sent-by-partner,K:IE,IE,<5');
    expect(lines).toContain('T:requests-sent-by-partner,requests-sent-by-partner,K:AT,AT,x');
    expect(lines).toContain('T:requests-sent-by-partner,requests-sent-by-partner,Total,total,250');
    expect(lines).toContain('S:request-sent-to-first-notice,request-sent-to-first-notice,230,7,40');
    expect(lines).toContain('S:request-sent-to-response,request-sent-to-response,<5,,');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('says in its header block that a custom period is internal, not for publication', () => {
    const report = buildTransparencyReport(seededCases(), {
      period: { from: '2025-01-01T00:00:00.000Z', to: '2025-03-06T00:00:00.000Z', label: '2025-01-01 – 2025-03-05' },
      officeJurisdiction: 'DE',
      now: '2026-02-01T00:00:00.000Z',
    });
    const lines = reportToCsv(report, labels, 'BfDI').split('\r\n');
    expect(lines[2]).toBe('Publication,internal,P:internal');
  });
});

import { describe, expect, it } from 'vitest';
import { dateFormatProblem, defaultDateFormat, formatDate } from './date-format';

describe('formatDate', () => {
  it("writes serene's default and the patterns its users write, as chrono does", () => {
    expect(formatDate('2025-12-03', defaultDateFormat)).toBe('Dec 3, 2025');
    expect(formatDate('2025-02-13', '%Y-%-m-%-d')).toBe('2025-2-13');
    expect(formatDate('2025-02-03', '%Y-%m-%d')).toBe('2025-02-03');
    expect(formatDate('2025-02-03', '%F')).toBe('2025-02-03');
    expect(formatDate('2025-02-03', '%B %e, %y')).toBe('February  3, 25');
    expect(formatDate('2025-02-03', '%A %_d %b')).toBe('Monday  3 Feb');
    expect(formatDate('2025-02-03', '%d/%m/%Y %%')).toBe('03/02/2025 %');
    expect(formatDate('2025-12-31', 'day %j')).toBe('day 365');
  });

  it('writes the time of a date-time in UTC, and midnight for a date', () => {
    expect(formatDate('2024-05-01T15:04:05Z', '%H:%M:%S %I %p %l%P')).toBe('15:04:05 03 PM  3pm');
    expect(formatDate('2024-05-01', '%R')).toBe('00:00');
  });

  it('falls back to the ISO day for a pattern it cannot write or a date it cannot read', () => {
    expect(formatDate('2024-05-01', '%Q')).toBe('2024-05-01');
    expect(formatDate('not-a-date', '%Y')).toBe('not-a-date');
  });
});

describe('dateFormatProblem', () => {
  it('accepts known directives and flags, and names the first unknown one', () => {
    expect(dateFormatProblem('%b %-d, %Y')).toBeUndefined();
    expect(dateFormatProblem('plain text')).toBeUndefined();
    expect(dateFormatProblem('%Y-%Q')).toMatch(/^`%Q` is not a date directive/);
    expect(dateFormatProblem('%-%')).toMatch(/^`%-%`/);
    expect(dateFormatProblem('100%')).toMatch(/^`%`/);
  });
});

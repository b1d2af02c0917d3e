/**
 * Normalises what the two databases return: PostgreSQL hands `date` columns back as Date
 * (at local midnight) in raw queries and bigint as text; SQLite gives text and numbers.
 */
export const toDateString = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const pad = (n: number): string => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  return String(value).slice(0, 10);
};

export const toInteger = (value: unknown): number =>
  typeof value === 'number' ? value : Number(value);

export const toBoolean = (value: unknown): boolean =>
  value === true || value === 1 || value === '1' || value === 't';

/** Presentation only: dates in the documents' style (the domain's formatDate) and file sizes. */
import { formatDate, type LocalDate } from '@scrutineer/domain';

export const date = (value: string, withDay = false): string =>
  formatDate(value as LocalDate, withDay);

export const formatBytes = (bytes: number | null): string | null => {
  if (bytes === null) return null;
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
};

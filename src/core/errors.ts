/** What an element reports in its `spp-error` event. */
export interface SppErrorDetail {
  /** Where it happened: `render`, `data`, `connect`, or an element-specific step. */
  phase: string;
  /** A short, non-personal description (the error's message). */
  message: string;
  /** The original error, for the host's own logging. */
  error: unknown;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' ? error : 'Unknown error';
}

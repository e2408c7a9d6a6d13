// One HTTP exchange with the platform: a timeout on every request, JSON in and out, RFC
// 9457 problems, and every failure turned into an ApiError of a known kind.
import { ApiError, type Problem } from './errors.js';
import { shapeMismatch, type Shape } from './shape.js';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH';
  body?: unknown;
  headers?: Record<string, string>;
  /** Milliseconds before giving up (default 8 s). */
  timeoutMs?: number;
  /** Cancels the request (an element leaving the page). */
  signal?: AbortSignal;
  /** The expected response shape; any mismatch is an ApiError of kind `shape`. */
  shape?: Shape;
}

export interface ApiResponse<T> {
  status: number;
  data: T;
}

export const DEFAULT_TIMEOUT_MS = 8000;

/** `Retry-After` in seconds or as an HTTP date, in milliseconds (undefined if absent). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

async function readProblem(response: Response): Promise<Problem | undefined> {
  if (!/json/.test(response.headers.get('content-type') ?? '')) return undefined;
  try {
    const body = (await response.json()) as Problem;
    return body && typeof body === 'object' && typeof body.status === 'number' ? body : undefined;
  } catch {
    return undefined;
  }
}

export async function request<T>(url: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const { method = 'GET', body, headers = {}, timeoutMs = DEFAULT_TIMEOUT_MS, signal, shape } = options;
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: combined,
      credentials: 'omit',
      referrerPolicy: 'strict-origin-when-cross-origin',
      cache: 'no-store',
    });
  } catch (error) {
    if (timeout.aborted) throw new ApiError('timeout', `${method} ${url}: no answer after ${timeoutMs} ms`);
    if (signal?.aborted) throw signal.reason;
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    throw new ApiError(offline ? 'offline' : 'network', `${method} ${url}: ${(error as Error).message}`);
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    throw new ApiError('http', `${method} ${url}: ${response.status} ${problem?.title ?? response.statusText}`, {
      status: response.status,
      problem,
      retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
    });
  }

  let data: unknown;
  try {
    data = await response.json();
  } catch {
    if (timeout.aborted) throw new ApiError('timeout', `${method} ${url}: body not received in ${timeoutMs} ms`);
    if (signal?.aborted) throw signal.reason;
    throw new ApiError('malformed', `${method} ${url}: the response is not JSON`, { status: response.status });
  }
  const mismatch = shape && shapeMismatch(shape, data);
  if (mismatch)
    throw new ApiError('shape', `${method} ${url}: unexpected response (${mismatch})`, { status: response.status });
  return { status: response.status, data: data as T };
}

/** RFC 9457 problem details: the body of every error response of the service. */
import { STATUS_CODES } from 'node:http'

/** A problem details object (RFC 9457), with our `code` and, for refusals, the findings. */
export interface Problem {
  /** `about:blank`: the title is the HTTP status phrase and `detail` says what happened. */
  type: string
  title: string
  status: number
  detail: string
  /** A stable code: a Fastify code (`FST_ERR_CTP_BODY_TOO_LARGE`), ours (`ERR_…`, `TIMEOUT`, …). */
  code?: string
  [extension: string]: unknown
}

export const PROBLEM_MEDIA_TYPE = 'application/problem+json; charset=utf-8'

export function problem(
  status: number,
  detail: string,
  extensions: Record<string, unknown> = {},
): Problem {
  return {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    ...extensions,
  }
}

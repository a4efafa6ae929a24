import { fetchJson, type JsonAnswer } from '../../http/outbound.js';

/** A provider's answer to a token inspection or a discovery request. */
export type ProviderAnswer = JsonAnswer;

/** Token inspections and discovery documents answer a few kilobytes; anything much larger is not an answer. */
export const maxAnswerBytes = 64 * 1024;

/** GET a provider's JSON, bounded by `timeoutMs` and `maxAnswerBytes`; throws OutboundError when it gives no usable answer. */
export const askProvider = (url: string, timeoutMs: number): Promise<ProviderAnswer> => fetchJson(url, { timeoutMs, maxBytes: maxAnswerBytes });

/** Probes for a process supervisor or load balancer. */
import { z } from 'zod';

/** `GET /api/health`: the process is alive (the database is not asked). */
export const ZHealth = z.object({ status: z.literal('ok') });
export type THealth = z.infer<typeof ZHealth>;

/** `GET /api/ready`: the database answers; otherwise 503 `unavailable`. */
export const ZReady = z.object({ status: z.literal('ready') });
export type TReady = z.infer<typeof ZReady>;

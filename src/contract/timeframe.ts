/** Reading a time-frame text ("Trước ngày 10 của tháng cuối quý") before it is saved. */
import { z } from 'zod';
import { ZIsoDate } from './common';

export const ZTimeframeParse = z.object({ text: z.string().max(1000), periodStart: ZIsoDate, periodEnd: ZIsoDate });
export type TTimeframeParse = z.infer<typeof ZTimeframeParse>;


/** Reading a time-frame text ("Trước ngày 10 của tháng cuối quý") before it is saved. */
import { z } from 'zod';
import { ZIsoDate, zText } from './common';

export const ZTimeframeParse = z.object({ text: zText(1000, { trim: false }), periodStart: ZIsoDate, periodEnd: ZIsoDate });
export type TTimeframeParse = z.infer<typeof ZTimeframeParse>;

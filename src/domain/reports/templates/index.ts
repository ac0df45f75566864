/** The templates shipped with the app; a city administrator loads later versions as data. */
import periodic from './bao-cao-cchc-dinh-ky.json' with { type: 'json' };
import inspection from './de-cuong-kiem-tra-cchc.json' with { type: 'json' };

export const SHIPPED_TEMPLATES: unknown[] = [periodic, inspection];

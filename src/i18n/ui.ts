/** Interface strings of the web app (owned by the web app; keep vi and en complete). */
export const uiVi = {
  'app.name': 'Quản lý cải cách hành chính',
} as const;

export type UiKey = keyof typeof uiVi;

export const uiEn: Record<UiKey, string> = {
  'app.name': 'Administrative reform management',
};

export const screenIds = ['dashboard', 'cases', 'exchange', 'reports', 'settings'] as const;
export type ScreenId = (typeof screenIds)[number];

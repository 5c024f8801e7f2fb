export const screenIds = ['dashboard', 'cases', 'exchange', 'reports', 'settings', 'help'] as const;
export type ScreenId = (typeof screenIds)[number];

export const screenIds = ['dashboard', 'cases', 'exchange', 'reports', 'desk', 'settings', 'help'] as const;
export type ScreenId = (typeof screenIds)[number];

/** What an office's navigation shows. */
export const officeScreens: readonly ScreenId[] = ['dashboard', 'cases', 'exchange', 'reports', 'settings', 'help'];
/** An oversight body's desk works no cases: its desk, its settings (partner offices, backup) and help. */
export const deskScreens: readonly ScreenId[] = ['desk', 'settings', 'help'];

export * from './civil-date';
export * from './compute-due';
export * from './duration';
export * from './holiday-calendar';
export * from './tracked-deadline';
export * from './zoned-time';
export * from './due-explanation';

export * from './audit-event';
export * from './audit-chain';
export * from './audit-export';
export * from './event-signature';
export * from './partner-person-ids';

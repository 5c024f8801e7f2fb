export * from './procedure-registry';
export * from './procedure-template';

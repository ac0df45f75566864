export * from './template';
export * from './figures';
export * from './values';
export * from './periods';
export * from './outline';
export * from './consolidate';

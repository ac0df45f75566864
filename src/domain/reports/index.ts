export * from './consolidate';
export * from './figures';
export * from './outline';
export * from './periods';
export * from './template';
export * from './values';

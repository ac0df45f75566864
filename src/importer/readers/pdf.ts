import type { DocModel } from '../types';
export async function readPdf(_data: Uint8Array): Promise<DocModel> {
  return { format: 'pdf', blocks: [] };
}

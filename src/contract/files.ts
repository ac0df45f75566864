/** Evidence files (sản phẩm) attached to tasks; their metadata (`ZFileMeta`) is part of a task's detail. */
import { binaryResponse } from './common';

/** A downloaded file: its bytes, with the type sniffed at upload. */
export const fileDownloadResponse = binaryResponse('application/octet-stream', 'Nội dung tệp (PDF, Word, Excel, ảnh …)');

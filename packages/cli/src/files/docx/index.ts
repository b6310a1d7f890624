// Word（.docx）：读全部文字部件、把修复写成修订。
export { DocxError, isZip, MAX_PART_BYTES, MAX_TOTAL_BYTES, unzipDocx } from './zip';
export { readDocx, sentenceAround, type DocxDocument } from './read';
export { parsePart } from './parse-part';
export { trackedFileName, writeTrackedChanges, TRACK_AUTHOR } from './track-changes';

/**
 * Dossier rows in the binary format of `COPY … FROM STDIN (FORMAT binary)`
 * (PostgreSQL manual, "COPY", section "Binary Format"). A timestamp travels as
 * microseconds since 2000-01-01, a boolean as one byte: no date text for
 * JavaScript to write and PostgreSQL to parse back — the two costs that made the
 * text format's rows dearer than checking them. Written by hand: the columns are
 * fixed, and a general encoder (one object per cell) would spend more in garbage
 * collection than the encoding itself.
 */
import type { Dossier } from '../../domain/indicators';

/** Signature, flags (no OIDs), header extension length. */
export const BINARY_HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
/** A field count of −1 ends the data. */
export const BINARY_TRAILER = Buffer.from([0xff, 0xff]);

/** Columns of a dossier row, in the order `DOSSIER_COPY_COLUMNS` names them. */
const FIELD_COUNT = 17;
/** 2000-01-01T00:00 in wall-clock ms: PostgreSQL's epoch for timestamps. */
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_32 = 2 ** 32;
/** A row's bytes besides its texts' characters: field count, commune, 4 timestamps, 4 booleans, 7 text lengths. */
const FIXED_BYTES = 2 + 8 + 4 * 12 + 4 * 5 + 7 * 4;

/** Rows appended into one growing buffer; `take()` hands over what was written and starts again. */
export class BinaryDossierRows {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private at = 0;

  append(communeId: number, d: Dossier): void {
    this.room(FIXED_BYTES);
    this.at = this.buffer.writeInt16BE(FIELD_COUNT, this.at);
    this.at = this.buffer.writeInt32BE(4, this.at);
    this.at = this.buffer.writeInt32BE(communeId, this.at);
    this.text(d.code);
    this.text(d.procedureCode);
    this.text(d.procedureName);
    this.text(d.field);
    this.text(d.unit);
    this.text(d.channel);
    this.timestamp(d.received.start);
    this.timestamp(d.appointment.start);
    this.timestamp(d.appointment.end);
    this.timestamp(d.ended ? d.ended.start : null);
    this.text(d.status);
    this.bool(d.hasFee);
    this.bool(d.paidOnline);
    this.bool(d.digitised);
    this.bool(d.electronicResult);
    this.text(d.rating);
  }

  take(): Buffer {
    const written = Buffer.from(this.buffer.subarray(0, this.at));
    this.at = 0;
    return written;
  }

  private room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + bytes));
    this.buffer.copy(larger, 0, 0, this.at);
    this.buffer = larger;
  }

  private null(): void {
    this.at = this.buffer.writeInt32BE(-1, this.at);
  }

  private text(value: string | null): void {
    if (value === null) {
      this.null();
      return;
    }
    // UTF-8 takes at most 3 bytes for each UTF-16 unit; the row's fixed fields may still follow.
    this.room(4 + 3 * value.length + FIXED_BYTES);
    const length = this.buffer.write(value, this.at + 4, 'utf8');
    this.buffer.writeInt32BE(length, this.at);
    this.at += 4 + length;
  }

  private timestamp(ms: number | null): void {
    if (ms === null) {
      this.null();
      return;
    }
    // An int64 as two int32 halves: microseconds stay below 2^53, exact in a double.
    const micros = (ms - PG_EPOCH_MS) * 1000;
    const high = Math.floor(micros / TWO_32);
    this.at = this.buffer.writeInt32BE(8, this.at);
    this.at = this.buffer.writeInt32BE(high, this.at);
    this.at = this.buffer.writeUInt32BE(micros - high * TWO_32, this.at);
  }

  private bool(value: boolean | null): void {
    if (value === null) {
      this.null();
      return;
    }
    this.at = this.buffer.writeInt32BE(1, this.at);
    this.at = this.buffer.writeUInt8(value ? 1 : 0, this.at);
  }
}

import { Writable } from 'node:stream';

/** A writable stream that keeps what was written, for asserting on CLI and log output. */
export class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

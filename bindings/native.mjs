// One engine inside a loaded module, through the module's plain C functions
// (bindings/bindings.cpp): text goes in with TextEncoder.encodeInto straight
// into the module's memory, answers come out with TextDecoder, so a large
// state is never copied through a JavaScript string loop.

const encoder = new TextEncoder();
const decoder = new TextDecoder();
// Text is written in pieces of at most this many characters (UTF-8 takes at
// most 3 bytes for each), so the buffer grows with what was really written.
const PIECE = 1 << 20;

export class Native {
  constructor(core) {
    this.core = core;
    this.id = core._fp_open();
  }

  // Writes `text` as UTF-8 at `offset` of the module's buffer; its byte length.
  write(text, offset = 0) {
    const core = this.core;
    let at = offset;
    for (let i = 0; i < text.length;) {
      let end = Math.min(text.length, i + PIECE);
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;  // a surrogate pair stays whole
      const piece = end - i === text.length ? text : text.slice(i, end);
      const room = (end - i) * 3;
      const ptr = core._fp_buffer(at + room) >>> 0;
      at += encoder.encodeInto(piece, core.HEAPU8.subarray(ptr + at, ptr + at + room)).written;
      i = end;
    }
    return at - offset;
  }

  // The module's answer text, `length` bytes.
  read(length) {
    const ptr = this.core._fp_answer() >>> 0;
    return decoder.decode(this.core.HEAPU8.subarray(ptr, ptr + length));
  }

  execute(command) {
    return this.read(this.core._fp_execute(this.id, this.write(command)));
  }

  executeWithState(command, state) {
    const commandBytes = this.write(command);
    const stateBytes = this.write(state, commandBytes);
    return this.read(this.core._fp_execute_with_state(this.id, commandBytes, stateBytes));
  }

  // { ok, text }: the state's own text, or the failure's answer.
  exportState(command) {
    const ok = this.core._fp_export(this.id, this.write(command)) === 1;
    const text = this.read(this.core._fp_answer_length());
    this.core._fp_release();  // a large state is not kept twice
    return { ok, text };
  }

  close() {
    this.core._fp_close(this.id);
  }
}

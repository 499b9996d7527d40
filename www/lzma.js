//! LZMA decoder: unpacks the program (the wasm) that `cargo xtask dist` stores LZMA-compressed in the page.
//
// A port of LzmaSpec.cpp, the reference decoder of the LZMA SDK (public
// domain): the range decoder, literals (matched after a match), the two
// length decoders, distances as a 6-bit slot plus a reverse bit tree or
// direct bits, and the four most recent distances (rep0-rep3) with the
// 12-state machine.
//
// Input: the .lzma ("LZMA alone") format, as `xz --format=lzma` writes it:
// a properties byte (lc, lp, pb), the dictionary size (4 bytes, ignored: the
// whole output stays in memory), the unpacked size (8 bytes, little-endian,
// at most 1 GiB; it must be stored), then the range-coded data. An end marker
// after the last byte is allowed and not read. Corrupt input throws an Error;
// it never loops forever nor writes outside the output.
//
// Speed matters: it runs at every start-up, once, so it must be fast from its
// first run, while V8 is still compiling it. As in the SDK's LzmaDec.c, the
// whole decoder is one function: the range decoder's state (range, code, ip)
// lives in its local variables, which a helper function would have to keep
// in a heap context, and the decoding of one bit is written out where it is
// needed, always in the same shape:
//
//   if (range >>> 24 === 0) { range <<= 8; code = code << 8 | input[ip++]; }   normalize
//   p = probs[k]; bound = imul(range >>> 11, p);
//   if ((code ^ SIGN) < (bound ^ SIGN)) { range = bound; probs[k] = p + (2048 - p >>> 5); ...bit 0 }
//   else { range = range - bound | 0; code = code - bound | 0; probs[k] = p - (p >>> 5); ...bit 1 }
//
// Range and code are unsigned 32-bit numbers kept as int32: flipping the sign
// bit (`^ SIGN`) compares them unsigned without ever making a number above
// 2^31, which V8 would stop and recompile the function for ("lost
// precision"). Every probability is in one Uint16Array at the offsets below;
// the output is one Uint8Array. Nothing is allocated per byte.
//
// This file is inlined in index.html's boot script (xtask/src/dist.rs) and run
// by xtask's node test (xtask/src/lzma_check.js): keep it one plain function
// declaration that uses no global but Math and Uint8Array/Uint16Array.

function lzmaDecode(input) {
  "use strict";
  var imul = Math.imul, SIGN = -2147483648, HEADER = 13;
  // Offsets into `probs`. posState (pb bits) picks one of 16 slots per state.
  var IS_MATCH = 0, IS_REP = 192, IS_REP_G0 = 204, IS_REP_G1 = 216, IS_REP_G2 = 228;
  var IS_REP0_LONG = 240, POS_SLOT = 432, SPEC_POS = 688, ALIGN = 803;
  // A length decoder: choice, choice2, low[16][8] at +2, mid[16][8] at +130, high[256] at +258.
  var MATCH_LEN = 819, REP_LEN = 1333, LITERAL = 1847;

  if (input.length < HEADER + 5) { throw new Error("LZMA: the data is cut short"); }
  var props = input[0];
  if (props >= 225) { throw new Error("LZMA: bad properties byte " + props); }
  var lc = props % 9, lp = Math.floor(props / 9) % 5, pb = Math.floor(props / 45);
  if (input[9] | input[10] | input[11] | input[12] || input[8] > 63) {
    throw new Error("LZMA: the unpacked size is not stored, or over 1 GiB");
  }
  var size = input[5] | input[6] << 8 | input[7] << 16 | input[8] << 24;
  var out = new Uint8Array(size);
  var probs = new Uint16Array(LITERAL + (0x300 << (lc + lp))).fill(1024);

  if (input[HEADER] !== 0) { throw new Error("LZMA: bad range coder start"); }
  var range = -1;
  var code = input[HEADER + 1] << 24 | input[HEADER + 2] << 16 | input[HEADER + 3] << 8 | input[HEADER + 4];
  var ip = HEADER + 5;
  if (code === -1) { throw new Error("LZMA: bad range coder start"); }

  var pbMask = (1 << pb) - 1, lpMask = (1 << lp) - 1, litShift = 8 - lc;
  var state = 0, rep0 = 0, rep1 = 0, rep2 = 0, rep3 = 0, pos = 0, posState = 0;
  var p = 0, bound = 0, k = 0, m = 0, n = 0, t = 0, len = 0, offset = 0, bits = 0;
  var distance = 0, fresh = false, matchByte = 0, matchBit = 0, from = 0;

  while (pos < size) {
    posState = pos & pbMask;
    if (range >>> 24 === 0) { range <<= 8; code = code << 8 | input[ip++]; }
    k = IS_MATCH + (state << 4) + posState; p = probs[k]; bound = imul(range >>> 11, p);
    if ((code ^ SIGN) < (bound ^ SIGN)) {
      range = bound; probs[k] = p + (2048 - p >>> 5);
      // A literal: 8 bits through the bit tree of the previous byte's top lc bits.
      offset = LITERAL + 0x300 * (((pos & lpMask) << lc) + ((pos > 0 ? out[pos - 1] : 0) >>> litShift));
      m = 1;
      if (state >= 7) {
        // After a match, the byte at rep0 steers the tree until the first bit that differs.
        matchByte = out[pos - rep0 - 1];
        do {
          matchBit = matchByte >>> 7 & 1;
          matchByte <<= 1;
          if (range >>> 24 === 0) { range <<= 8; code = code << 8 | input[ip++]; }
          k = offset + ((1 + matchBit) << 8) + m; p = probs[k]; bound = imul(range >>> 11, p);
          if ((code ^ SIGN) < (bound ^ SIGN)) {
            range = bound; probs[k] = p + (2048 - p >>> 5); m <<= 1;
            if (matchBit !== 0) { break; }
          } else {
            range = range - bound | 0; code = code - bound | 0; probs[k] = p - (p >>> 5); m = m << 1 | 1;
            if (matchBit === 0) { break; }
          }
        } while (m < 0x100);
      }
      while (m < 0x100) {
        if (range >>> 24 === 0) { range <<= 8; code = code << 8 | input[ip++]; }
        k = offset + m; p = probs[k]; bound = imul(range >>> 11, p);
        if ((code ^ SIGN) < (bound ^ SIGN)) {
          range = bound; probs[k] = p + (2048 - p >>> 5); m <<= 1;
        } else {
          range = range - bound | 0; code = code - bound | 0; probs[k] = p - (p >>> 5); m = m << 1 | 1;
        }
      }
      out[pos++] = m;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    range = range - bound | 0; code = code - bound | 0; probs[k] = p - (p >>> 5);

    if (range >>> 24 === 0) { range <<= 8; code = code << 8 | input[ip++]; }
    k = IS_REP + state; p = probs[k]; bound = imul(range >>> 11, p);
    if ((code ^ SIGN) < (bound ^ SIGN)) {
      range = bound; probs[k] = p + (2048 - p >>> 5);
      // A match at a new distance, decoded after its length.
      fresh = true;
      rep3 = rep2; rep2 = rep1; rep1 = rep0;
      state = state < 7 ? 7 : 10;
      offset = MATCH_LEN;
    } else {
      range = range - bound | 0; code = code - bound | 0; probs[k] = p - (p >>> 5);
      // A match at one of the last four distances.
      if (pos === 0) { throw new Error("LZMA: a repeated match before any byte"); }
      fresh = false;
      if (range >>> 24 === 0) { range <<= 8; code = code << 8 | input[ip++]; }
      k = IS_REP_G0 + state; p = probs[k]; bound = imul(range >>> 11, p);
      if ((code ^ SIGN) < (bound ^ SIGN)) {
        range = bound; probs[k] = p + (2048 - p >>> 5);
        if (range >>> 24 === 0) { range <<= 8; code = code << 8 | input[ip++]; }
        k = IS_REP0_LONG + (state << 4) + posState; p = probs[k]; bound = imul(range >>> 11, p);
        if ((code ^ SIGN) < (bound ^ SIGN)) {
          range = bound; probs[k] = p + (2048 - p >>> 5);
          // A single byte at rep0.
          state = state < 7 ? 9 : 11;
          out[pos] = out[pos - rep0 - 1];
          pos++;
          continue;
        }
        range = range - bound | 0; code = code - bound | 0; probs[k] = p - (p >>> 5);
      } else {
        range = range - bound | 0; code = code - bound | 0; probs[k] = p - (p >>> 5);
        if (range >>> 24 === 0) { range <<= 8; code = code << 8 | input[ip++]; }
        k = IS_REP_G1 + state; p = probs[k]; bound = imul(range >>> 11, p);
        if ((code ^ SIGN) < (bound ^ SIGN)) {
          range = bound; probs[k] = p + (2048 - p >>> 5);
          distance = rep1;
        } else {
          range = range - bound | 0; code = code - bound | 0; probs[k] = p - (p >>> 5);
          if (range >>> 24 === 0) { range <<= 8; code = code << 8 | input[ip++]; }
          k = IS_REP_G2 + state; p = probs[k]; bound = imul(range >>> 11, p);
          if ((code ^ SIGN) < (bound ^ SIGN)) {
            range = bound; probs[k] = p + (2048 - p >>> 5);
            distance = rep2;
          } else {
            range = range - bound | 0; code = code - bound | 0; probs[k] = p - (p >>> 5);
            distance = rep3; rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0; rep0 = distance;
      }
      state = state < 7 ? 8 : 11;
      offset = REP_LEN;
    }

    // The length: two choice bits pick a 3-bit tree (2-9, 10-17) or the 8-bit one (18-273).
    if (range >>> 24 === 0) { range <<= 8; code = code << 8 | input[ip++]; }
    k = offset; p = probs[k]; bound = imul(range >>> 11, p);
    if ((code ^ SIGN) < (bound ^ SIGN)) {
      range = bound; probs[k] = p + (2048 - p >>> 5);
      offset += 2 + (posState << 3); bits = 3; len = 0;
    } else {
      range = range - bound | 0; code = code - bound | 0; probs[k] = p - (p >>> 5);
      if (range >>> 24 === 0) { range <<= 8; code = code << 8 | input[ip++]; }
      k = offset + 1; p = probs[k]; bound = imul(range >>> 11, p);
      if ((code ^ SIGN) < (bound ^ SIGN)) {
        range = bound; probs[k] = p + (2048 - p >>> 5);
        offset += 130 + (posState << 3); bits = 3; len = 8;
      } else {
        range = range - bound | 0; code = code - bound | 0; probs[k] = p - (p >>> 5);
        offset += 258; bits = 8; len = 16;
      }
    }
    for (m = 1, n = 0; n < bits; n++) {
      if (range >>> 24 === 0) { range <<= 8; code = code << 8 | input[ip++]; }
      k = offset + m; p = probs[k]; bound = imul(range >>> 11, p);
      if ((code ^ SIGN) < (bound ^ SIGN)) {
        range = bound; probs[k] = p + (2048 - p >>> 5); m <<= 1;
      } else {
        range = range - bound | 0; code = code - bound | 0; probs[k] = p - (p >>> 5); m = m << 1 | 1;
      }
    }
    len += m - (1 << bits);

    if (fresh) {
      // The distance: a 6-bit slot, chosen by the length (2, 3, 4, 5+).
      offset = POS_SLOT + ((len < 3 ? len : 3) << 6);
      for (m = 1, n = 0; n < 6; n++) {
        if (range >>> 24 === 0) { range <<= 8; code = code << 8 | input[ip++]; }
        k = offset + m; p = probs[k]; bound = imul(range >>> 11, p);
        if ((code ^ SIGN) < (bound ^ SIGN)) {
          range = bound; probs[k] = p + (2048 - p >>> 5); m <<= 1;
        } else {
          range = range - bound | 0; code = code - bound | 0; probs[k] = p - (p >>> 5); m = m << 1 | 1;
        }
      }
      distance = m - 64;
      if (distance >= 4) {
        // Slot s is 1 + (s & 1) followed by s / 2 - 1 bits: up to 13 from a
        // reverse bit tree of its own; above, all but the low 4 as direct
        // bits, the low 4 from the align tree. In int32, the end marker
        // (distance 0xFFFFFFFF) comes out as -1.
        bits = (distance >>> 1) - 1;
        if (distance < 14) {
          distance = (2 | distance & 1) << bits;
          offset = SPEC_POS + distance - (m - 64);
        } else {
          distance = (2 | distance & 1) << bits;
          for (t = 0, n = bits - 4; n > 0; n--) {
            if (range >>> 24 === 0) { range <<= 8; code = code << 8 | input[ip++]; }
            range = range >>> 1;
            if ((code ^ SIGN) >= (range ^ SIGN)) { code = code - range | 0; t = t << 1 | 1; } else { t <<= 1; }
          }
          distance = distance + (t << 4) | 0;
          offset = ALIGN; bits = 4;
        }
        for (m = 1, t = 0, n = 0; n < bits; n++) {
          if (range >>> 24 === 0) { range <<= 8; code = code << 8 | input[ip++]; }
          k = offset + m; p = probs[k]; bound = imul(range >>> 11, p);
          if ((code ^ SIGN) < (bound ^ SIGN)) {
            range = bound; probs[k] = p + (2048 - p >>> 5); m <<= 1;
          } else {
            range = range - bound | 0; code = code - bound | 0; probs[k] = p - (p >>> 5); m = m << 1 | 1; t |= 1 << n;
          }
        }
        distance = distance + t | 0;
      }
      if (distance === -1) { break; } // the end marker
      if (distance < 0 || distance >= pos) { throw new Error("LZMA: a match reaches before the start"); }
      rep0 = distance;
    }

    len += 2;
    if (len > size - pos) { throw new Error("LZMA: a match runs past the end"); }
    from = pos - rep0 - 1;
    for (n = pos + len; pos < n;) { out[pos++] = out[from++]; }
  }
  if (pos < size) { throw new Error("LZMA: the data ends early"); }
  if (ip > input.length) { throw new Error("LZMA: the data is cut short"); }
  return out;
}

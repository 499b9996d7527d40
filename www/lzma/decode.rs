//! LZMA decoding for the page: a port of LzmaSpec.cpp, the LZMA SDK's reference decoder (public domain), built into a small wasm module by `cargo xtask dist` (`wasm.rs`) and tested natively by xtask.
//!
//! It reads the .lzma ("LZMA alone") format, as `xz --format=lzma` writes it:
//! a properties byte (lc, lp, pb), the dictionary size (4 bytes, ignored: the
//! whole output stays in memory), the unpacked size (8 bytes, little-endian;
//! it must be stored, at most [`MAX_SIZE`]), then the range-coded data. An end
//! marker after the last byte is allowed and not read.
//!
//! The parts, as in the specification: the range decoder ([`RangeDecoder`]:
//! bits with an adaptive 11-bit probability, bit trees, direct bits);
//! literals, "matched" right after a match; the two length decoders; distances
//! as a 6-bit slot plus a reverse bit tree or direct bits and the align tree;
//! the last four distances (rep0-rep3) and the 12-state machine
//! ([`State`]). Every probability sits in one `u16` slice at the offsets
//! below, so that the caller can provide it ([`Header::probabilities`] long).
//! [`Decoder`] can stop and go on, so that the page can pass the output on
//! in chunks.
//!
//! Corrupt input ends with an [`Error`], never a panic: every index into the
//! output is checked against what has been written.

/// The .lzma header: properties, dictionary size, unpacked size.
pub const HEADER_LEN: usize = 13;
/// The largest unpacked size accepted, 1 GiB.
pub const MAX_SIZE: usize = 1 << 30;

/// Why the data could not be decoded. The wasm module returns the code, negated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(i32)]
pub enum Error {
    /// The data ends before the header or the last byte does.
    CutShort = 1,
    /// The properties byte is over 224.
    BadProperties = 2,
    /// The unpacked size is unknown (all ones) or over [`MAX_SIZE`].
    SizeNotStored = 3,
    /// The range coder's first byte is not zero.
    BadStart = 4,
    /// A match reaches before the first byte.
    DistanceTooFar = 5,
    /// The end marker comes before the unpacked size is reached.
    EndedEarly = 6,
    /// A match runs past the unpacked size.
    MatchPastEnd = 7,
    /// The caller's output or probabilities do not fit the header.
    WrongBuffers = 8,
}

/// What the header says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header {
    /// Literal context bits: how many high bits of the previous byte pick the literal model.
    pub lc: u32,
    /// Literal position bits.
    pub lp: u32,
    /// Position bits: how many low bits of the position pick the match models.
    pub pb: u32,
    /// The number of bytes the data decodes to.
    pub size: usize,
}

impl Header {
    /// Reads the first [`HEADER_LEN`] bytes.
    pub fn parse(input: &[u8]) -> Result<Header, Error> {
        let header = input.get(..HEADER_LEN).ok_or(Error::CutShort)?;
        let props = u32::from(header[0]);
        if props >= 9 * 5 * 5 {
            return Err(Error::BadProperties);
        }
        let mut size = [0; 8];
        size.copy_from_slice(&header[5..HEADER_LEN]);
        let size = u64::from_le_bytes(size);
        if size > MAX_SIZE as u64 {
            return Err(Error::SizeNotStored);
        }
        Ok(Header {
            lc: props % 9,
            lp: props / 9 % 5,
            pb: props / 45,
            size: size as usize,
        })
    }

    /// How many probabilities [`decode`] needs.
    pub fn probabilities(&self) -> usize {
        LITERAL + (0x300 << (self.lc + self.lp))
    }
}

// Where each model's probabilities start. posState (pb bits) picks one of 16
// slots per state; a length decoder is choice, choice2, low[16][8] (at +2),
// mid[16][8] (at +130) and high[256] (at +258).
const IS_MATCH: usize = 0;
const IS_REP: usize = 192;
const IS_REP_G0: usize = 204;
const IS_REP_G1: usize = 216;
const IS_REP_G2: usize = 228;
const IS_REP0_LONG: usize = 240;
const POS_SLOT: usize = 432;
const SPEC_POS: usize = 688;
const ALIGN: usize = 803;
const MATCH_LEN: usize = 819;
const REP_LEN: usize = 1333;
const LITERAL: usize = 1847;

/// A probability of one half, in 11 bits.
const HALF: u16 = 1024;
/// The shortest match.
const MIN_MATCH: usize = 2;

/// A decoding of `input` (header included) into `out`, which must be as long
/// as the header's size, using `probs` ([`Header::probabilities`] long) as
/// scratch. It can stop after any match and go on later, so that the page can
/// hand the output on in chunks while the rest is decoded: each call takes
/// the same input and buffers again (the wasm module keeps only addresses
/// between calls).
pub struct Decoder {
    header: Header,
    range: u32,
    code: u32,
    /// Where the range decoder reads next, counted from the end of the header.
    read: usize,
    state: State,
    reps: [usize; 4],
    /// How many bytes are written.
    written: usize,
}

impl Decoder {
    /// Checks the header and the buffers' sizes, and sets every probability to one half.
    pub fn new(input: &[u8], out: &[u8], probs: &mut [u16]) -> Result<Decoder, Error> {
        let header = Header::parse(input)?;
        if out.len() != header.size || probs.len() != header.probabilities() {
            return Err(Error::WrongBuffers);
        }
        probs.fill(HALF);
        let rc = RangeDecoder::new(input.get(HEADER_LEN..).ok_or(Error::CutShort)?)?;
        Ok(Decoder {
            header,
            range: rc.range,
            code: rc.code,
            read: rc.pos,
            state: State(0),
            reps: [0; 4],
            written: 0,
        })
    }

    /// Decodes until at least `until` bytes are written (a match may run
    /// past it) or all are; returns how many are.
    pub fn run(
        &mut self,
        input: &[u8],
        out: &mut [u8],
        probs: &mut [u16],
        until: usize,
    ) -> Result<usize, Error> {
        let header = self.header;
        let until = until.min(header.size);
        let mut rc = RangeDecoder {
            range: self.range,
            code: self.code,
            input: input.get(HEADER_LEN..).ok_or(Error::CutShort)?,
            pos: self.read,
        };
        let mut window = Window {
            out,
            pos: self.written,
        };
        let (mut state, mut reps) = (self.state, self.reps);
        let pb_mask = (1 << header.pb) - 1;
        while window.pos < until {
            let pos_state = window.pos & pb_mask;
            if rc.bit(probs.at(IS_MATCH + state.index(pos_state))) == 0 {
                let byte = literal(&mut rc, probs, &window, &header, state, reps[0]);
                window.push(byte);
                state.after_literal();
                continue;
            }
            let len = if rc.bit(probs.at(IS_REP + state.0)) == 0 {
                let len = length(&mut rc, probs, MATCH_LEN, pos_state);
                state.after_match();
                let distance = distance(&mut rc, probs, len);
                if distance == u32::MAX {
                    return Err(Error::EndedEarly);
                }
                reps = [distance as usize, reps[0], reps[1], reps[2]];
                len
            } else {
                if rc.bit(probs.at(IS_REP_G0 + state.0)) == 0 {
                    if rc.bit(probs.at(IS_REP0_LONG + state.index(pos_state))) == 0 {
                        state.after_short_rep();
                        let byte = window.back(reps[0])?;
                        window.push(byte);
                        continue;
                    }
                } else if rc.bit(probs.at(IS_REP_G1 + state.0)) == 0 {
                    reps.swap(0, 1);
                } else if rc.bit(probs.at(IS_REP_G2 + state.0)) == 0 {
                    reps[..3].rotate_right(1);
                } else {
                    reps.rotate_right(1);
                }
                let len = length(&mut rc, probs, REP_LEN, pos_state);
                state.after_rep();
                len
            };
            window.copy(reps[0], len + MIN_MATCH)?;
        }
        if window.pos == header.size {
            rc.finish()?;
        }
        (self.range, self.code, self.read) = (rc.range, rc.code, rc.pos);
        (self.state, self.reps, self.written) = (state, reps, window.pos);
        Ok(window.pos)
    }
}

/// The output written so far.
struct Window<'a> {
    out: &'a mut [u8],
    pos: usize,
}

impl Window<'_> {
    fn push(&mut self, byte: u8) {
        *self.out.at(self.pos) = byte;
        self.pos += 1;
    }

    /// The byte `distance + 1` back.
    fn back(&self, distance: usize) -> Result<u8, Error> {
        if distance >= self.pos {
            return Err(Error::DistanceTooFar);
        }
        Ok(self.out.value(self.pos - distance - 1))
    }

    /// Repeats `len` bytes from `distance + 1` back; they may overlap what they write.
    fn copy(&mut self, distance: usize, len: usize) -> Result<(), Error> {
        if distance >= self.pos {
            return Err(Error::DistanceTooFar);
        }
        if len > self.out.len() - self.pos {
            return Err(Error::MatchPastEnd);
        }
        let from = self.pos - distance - 1;
        if distance + 1 >= len {
            let (written, rest) = self
                .out
                .split_at_mut_checked(self.pos)
                .unwrap_or_else(|| out_of_range());
            let source = written.from(from);
            // Checked above: `from + len <= pos` and `pos + len <= out.len()`.
            rest.until(len).copy_from_slice(source.until(len));
        } else {
            for i in 0..len {
                let byte = self.out.value(from + i);
                *self.out.at(self.pos + i) = byte;
            }
        }
        self.pos += len;
        Ok(())
    }
}

/// The 12 states: what the last few symbols were (literals, matches, repeats).
#[derive(Clone, Copy)]
struct State(usize);

impl State {
    fn index(self, pos_state: usize) -> usize {
        (self.0 << 4) + pos_state
    }

    fn after_literal(&mut self) {
        self.0 = match self.0 {
            0..4 => 0,
            4..10 => self.0 - 3,
            _ => self.0 - 6,
        };
    }

    fn after_match(&mut self) {
        self.0 = if self.0 < 7 { 7 } else { 10 };
    }

    fn after_rep(&mut self) {
        self.0 = if self.0 < 7 { 8 } else { 11 };
    }

    fn after_short_rep(&mut self) {
        self.0 = if self.0 < 7 { 9 } else { 11 };
    }

    fn after_a_match(self) -> bool {
        self.0 >= 7
    }
}

/// One byte through the bit tree of its context (the previous byte's top lc
/// bits, the position's low lp bits). Right after a match, the byte at rep0
/// steers the tree until the first bit that differs from it.
fn literal(
    rc: &mut RangeDecoder,
    probs: &mut [u16],
    window: &Window,
    header: &Header,
    state: State,
    rep0: usize,
) -> u8 {
    let prev = if window.pos > 0 {
        window.out.value(window.pos - 1)
    } else {
        0
    };
    let context = ((window.pos & ((1 << header.lp) - 1)) << header.lc)
        + (usize::from(prev) >> (8 - header.lc));
    let probs = probs.from(LITERAL + 0x300 * context);
    let mut symbol = 1usize;
    if state.after_a_match() && rep0 < window.pos {
        let mut match_byte = usize::from(window.out.value(window.pos - rep0 - 1));
        while symbol < 0x100 {
            let match_bit = (match_byte >> 7) & 1;
            match_byte <<= 1;
            let bit = rc.bit(probs.at(((1 + match_bit) << 8) + symbol)) as usize;
            symbol = (symbol << 1) | bit;
            if bit != match_bit {
                break;
            }
        }
    }
    while symbol < 0x100 {
        symbol = (symbol << 1) | rc.bit(probs.at(symbol)) as usize;
    }
    symbol as u8
}

/// A match length minus 2: 0-7, 8-15 from 3-bit trees per posState, or 16-271 from the 8-bit tree.
fn length(rc: &mut RangeDecoder, probs: &mut [u16], base: usize, pos_state: usize) -> usize {
    let len = if rc.bit(probs.at(base)) == 0 {
        rc.tree(probs.from(base + 2 + (pos_state << 3)), 3)
    } else if rc.bit(probs.at(base + 1)) == 0 {
        8 + rc.tree(probs.from(base + 130 + (pos_state << 3)), 3)
    } else {
        16 + rc.tree(probs.from(base + 258), 8)
    };
    len as usize
}

/// A match distance minus 1 (`u32::MAX` is the end marker): a 6-bit slot
/// chosen by the length; slot s is 1 + (s & 1) followed by s / 2 - 1 bits,
/// up to slot 13 from a reverse bit tree of its own, above that all but the
/// low 4 as direct bits and the low 4 from the align tree.
fn distance(rc: &mut RangeDecoder, probs: &mut [u16], len: usize) -> u32 {
    let slot = rc.tree(probs.from(POS_SLOT + (len.min(3) << 6)), 6);
    if slot < 4 {
        return slot;
    }
    let bits = (slot >> 1) - 1;
    let base = (2 | (slot & 1)) << bits;
    if slot < 14 {
        base + rc.reverse_tree(probs.from(SPEC_POS + (base - slot) as usize), bits)
    } else {
        let high = rc.direct_bits(bits - 4) << 4;
        base.wrapping_add(high)
            .wrapping_add(rc.reverse_tree(probs.from(ALIGN), 4))
    }
}

/// The range decoder: 32-bit range and code, refilled a byte at a time.
struct RangeDecoder<'a> {
    range: u32,
    code: u32,
    input: &'a [u8],
    pos: usize,
}

impl<'a> RangeDecoder<'a> {
    /// Probabilities are 11-bit; they move by 1/32 of the way at each bit.
    const BITS: u32 = 11;
    const MOVE: u32 = 5;
    const TOP: u32 = 1 << 24;

    fn new(data: &'a [u8]) -> Result<Self, Error> {
        let start = data.get(..5).ok_or(Error::CutShort)?;
        if start[0] != 0 {
            return Err(Error::BadStart);
        }
        Ok(RangeDecoder {
            range: u32::MAX,
            code: u32::from_be_bytes([start[1], start[2], start[3], start[4]]),
            input: data,
            pos: 5,
        })
    }

    /// The next byte; past the end, zeros (and [`Self::finish`] says so).
    #[inline(always)]
    fn normalize(&mut self) {
        if self.range < Self::TOP {
            let byte = self.input.get(self.pos).copied().unwrap_or(0);
            self.range <<= 8;
            self.code = (self.code << 8) | u32::from(byte);
            self.pos += 1;
        }
    }

    /// One bit with the adaptive probability `prob` (of a 0).
    #[inline(always)]
    fn bit(&mut self, prob: &mut u16) -> u32 {
        let p = u32::from(*prob);
        let bound = (self.range >> Self::BITS) * p;
        let bit = if self.code < bound {
            self.range = bound;
            *prob = (p + (((1 << Self::BITS) - p) >> Self::MOVE)) as u16;
            0
        } else {
            self.range -= bound;
            self.code -= bound;
            *prob = (p - (p >> Self::MOVE)) as u16;
            1
        };
        self.normalize();
        bit
    }

    /// `bits` bits, most significant first, from the tree rooted at `probs[1]`.
    #[inline(always)]
    fn tree(&mut self, probs: &mut [u16], bits: u32) -> u32 {
        let mut m = 1;
        for _ in 0..bits {
            m = (m << 1) | self.bit(probs.at(m as usize));
        }
        m - (1 << bits)
    }

    /// `bits` bits, least significant first, from the tree rooted at `probs[1]`.
    fn reverse_tree(&mut self, probs: &mut [u16], bits: u32) -> u32 {
        let mut m = 1;
        let mut value = 0;
        for i in 0..bits {
            let bit = self.bit(probs.at(m as usize));
            m = (m << 1) | bit;
            value |= bit << i;
        }
        value
    }

    /// `bits` bits at probability one half.
    fn direct_bits(&mut self, bits: u32) -> u32 {
        let mut value = 0;
        for _ in 0..bits {
            self.range >>= 1;
            let bit = u32::from(self.code >= self.range);
            if bit == 1 {
                self.code -= self.range;
            }
            value = (value << 1) | bit;
            self.normalize();
        }
        value
    }

    /// Whether the data held every byte that was read.
    fn finish(&self) -> Result<(), Error> {
        if self.pos > self.input.len() {
            return Err(Error::CutShort);
        }
        Ok(())
    }
}

/// Indexing without core's panic messages: their formatting code would be
/// most of the wasm module. An index out of range is a bug here (every index
/// is checked against the header or what has been written first); it stops
/// the module with a trap, or panics natively.
trait Slots<T> {
    fn at(&mut self, index: usize) -> &mut T;
    fn from(&mut self, start: usize) -> &mut [T];
    fn until(&mut self, end: usize) -> &mut [T];
    fn value(&self, index: usize) -> T;
}

impl<T: Copy> Slots<T> for [T] {
    #[inline(always)]
    fn at(&mut self, index: usize) -> &mut T {
        self.get_mut(index).unwrap_or_else(|| out_of_range())
    }

    #[inline(always)]
    fn from(&mut self, start: usize) -> &mut [T] {
        self.get_mut(start..).unwrap_or_else(|| out_of_range())
    }

    #[inline(always)]
    fn until(&mut self, end: usize) -> &mut [T] {
        self.get_mut(..end).unwrap_or_else(|| out_of_range())
    }

    #[inline(always)]
    fn value(&self, index: usize) -> T {
        *self.get(index).unwrap_or_else(|| out_of_range())
    }
}

#[cold]
fn out_of_range() -> ! {
    #[cfg(target_arch = "wasm32")]
    core::arch::wasm32::unreachable();
    #[cfg(not(target_arch = "wasm32"))]
    panic!("LZMA decoder: index out of range");
}

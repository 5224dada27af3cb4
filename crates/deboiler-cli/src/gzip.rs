//! An input as a stream of bytes, gunzipped member by member when it is
//! gzip, that survives damage.
//!
//! `flate2`'s `MultiGzDecoder` stops at the first damaged member, so one
//! flipped byte in a Common Crawl `.warc.gz` (one member per record) used to
//! lose every record after it. [`Decoded`] decodes one member at a time
//! instead. When a member is damaged, or bytes between members are not
//! gzip, it scans the compressed input for the next gzip header, starts
//! again there, and reports the compressed byte range it skipped as a
//! [`Damage`] error, once; reading then goes on with the next member. The
//! readers above ([`crate::warc`], the JSON Lines reader) turn that error
//! into a failed record and resynchronise on their own framing.
//!
//! A buffer never holds bytes of two members, so [`Decoded::member_start`]
//! always names the member the buffered bytes came from.

use std::fmt;
use std::io::{self, BufRead, Read};

use flate2::bufread::GzDecoder;

/// Bytes read from the input at a time, and decoded bytes buffered.
const BUFFER: usize = 256 << 10;

/// The first three bytes of every gzip member: the magic number and the
/// deflate method, the only one in use.
const GZIP_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// Compressed bytes that could not be decoded and were skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    /// First skipped byte, counted in the compressed input from 0.
    pub start: u64,
    /// One past the last skipped byte: where the next gzip member starts,
    /// or the input's length.
    pub end: u64,
    /// What went wrong, as the decoder said.
    pub why: String,
}

impl fmt::Display for Damage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "damaged gzip data, bytes {}..{} skipped: {}",
            self.start, self.end, self.why
        )
    }
}

impl std::error::Error for Damage {}

impl Damage {
    /// The damage an I/O error carries, if it is one from [`Decoded`].
    pub fn of(e: &io::Error) -> Option<&Damage> {
        e.get_ref()?.downcast_ref::<Damage>()
    }
}

/// A reader that counts the bytes consumed and can look a few bytes ahead,
/// which `BufReader` cannot once its buffer runs low.
struct Raw<R> {
    inner: R,
    buf: Box<[u8]>,
    pos: usize,
    end: usize,
    /// Bytes consumed so far.
    offset: u64,
}

impl<R: Read> Raw<R> {
    fn new(inner: R) -> Raw<R> {
        Raw {
            inner,
            buf: vec![0; BUFFER].into_boxed_slice(),
            pos: 0,
            end: 0,
            offset: 0,
        }
    }

    /// At least `n` buffered bytes unless the input ends first.
    fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        if self.end - self.pos < n {
            self.buf.copy_within(self.pos..self.end, 0);
            self.end -= self.pos;
            self.pos = 0;
            while self.end < n {
                match self.inner.read(&mut self.buf[self.end..]) {
                    Ok(0) => break,
                    Ok(k) => self.end += k,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e),
                }
            }
        }
        Ok(&self.buf[self.pos..self.end])
    }

    /// Consumes bytes up to the next gzip header (or the end) and returns
    /// the offset reached.
    fn skip_to_member(&mut self) -> io::Result<u64> {
        loop {
            let avail = self.peek(GZIP_MAGIC.len())?;
            if avail.is_empty() {
                return Ok(self.offset);
            }
            if avail.starts_with(&GZIP_MAGIC) {
                return Ok(self.offset);
            }
            // Skip to the next candidate first byte, keeping it.
            let skip = memchr_from(avail, 1).unwrap_or(avail.len());
            self.consume(skip);
        }
    }
}

/// The first `0x1f` in `buf` at or after `from`.
fn memchr_from(buf: &[u8], from: usize) -> Option<usize> {
    buf.get(from..)?
        .iter()
        .position(|&b| b == GZIP_MAGIC[0])
        .map(|i| i + from)
}

/// `Read::read` for a reader whose own buffer does the work: copy what
/// `fill_buf` holds, as much as fits, and consume it.
fn read_from_buf(r: &mut impl BufRead, out: &mut [u8]) -> io::Result<usize> {
    let avail = r.fill_buf()?;
    let n = avail.len().min(out.len());
    out[..n].copy_from_slice(&avail[..n]);
    r.consume(n);
    Ok(n)
}

impl<R: Read> Read for Raw<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        read_from_buf(self, out)
    }
}

impl<R: Read> BufRead for Raw<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos == self.end {
            self.peek(1)?;
        }
        Ok(&self.buf[self.pos..self.end])
    }

    fn consume(&mut self, amt: usize) {
        let amt = amt.min(self.end - self.pos);
        self.pos += amt;
        self.offset += amt as u64;
    }
}

enum State<R> {
    /// Not gzip: bytes pass through.
    Plain(Raw<R>),
    /// Inside a member.
    Member(Box<GzDecoder<Raw<R>>>),
    /// Between members (or before the first).
    Between(Raw<R>),
    /// Only while switching states.
    Switching,
}

/// An input's bytes, gunzipped member by member when it starts with a gzip
/// header; see the module docs.
///
/// ```
/// use std::io::{BufRead, Read, Write};
/// use deboiler_cli::gzip::{Damage, Decoded};
/// use flate2::{Compression, write::GzEncoder};
///
/// let member = |text: &str| {
///     let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
///     gz.write_all(text.as_bytes()).unwrap();
///     gz.finish().unwrap()
/// };
/// let mut input = member("one\n");
/// let mut bad = member("two\n");
/// let len = bad.len();
/// bad[len - 5] ^= 0xff; // break the CRC
/// let (start, end) = (input.len(), input.len() + len);
/// input.extend(&bad);
/// input.extend(member("three\n"));
///
/// let mut decoded = Decoded::new(&input[..]).unwrap();
/// let mut text = String::new();
/// let err = decoded.read_to_string(&mut text).unwrap_err();
/// let damage = Damage::of(&err).unwrap();
/// assert_eq!((damage.start, damage.end), (start as u64, end as u64));
/// decoded.read_to_string(&mut text).unwrap();
/// // A member's bytes come out before its CRC is checked at its end: a
/// // reader that must not trust them waits for the member's end (see
/// // `check_member_end`), as the WARC reader does.
/// assert_eq!(text, "one\ntwo\nthree\n");
/// ```
pub struct Decoded<R> {
    state: State<R>,
    gzip: bool,
    buf: Box<[u8]>,
    pos: usize,
    end: usize,
    /// Compressed offset of the member the buffered bytes came from.
    member_start: u64,
    /// Decoded bytes consumed so far.
    offset: u64,
    /// Decoded offset at which the current member began.
    member_base: u64,
    /// The buffered bytes are the first of a member and none is consumed.
    fresh_member: bool,
}

impl<R: Read> Decoded<R> {
    /// Wraps `input`; it is gunzipped when its first bytes are a gzip
    /// header.
    ///
    /// # Errors
    ///
    /// When the first bytes cannot be read.
    pub fn new(input: R) -> io::Result<Decoded<R>> {
        let mut raw = Raw::new(input);
        let gzip = raw.peek(GZIP_MAGIC.len())?.starts_with(&GZIP_MAGIC[..2]);
        Ok(Decoded {
            state: if gzip {
                State::Between(raw)
            } else {
                State::Plain(raw)
            },
            gzip,
            buf: vec![0; BUFFER].into_boxed_slice(),
            pos: 0,
            end: 0,
            member_start: 0,
            offset: 0,
            member_base: 0,
            fresh_member: false,
        })
    }

    /// The buffered bytes, without reading.
    pub fn buffer(&self) -> &[u8] {
        &self.buf[self.pos..self.end]
    }

    /// Whether a gzip member is open (its end not yet reached).
    pub fn in_member(&self) -> bool {
        matches!(self.state, State::Member(_))
    }

    /// Whether the input is gzip.
    pub fn is_gzip(&self) -> bool {
        self.gzip
    }

    /// Decoded bytes consumed so far; for a plain input, the byte offset in
    /// the file.
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// The compressed offset of the gzip member the next byte comes from
    /// (0 for a plain input).
    pub fn member_start(&self) -> u64 {
        self.member_start
    }

    /// Whether the next byte is the first of a gzip member.
    pub fn at_member_start(&self) -> bool {
        self.fresh_member && self.pos < self.end
    }

    /// Where the next byte is, for messages: `byte N`, and for gzip the
    /// member it is in.
    pub fn position(&self) -> String {
        if self.gzip {
            format!(
                "byte {} of the gzip member at byte {}",
                self.offset - self.member_base,
                self.member_start
            )
        } else {
            format!("byte {}", self.offset)
        }
    }

    /// Refills the buffer; `Ok(false)` at the end of the input.
    fn refill(&mut self) -> io::Result<bool> {
        loop {
            match std::mem::replace(&mut self.state, State::Switching) {
                State::Plain(mut raw) => {
                    let n = read_retrying(&mut raw, &mut self.buf)?;
                    self.state = State::Plain(raw);
                    self.set(n);
                    return Ok(n > 0);
                }
                State::Member(decoder) => {
                    if self.read_member(decoder)? {
                        return Ok(true);
                    }
                }
                State::Between(mut raw) => {
                    let head = raw.peek(GZIP_MAGIC.len())?;
                    if head.is_empty() {
                        self.state = State::Between(raw);
                        self.set(0);
                        return Ok(false);
                    }
                    if head.starts_with(&GZIP_MAGIC) {
                        self.member_start = raw.offset;
                        self.member_base = self.offset;
                        self.fresh_member = true;
                        self.state = State::Member(Box::new(GzDecoder::new(raw)));
                        continue;
                    }
                    let start = raw.offset;
                    raw.consume(1);
                    let end = raw.skip_to_member()?;
                    self.state = State::Between(raw);
                    return Err(self.damage(start, end, "not gzip data".into()));
                }
                State::Switching => unreachable!("state restored on every path"),
            }
        }
    }

    /// Reads on in the open member: `Ok(true)` with bytes buffered,
    /// `Ok(false)` at its (checked) end, the state then between members.
    fn read_member(&mut self, mut decoder: Box<GzDecoder<Raw<R>>>) -> io::Result<bool> {
        match read_retrying(&mut *decoder, &mut self.buf) {
            Ok(0) => {
                self.state = State::Between(decoder.into_inner());
                Ok(false)
            }
            Ok(n) => {
                self.state = State::Member(decoder);
                self.set(n);
                Ok(true)
            }
            Err(e) => {
                let mut raw = decoder.into_inner();
                if raw.offset == self.member_start {
                    raw.consume(1);
                }
                let end = raw.skip_to_member()?;
                self.state = State::Between(raw);
                Err(self.damage(self.member_start, end, e.to_string()))
            }
        }
    }

    /// When every buffered byte is consumed and a member is open, reads on
    /// to that member's end (its CRC checked) without starting the next
    /// one, so damage is reported for the member it belongs to and not
    /// confused with junk after it. Stops early if the member has more
    /// bytes (they are buffered).
    ///
    /// # Errors
    ///
    /// A [`Damage`] error when the member is damaged.
    pub fn check_member_end(&mut self) -> io::Result<()> {
        if self.pos < self.end || !matches!(self.state, State::Member(_)) {
            return Ok(());
        }
        match std::mem::replace(&mut self.state, State::Switching) {
            State::Member(decoder) => self.read_member(decoder).map(|_| ()),
            _ => unreachable!("checked above"),
        }
    }

    fn set(&mut self, n: usize) {
        self.pos = 0;
        self.end = n;
    }

    fn damage(&mut self, start: u64, end: u64, why: String) -> io::Error {
        self.set(0);
        self.fresh_member = false;
        io::Error::new(io::ErrorKind::InvalidData, Damage { start, end, why })
    }
}

fn read_retrying(reader: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    loop {
        match reader.read(buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            other => return other,
        }
    }
}

impl<R: Read> Read for Decoded<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        read_from_buf(self, out)
    }
}

impl<R: Read> BufRead for Decoded<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos == self.end {
            self.refill()?;
        }
        Ok(&self.buf[self.pos..self.end])
    }

    fn consume(&mut self, amt: usize) {
        let amt = amt.min(self.end - self.pos);
        if amt > 0 {
            self.fresh_member = false;
        }
        self.pos += amt;
        self.offset += amt as u64;
    }
}

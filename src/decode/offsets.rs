//! The map from offsets of decoded text back to offsets of the original
//! bytes.

/// Decoded offsets to original offsets, as a list of runs. Within a run each
/// unit (one decoded character, or the few characters one source sequence
/// decodes to) takes `dec_step` bytes of text and `orig_step` bytes of
/// input; a run lasts until the next one starts.
///
/// Runs merge whenever consecutive units have the same shape, so ASCII is
/// one run however long, and a word of Cyrillic in windows-1251 (two bytes
/// of text per byte of input) is one run too: the map stays far smaller
/// than the text.
#[derive(Debug, Default)]
pub(super) struct OffsetMap {
    pub(super) runs: Vec<Run>,
    /// Decoded bytes so far.
    dec: usize,
    /// Original bytes so far.
    orig: usize,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Run {
    dec: usize,
    orig: usize,
    dec_step: usize,
    orig_step: usize,
}

impl OffsetMap {
    /// A map whose first decoded byte is original byte `base` (after a BOM).
    pub(super) fn new(base: usize) -> OffsetMap {
        OffsetMap {
            runs: Vec::new(),
            dec: 0,
            orig: base,
        }
    }

    /// Records one unit: `dec_len` bytes of text from `orig_len` input bytes.
    pub(super) fn unit(&mut self, dec_len: usize, orig_len: usize) {
        let same = self.runs.last().is_some_and(|r| {
            r.dec_step == dec_len && r.orig_step == orig_len
            // The run must be whole units up to here, which holds whenever
            // the steps match: runs only ever grow by whole units.
        });
        if !same {
            self.runs.push(Run {
                dec: self.dec,
                orig: self.orig,
                dec_step: dec_len,
                orig_step: orig_len,
            });
        }
        self.dec += dec_len;
        self.orig += orig_len;
    }

    /// Records `n` bytes copied as they are.
    pub(super) fn linear(&mut self, n: usize) {
        if n == 0 {
            return;
        }
        if !self
            .runs
            .last()
            .is_some_and(|r| r.dec_step == 1 && r.orig_step == 1)
        {
            self.runs.push(Run {
                dec: self.dec,
                orig: self.orig,
                dec_step: 1,
                orig_step: 1,
            });
        }
        self.dec += n;
        self.orig += n;
    }

    /// The original offset of decoded offset `d`. An offset inside a unit
    /// (which only a block boundary between two characters decoded from one
    /// source sequence can produce) maps to the unit's start, so the map is
    /// monotonic and spans stay ordered.
    pub(super) fn original(&self, d: usize) -> usize {
        let i = self.runs.partition_point(|r| r.dec <= d);
        let Some(run) = i.checked_sub(1).map(|i| self.runs[i]) else {
            return self.orig.min(d);
        };
        let units = (d - run.dec) / run.dec_step.max(1);
        run.orig + units * run.orig_step
    }
}

//! Writers from a VM's output streams to the host's sinks (`Sink`: shared, locked per
//! write).
//!
//! Invariants: `SinkBuf` holds no memory until its stream is first written (an idle VM of
//! an embedding process costs no buffer), and everything written reaches the sink by the
//! next `flush`, which the VM calls at the end of every run and before anything is
//! written to stderr or read from stdin (so the streams interleave as Go's do).

use crate::live::Sink;
use std::io::Write;

/// Forwards every write to a shared sink.
pub(crate) struct SinkWriter(pub(crate) Sink);

impl Write for SinkWriter {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut s) = self.0.lock() {
            s.write_all(b)?;
        }
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        if let Ok(mut s) = self.0.lock() {
            s.flush()?;
        }
        Ok(())
    }
}

/// What `SinkBuf` gathers before it writes to the sink.
const CAPACITY: usize = 8 << 10;

/// `std::io::BufWriter`'s buffering in front of a `SinkWriter`, with the buffer allocated
/// on the first write rather than up front. (Unlike `BufWriter`, a sink that fails part of
/// the way through the buffer gets all of it again at the next flush: a sink write is
/// all or nothing here, `write_all` under the sink's lock.)
pub(crate) struct SinkBuf {
    out: SinkWriter,
    buf: Vec<u8>,
}

impl SinkBuf {
    pub(crate) fn new(sink: Sink) -> SinkBuf {
        SinkBuf {
            out: SinkWriter(sink),
            buf: Vec::new(),
        }
    }

    fn write_buffered(&mut self) -> std::io::Result<()> {
        if !self.buf.is_empty() {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }
}

impl Write for SinkBuf {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        if b.is_empty() {
            return Ok(0);
        }
        if self.buf.len() + b.len() > CAPACITY {
            self.write_buffered()?;
        }
        if b.len() >= CAPACITY {
            return self.out.write(b);
        }
        if self.buf.capacity() == 0 {
            self.buf.reserve_exact(CAPACITY);
        }
        self.buf.extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.write_buffered()?;
        self.out.flush()
    }
}

impl Drop for SinkBuf {
    fn drop(&mut self) {
        let _ = self.write_buffered();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    /// A sink that records what reached it and how many writes it took.
    #[derive(Clone, Default)]
    struct Recorder(Arc<Mutex<(Vec<u8>, usize)>>);

    impl Write for Recorder {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            let mut r = self.0.lock().unwrap();
            r.0.extend_from_slice(b);
            r.1 += 1;
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn buffers_in_order_and_allocates_only_when_written() {
        let rec = Recorder::default();
        let sink: Sink = Arc::new(Mutex::new(Box::new(rec.clone())));
        let mut w = SinkBuf::new(sink);
        assert_eq!(w.buf.capacity(), 0, "no buffer before the first write");
        w.write_all(b"a").unwrap();
        w.write_all(b"b").unwrap();
        assert_eq!(rec.0.lock().unwrap().1, 0, "small writes wait for a flush");
        let big = vec![b'x'; CAPACITY + 1];
        w.write_all(&big).unwrap();
        w.write_all(b"c").unwrap();
        w.flush().unwrap();
        let (bytes, writes) = rec.0.lock().unwrap().clone();
        let mut want = b"ab".to_vec();
        want.extend_from_slice(&big);
        want.push(b'c');
        assert_eq!(bytes, want);
        // "ab", then the big write directly, then "c" at the flush.
        assert_eq!(writes, 3);
        w.write_all(b"d").unwrap();
        drop(w);
        assert_eq!(
            rec.0.lock().unwrap().0.last(),
            Some(&b'd'),
            "drop writes the rest"
        );
    }
}

//! RON's tokens read from bytes, for the outline and for the scans that look through a
//! file without outlining it (the id scan, the conflict-marker scan): each says where a
//! token opened at `at` ends (`None`: it never closes).

/// A block comment (`/*`): after its `*/`; comments nest, as in ron.
pub fn block_comment_end(bytes: &[u8], mut at: usize) -> Option<usize> {
    let mut depth = 0usize;
    while at < bytes.len() {
        if bytes[at..].starts_with(b"/*") {
            depth += 1;
            at += 2;
        } else if bytes[at..].starts_with(b"*/") {
            depth -= 1;
            at += 2;
            if depth == 0 {
                return Some(at);
            }
        } else {
            at += 1;
        }
    }
    None
}

/// A `"…"` string: after its closing quote (a `\` escapes the byte after it).
pub fn string_end(bytes: &[u8], at: usize) -> Option<usize> {
    let mut from = at + 1;
    while let Some(found) = memchr::memchr2(b'"', b'\\', bytes.get(from..)?) {
        if bytes[from + found] == b'"' {
            return Some(from + found + 1);
        }
        from += found + 2;
    }
    None
}

/// A raw string (`r"…"`, `r#"…"#`, `br"…"`…) opened at `at`.
pub struct RawString {
    /// Its text, between the quotes (to the end of the bytes when it never closes).
    pub text: std::ops::Range<usize>,
    /// After its closing quote and hashes, if it closes.
    pub end: Option<usize>,
}

/// The raw string opened at `at`; `None` when `at` opens none (an `r` that starts a
/// name).
pub fn raw_string(bytes: &[u8], at: usize) -> Option<RawString> {
    let rest = &bytes[at..];
    let after_r = rest.strip_prefix(b"b").unwrap_or(rest).strip_prefix(b"r")?;
    let hashes = after_r.iter().take_while(|&&b| b == b'#').count();
    if after_r.get(hashes) != Some(&b'"') {
        return None;
    }
    let start = bytes.len() - after_r.len() + hashes + 1;
    let closing = [&b"\""[..], &after_r[..hashes]].concat();
    Some(match memchr::memmem::find(&bytes[start..], &closing) {
        Some(length) => RawString {
            text: start..start + length,
            end: Some(start + length + closing.len()),
        },
        None => RawString {
            text: start..bytes.len(),
            end: None,
        },
    })
}

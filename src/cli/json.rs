//! JSON output: a value, or an array written as its items are made (one at a time, or
//! formatted in parallel a batch at a time), always in serde_json's pretty layout and
//! followed by a newline.

use std::io::Write;

use super::error::CliError;

/// A JSON array written element by element as `items` makes them, laid out as
/// [`write_json`] would lay out the whole array.
pub fn write_json_seq<T: serde::Serialize>(
    out: &mut dyn Write,
    items: impl Iterator<Item = T>,
) -> Result<(), CliError> {
    use serde::Serializer;
    let mut serializer = serde_json::Serializer::pretty(&mut *out);
    serializer
        .collect_seq(items)
        .map_err(|e| CliError::Output(e.into()))?;
    writeln!(out)?;
    Ok(())
}

/// How many items [`write_json_seq_parallel`] formats at a time: enough to keep every
/// core busy, few enough that a batch's text stays small.
const JSON_BATCH: usize = 8192;

/// What [`write_json_seq`] writes, with the items formatted in parallel, a batch at a
/// time, and written in order. Each item is formatted on its own and indented one level
/// after each line break, which gives serde_json's own pretty layout byte for byte: JSON
/// strings never hold a raw line break.
pub fn write_json_seq_parallel<T, F>(
    out: &mut dyn Write,
    count: usize,
    item: F,
) -> Result<(), CliError>
where
    T: serde::Serialize,
    F: Fn(usize) -> T + Sync,
{
    use rayon::prelude::*;
    if count == 0 {
        writeln!(out, "[]")?;
        return Ok(());
    }
    out.write_all(b"[\n")?;
    for start in (0..count).step_by(JSON_BATCH) {
        let end = (start + JSON_BATCH).min(count);
        let formatted: Vec<Vec<u8>> = (start..end)
            .into_par_iter()
            .map(|index| {
                let alone = serde_json::to_vec_pretty(&item(index))?;
                let mut indented = Vec::with_capacity(alone.len() + alone.len() / 16);
                indented.extend_from_slice(b"  ");
                for &byte in &alone {
                    indented.push(byte);
                    if byte == b'\n' {
                        indented.extend_from_slice(b"  ");
                    }
                }
                if index + 1 < count {
                    indented.extend_from_slice(b",\n");
                }
                Ok(indented)
            })
            .collect::<Result<_, serde_json::Error>>()
            .map_err(|e| CliError::Output(e.into()))?;
        for text in formatted {
            out.write_all(&text)?;
        }
    }
    out.write_all(b"\n]\n")?;
    Ok(())
}

/// Writes JSON followed by a newline.
pub fn write_json(out: &mut dyn Write, value: &impl serde::Serialize) -> Result<(), CliError> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(|e| CliError::Output(e.into()))?;
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_formatted_in_parallel_is_serde_jsons_own_layout() {
        let item = |i: usize| {
            serde_json::json!({
                "id": format!("f{i}"),
                "quote": "two\nlines, \"quoted\"",
                "tags": if i.is_multiple_of(2) { serde_json::json!([]) } else { serde_json::json!(["a", {"b": [1, 2]}]) },
                "empty": {},
                "p": i as f64 / 7.0,
            })
        };
        for count in [0, 1, 2, JSON_BATCH + 3] {
            let mut ours = Vec::new();
            write_json_seq_parallel(&mut ours, count, item).unwrap();
            let mut theirs = Vec::new();
            write_json_seq(&mut theirs, (0..count).map(item)).unwrap();
            assert!(ours == theirs, "{count} items differ");
        }
    }
}

//! The text of one table cell: a probability or score to three decimals, a probability as
//! short as it reads, an interval, and running text cut to a column's width. "—" stands
//! for a number there is none of.

/// A probability or score for a table: three decimals, or "—" when there is none.
pub fn number(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_string(), |v| format!("{v:.3}"))
}

/// A probability as short as it reads ("0.9", "0.85", "1"), for tables.
pub fn short_probability(value: Option<f64>) -> String {
    let text = number(value);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// An interval to two decimals ("0.12–0.34"), or "—" when there is none.
pub fn interval(ci: Option<(f64, f64)>) -> String {
    ci.map_or_else(
        || "—".to_string(),
        |(low, high)| format!("{low:.2}–{high:.2}"),
    )
}

/// Cuts text to `max` characters, ending with "…" when cut.
pub fn truncate(text: &str, max: usize) -> String {
    let single_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if single_line.chars().count() <= max {
        return single_line;
    }
    let cut: String = single_line.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

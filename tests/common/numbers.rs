//! Computed numbers compared as computed numbers: equal but for the rounding of a few
//! floating-point operations, and named in the message when they are not.

use serde_json::Value;

/// How far apart two computed numbers may be and still be the same number: far below any
/// difference a table or a report shows.
pub const TOLERANCE: f64 = 1e-9;

/// Whether `actual` is `expected` but for rounding.
pub fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() < TOLERANCE
}

/// Asserts that `actual` is `expected` but for rounding; `what` names the number.
#[track_caller]
pub fn assert_close(actual: f64, expected: f64, what: &str) {
    assert!(
        close(actual, expected),
        "{what}: got {actual}, expected {expected}"
    );
}

/// [`assert_close`] for numbers that may be absent: both absent, or both there and close.
#[track_caller]
pub fn assert_close_opt(actual: Option<f64>, expected: Option<f64>, what: &str) {
    match (actual, expected) {
        (Some(a), Some(e)) => assert_close(a, e, what),
        (None, None) => {}
        _ => panic!("{what}: got {actual:?}, expected {expected:?}"),
    }
}

/// Asserts that a JSON value is a number, and `expected` but for rounding.
#[track_caller]
pub fn assert_json_close(value: &Value, expected: f64) {
    let actual = value
        .as_f64()
        .unwrap_or_else(|| panic!("{value} is not a number"));
    assert_close(actual, expected, "the JSON number");
}

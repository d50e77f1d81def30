//! Any bytes, read as each kind of Hindsight file: parsing never panics, overflows the
//! stack or takes more than linear time, every problem has a 1-based position, and a
//! file that parses is written canonically and reads back as the same records, with the
//! values ron itself reads from it (the values come from the outline; ron is the reference).

#![no_main]

use std::path::Path;

use hindsight::{people_document, phrases_document, scenario_document};
use hindsight::{Document, decode_utf8, parse};
use hindsight::{People, Scenario};
use hindsight::PhraseFile;
use libfuzzer_sys::fuzz_target;

fn round_trip<T: Document + PartialEq + std::fmt::Debug>(
    text: &str,
    write: impl Fn(&str, &T) -> String,
) {
    let path = Path::new("fuzz.ron");
    match parse::<T>(path, text) {
        Ok(parsed) => {
            // Values read from the outline are ron's values (ron is the reference).
            let ron: T = hindsight::ron_options()
                .from_str(text)
                .unwrap_or_else(|error| panic!("parsed, but ron refuses it: {error}"));
            assert_eq!(ron, parsed.value, "the outline reads a value ron reads differently");
            let canonical = write("", &parsed.value);
            let again = parse::<T>(path, &canonical)
                .unwrap_or_else(|problems| panic!("canonical text does not parse: {problems:?}\n{canonical}"));
            assert_eq!(again.value, parsed.value, "canonical text reads back differently");
        }
        Err(problems) => {
            assert!(!problems.is_empty());
            for problem in problems {
                assert!(problem.position.line >= 1 && problem.position.column >= 1);
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = decode_utf8(Path::new("fuzz.ron"), data) else {
        return;
    };
    round_trip::<Scenario>(text, scenario_document);
    round_trip::<People>(text, people_document);
    round_trip::<PhraseFile>(text, phrases_document);
});

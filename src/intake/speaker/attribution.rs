//! Who a passage is by, as attribution finds it: a speaker with their role, an unnamed
//! group, or the article's own voice.

/// Who a passage is by, as the article names them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attribution {
    /// The speaker as the article names them (full name where the article gives it).
    pub speaker: Option<String>,
    /// An unnamed group ("numerous analysts", "it is claimed").
    pub group: Option<String>,
    /// The appositive or title the article gives the speaker.
    pub role: Option<String>,
    /// The passage is the article's own voice.
    pub author: bool,
    /// The passage is (or starts with) a quotation.
    pub quoted: bool,
}

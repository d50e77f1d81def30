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
    /// How the speaker was found.
    pub basis: Basis,
    /// The speaker is an institution ("Moody's said it would…"), which a later "he" or
    /// "she" never refers to.
    pub organisation: bool,
    /// The reporting clause closes the passage ("…, Di Odoardo noted."): in a paragraph
    /// that paraphrases someone, it speaks for the sentences before it too.
    pub closing: bool,
}

/// How a passage's speaker was found: the surer ways first. A reader checks the proposals
/// found the less sure ways first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Basis {
    /// A reporting clause names them: "X said", "according to X", "wrote X on Twitter".
    #[default]
    ReportingClause,
    /// A quotation with no reporting clause of its own, continuing the one before.
    ContinuedQuotation,
    /// A sentence of the article's voice, followed in its paragraph by a sentence that
    /// closes with a reporting clause ("A cold winter will lift prices. Supply could fall
    /// short, Di Odoardo noted.").
    LaterClause,
    /// A sentence of the article's voice right after someone's reported speech (not a
    /// quotation), in the same paragraph or opening the next with "But" or "However":
    /// the paraphrase goes on ("Shearer believes Liverpool will fail. Chelsea will
    /// finish fourth.").
    ContinuedParaphrase,
    /// A quotation introduced by the passage before, which names the speaker and ends with
    /// a colon ("In a note, the strategist said she sees the index higher:").
    Colon,
    /// "He" or "she", taken back to the speaker named last.
    Pronoun,
    /// A title ("the minister"), taken back to the speaker named last with that title.
    Title,
    /// A round-up's section: the paragraph before it is only the speaker's name and role
    /// ("Ana Vey, head of research at Northgate"), heading what follows.
    Heading,
    /// An answer in an interview ("Q: … A: …"): the interviewee named in its introduction.
    Interview,
    /// An unnamed group: "analysts said", "it is claimed".
    Group,
    /// No reporting clause and no quotation marks: the article's own voice.
    ArticleVoice,
}

impl Basis {
    /// In words, as `candidates` prints it and the app shows it.
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::ReportingClause => "reporting clause",
            Basis::ContinuedQuotation => "continued quotation",
            Basis::LaterClause => "reporting clause after it",
            Basis::ContinuedParaphrase => "continued paraphrase",
            Basis::Colon => "colon",
            Basis::Pronoun => "pronoun",
            Basis::Title => "title",
            Basis::Heading => "heading",
            Basis::Interview => "interview answer",
            Basis::Group => "unnamed group",
            Basis::ArticleVoice => "article's voice",
        }
    }
}

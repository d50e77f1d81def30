//! An article as text: a plain-text file as it is, an HTML page's main text (navigation,
//! scripts, styles, forms and comment sections dropped) decoded in the charset it declares,
//! or a page fetched by URL with a timeout and a size limit. Also what the page says about
//! itself: its author and date, from HTML metadata or a byline and dateline in the text.
//! Time and stack stay linear in the page's size, however deep or wide its markup.

use std::io::Read;
use std::path::Path;
use std::time::Duration;

use chrono::NaiveDate;
use encoding_rs::Encoding;
use scraper::{ElementRef, Html, Node, Selector};

use super::dates;

/// The largest article read or fetched.
pub const MAX_BYTES: u64 = 8 << 20;
/// How long a fetch may take, connection and body together.
pub const FETCH_TIMEOUT: Duration = Duration::from_secs(20);

/// An article's text and what is known about it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    pub text: String,
    pub title: Option<String>,
    /// The publication (a site's name, else a fetched page's host).
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub published: Option<NaiveDate>,
    /// Where `published` comes from, in words: "the page's metadata", "the dateline", "the
    /// folder's source", "given".
    pub published_from: Option<&'static str>,
}

#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    #[error("{path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{0}: the article is larger than {MAX_BYTES} bytes")]
    TooLarge(String),
    #[error("{url}: {message}")]
    Fetch { url: String, message: String },
}

/// Reads ARTICLE: an http(s) URL, an HTML file (by its extension or its first tag), or
/// plain text.
pub fn read(location: &str) -> Result<Article, ArticleError> {
    if location.starts_with("http://") || location.starts_with("https://") {
        let body = fetch(location)?;
        let mut article = from_html(&body);
        if article.outlet.is_none() {
            article.outlet = host(location);
        }
        return Ok(article);
    }
    let path = Path::new(location);
    let read_error = |source| ArticleError::Read {
        path: location.to_string(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_error)?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(ArticleError::TooLarge(location.to_string()));
    }
    let text = String::from_utf8_lossy(&bytes);
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if matches!(extension.as_str(), "html" | "htm" | "xhtml") || looks_like_html(&text) {
        Ok(from_html(&decode_html(&bytes, None)))
    } else {
        Ok(from_text(text.into_owned()))
    }
}

fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start().as_bytes();
    let starts = |tag: &[u8]| {
        head.get(..tag.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(tag))
    };
    starts(b"<!doctype html") || starts(b"<html")
}

/// Fetches a page: a redirect or two, a timeout, and no more than [`MAX_BYTES`]; its text
/// decoded in the charset its `Content-Type` header or the page itself declares.
pub fn fetch(url: &str) -> Result<String, ArticleError> {
    let fail = |message: String| ArticleError::Fetch {
        url: url.to_string(),
        message,
    };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(FETCH_TIMEOUT))
        .max_redirects(5)
        .build()
        .into();
    let mut response = agent.get(url).call().map_err(|e| fail(e.to_string()))?;
    let charset = response.body().charset().map(str::to_string);
    let body = response
        .body_mut()
        .with_config()
        .limit(MAX_BYTES)
        .read_to_vec()
        .map_err(|e| fail(e.to_string()))?;
    Ok(decode_html(&body, charset.as_deref()))
}

/// How far into a page a `<meta>` declaring its charset is looked for: the first 1024
/// bytes, as browsers do (the HTML standard's prescan).
const PRESCAN_BYTES: usize = 1024;

/// An HTML page's text, decoded as the page says: a byte-order mark first, then the
/// charset of the HTTP `Content-Type` (`transport`, for a fetched page), then a
/// `<meta charset>` or `<meta http-equiv="Content-Type">` near its start; UTF-8 when none
/// is given. Bytes the charset cannot read become U+FFFD rather than refuse the page.
pub fn decode_html(bytes: &[u8], transport: Option<&str>) -> String {
    let declared = Encoding::for_bom(bytes)
        .map(|(encoding, _)| encoding)
        .or_else(|| transport.and_then(|label| Encoding::for_label(label.trim().as_bytes())))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(PRESCAN_BYTES)]));
    match declared {
        // `decode` removes the mark and reads the rest in the mark's encoding.
        Some(encoding) => encoding.decode(bytes).0.into_owned(),
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// The charset a page declares in a `<meta>` element among `head`, its first bytes:
/// the HTML standard's prescan, without its handling of the bytes in between (comments
/// and other tags are skipped to their `>`).
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let mut at = 0;
    while let Some(offset) = memchr::memchr(b'<', &head[at..]) {
        at += offset;
        let rest = &head[at..];
        if rest.starts_with(b"<!--") {
            at += memchr::memmem::find(rest, b"-->").map_or(rest.len(), |end| end + 3);
            continue;
        }
        let is_meta = rest.len() > 5
            && rest[1..5].eq_ignore_ascii_case(b"meta")
            && (rest[5].is_ascii_whitespace() || rest[5] == b'/');
        if is_meta && let Some(encoding) = meta_element_charset(head, at + 5) {
            return Some(encoding);
        }
        at += 1;
    }
    None
}

/// The charset declared by the attributes of the `<meta` element whose attributes start at
/// `at`: its `charset`, or its `content` when `http-equiv` is `Content-Type`.
fn meta_element_charset(head: &[u8], mut at: usize) -> Option<&'static Encoding> {
    let (mut pragma, mut charset, mut content_charset) = (false, None, None);
    while let Some((name, value, next)) = attribute(head, at) {
        at = next;
        match name.as_slice() {
            b"http-equiv" => pragma |= value.eq_ignore_ascii_case(b"content-type"),
            b"charset" if charset.is_none() => charset = Encoding::for_label(&value),
            b"content" if content_charset.is_none() => {
                content_charset = charset_in_content(&value).and_then(Encoding::for_label);
            }
            _ => {}
        }
    }
    let encoding = charset.or(content_charset.filter(|_| pragma))?;
    // A page that reached us as bytes cannot be in UTF-16 if its `<meta>` was readable
    // as ASCII; the standard reads such pages as UTF-8, and x-user-defined as windows-1252.
    Some(
        if encoding == encoding_rs::UTF_16BE || encoding == encoding_rs::UTF_16LE {
            encoding_rs::UTF_8
        } else if encoding == encoding_rs::X_USER_DEFINED {
            encoding_rs::WINDOWS_1252
        } else {
            encoding
        },
    )
}

/// One attribute of a tag from `at`: its lower-cased name and its value, and where the
/// next one starts; `None` at the tag's end.
fn attribute(head: &[u8], mut at: usize) -> Option<(Vec<u8>, Vec<u8>, usize)> {
    while head
        .get(at)
        .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/')
    {
        at += 1;
    }
    let start = at;
    while head
        .get(at)
        .is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'=' | b'>' | b'/'))
    {
        at += 1;
    }
    if at == start {
        return None;
    }
    let name = head[start..at].to_ascii_lowercase();
    while head.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    if head.get(at) != Some(&b'=') {
        return Some((name, Vec::new(), at));
    }
    at += 1;
    while head.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    let value = match head.get(at) {
        Some(&quote @ (b'"' | b'\'')) => {
            let end = memchr::memchr(quote, &head[at + 1..]).map(|end| at + 1 + end)?;
            let value = &head[at + 1..end];
            at = end + 1;
            value
        }
        _ => {
            let start = at;
            while head
                .get(at)
                .is_some_and(|b| !b.is_ascii_whitespace() && *b != b'>')
            {
                at += 1;
            }
            &head[start..at]
        }
    };
    Some((name, value.to_vec(), at))
}

/// The charset named in a `Content-Type` value ("text/html; charset=iso-8859-1").
fn charset_in_content(content: &[u8]) -> Option<&[u8]> {
    let lower = content.to_ascii_lowercase();
    let after = memchr::memmem::find(&lower, b"charset")? + "charset".len();
    let rest = content[after..].trim_ascii_start().strip_prefix(b"=")?;
    let rest = rest.trim_ascii_start();
    match rest.first() {
        Some(&quote @ (b'"' | b'\'')) => {
            let end = memchr::memchr(quote, &rest[1..])?;
            Some(&rest[1..1 + end])
        }
        _ => {
            let end = rest
                .iter()
                .position(|b| b.is_ascii_whitespace() || *b == b';')
                .unwrap_or(rest.len());
            Some(&rest[..end])
        }
    }
}

/// A URL's host without "www." ("rferl.org"), standing in for the outlet's name.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}

/// The longest line taken for a plain-text article's title.
const TITLE_CHARS: usize = 200;

/// A plain-text article: its first line is its title when short enough to be one; its
/// byline and dateline are looked for in the text.
pub fn from_text(text: String) -> Article {
    let title = text
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .filter(|line| line.chars().count() <= TITLE_CHARS)
        .map(str::to_string);
    let published = dateline(&text);
    Article {
        title,
        outlet: None,
        author: byline(&text),
        published,
        published_from: published.map(|_| DATELINE),
        text,
    }
}

/// Elements that are never the article's text (and a figure's caption: see
/// [`collect_text`]). Each is matched on the element alone, so that matching costs the
/// same at any depth.
const DROPPED: &str = "script, style, noscript, template, nav, header, footer, aside, form, \
    button, select, svg, iframe, [role=navigation], [role=banner], \
    [role=contentinfo], [aria-hidden=true], #comments, .comments, .comment, #respond, \
    .share, .social, .related, .newsletter, .advert, .ad";

const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "div",
    "section",
    "article",
    "br",
    "tr",
    "dd",
    "dt",
    "figcaption",
];

/// An HTML article: the text of its `<article>` (or `<main>`, else `<body>`), one
/// paragraph per line, without the dropped elements; author and date from its metadata.
pub fn from_html(html: &str) -> Article {
    let document = Html::parse_document(html);
    let selector = |s: &str| Selector::parse(s).expect("a valid selector (tested)");
    let root = ["article", "main", "[role=main]", "body"]
        .iter()
        .find_map(|s| document.select(&selector(s)).next());
    let mut text = String::new();
    if let Some(root) = root {
        collect_text(root, &selector(DROPPED), &mut text);
    }
    let text = text
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    let meta = |names: &[&str]| {
        names.iter().find_map(|name| {
            let s = format!(
                "meta[name=\"{name}\"], meta[property=\"{name}\"], meta[itemprop=\"{name}\"]"
            );
            document
                .select(&selector(&s))
                .find_map(|m| m.value().attr("content"))
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_string)
        })
    };
    let author = meta(&["author", "article:author", "parsely-author", "dc.creator"])
        .filter(|a| !a.starts_with("http"))
        .or_else(|| byline(&text));
    let published = meta(&[
        "article:published_time",
        "datePublished",
        "date",
        "dc.date",
        "parsely-pub-date",
    ])
    .and_then(|d| d.get(..10).and_then(|d| d.parse().ok()))
    .or_else(|| {
        document
            .select(&selector("time[datetime]"))
            .find_map(|t| t.value().attr("datetime"))
            .and_then(|d| d.get(..10).and_then(|d| d.parse().ok()))
    })
    .map(|date| (date, "the page's metadata"))
    .or_else(|| dateline(&text).map(|date| (date, DATELINE)));
    let element_text = |s: &str| {
        document.select(&selector(s)).find_map(|e| {
            let text = e.text().collect::<String>();
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            (!text.is_empty()).then_some(text)
        })
    };
    let title = meta(&["og:title", "twitter:title", "headline"])
        .or_else(|| element_text("h1"))
        .or_else(|| element_text("title"));
    let outlet = meta(&["og:site_name", "application-name", "publisher"]);
    Article {
        text,
        title,
        outlet,
        author,
        published: published.map(|(date, _)| date),
        published_from: published.map(|(_, from)| from),
    }
}

/// The text under `root`, a line break around each block element, without the elements
/// `dropped` matches nor a figure's caption. A walk over the tree with no recursion, so a
/// page of 50,000 nested elements takes no more stack than a flat one.
fn collect_text(root: ElementRef, dropped: &Selector, out: &mut String) {
    let is_block = |node: &Node| {
        node.as_element()
            .is_some_and(|e| BLOCKS.contains(&e.name()))
    };
    let is_figure = |node: &Node| node.as_element().is_some_and(|e| e.name() == "figure");
    // Figures open around the node being visited, the root's ancestors included: a caption
    // inside any of them is dropped.
    let mut figures = root.ancestors().filter(|a| is_figure(a.value())).count();
    let mut next = root.first_child();
    while let Some(node) = next {
        let mut enter = false;
        match node.value() {
            Node::Text(text) => out.push_str(text),
            Node::Element(e) => {
                let caption = figures > 0 && e.name() == "figcaption";
                let kept = ElementRef::wrap(node)
                    .is_some_and(|element| !(caption || dropped.matches(&element)));
                if kept {
                    if is_block(node.value()) {
                        out.push('\n');
                    }
                    enter = node.has_children();
                    if enter {
                        figures += usize::from(is_figure(node.value()));
                    } else if is_block(node.value()) {
                        out.push('\n');
                    }
                }
            }
            _ => {}
        }
        if enter {
            next = node.first_child();
            continue;
        }
        // On to the next sibling, closing the elements this one ends.
        let mut done = node;
        next = loop {
            if let Some(sibling) = done.next_sibling() {
                break Some(sibling);
            }
            match done.parent() {
                Some(parent) if parent.id() != root.id() => {
                    if is_block(parent.value()) {
                        out.push('\n');
                    }
                    figures -= usize::from(is_figure(parent.value()));
                    done = parent;
                }
                _ => break None,
            }
        };
    }
}

/// A person's name: two to four capitalized words (initials and hyphens allowed).
fn person_name(words: &str) -> Option<String> {
    let words = words.trim().trim_end_matches(['.', ',', ':']);
    let parts: Vec<&str> = words.split_whitespace().collect();
    let ok = (2..=4).contains(&parts.len())
        && parts.iter().all(|p| {
            p.chars().next().is_some_and(char::is_uppercase)
                && p.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
        });
    ok.then(|| parts.join(" "))
}

/// The author from a byline: a "By NAME" or "Written by NAME" line (or "Written by"
/// followed by a line starting with the name).
pub fn byline(text: &str) -> Option<String> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    for (i, line) in lines.iter().enumerate() {
        for prefix in ["written by", "by "] {
            // Compared in ASCII, so the rest is cut at the same byte in the line itself
            // (lower-casing can change a line's length: "K" the Kelvin sign, "İ").
            let starts = line
                .get(..prefix.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(prefix));
            if starts {
                let rest = &line[prefix.len()..];
                let rest = rest.split(['|', ',']).next().unwrap_or("");
                if let Some(name) = person_name(rest) {
                    return Some(name);
                }
                if prefix == "written by"
                    && rest.trim().is_empty()
                    && let Some(next) = lines.get(i + 1)
                    && let Some(name) = leading_name(next)
                {
                    return Some(name);
                }
            }
        }
    }
    None
}

/// Weaker signs of the author, for when no byline says "by": a line near the end that is
/// only a name, or an author's note there ("NAME is a professor…", "NAME does not work
/// for…").
pub fn author_note(text: &str) -> Option<String> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let tail = lines.len() * 2 / 3;
    if let Some(name) = lines[tail..].iter().find_map(|line| {
        (line.split_whitespace().count() <= 4)
            .then(|| person_name(line))
            .flatten()
            .filter(|_| !line.ends_with('?'))
    }) {
        return Some(name);
    }
    lines[tail..].iter().find_map(|line| leading_name(line))
}

/// "NAME is …", "NAME does not …": the name an author's note starts with.
fn leading_name(line: &str) -> Option<String> {
    let parts: Vec<&str> = line.split_whitespace().collect();
    (2..=4).find_map(|n| {
        let verb = parts.get(n)?;
        matches!(
            *verb,
            "is" | "was" | "does" | "has" | "teaches" | "writes" | "directs"
        )
        .then(|| person_name(&parts[..n].join(" ")))
        .flatten()
    })
}

/// A dateline: a full date among the first lines of the text, where a dateline stands: on
/// a short line of its own ("Written by | Saturday, January 8th, 2022", "Published 7 Jan
/// 2022, 10:03"), on a byline however long its list of names and outlets ("By Ines Roth
/// and Tom Berg, The Courier (…), 2023-02-04"), or right after a place at the start of a
/// paragraph ("MOSCOW, Jan. 7, 2022 —"). A date inside a sentence of the body ("protests that began on Jan. 2, 2021") is
/// what the article is about, not when it appeared.
pub fn dateline(text: &str) -> Option<NaiveDate> {
    text.lines()
        .take(DATELINE_LINES)
        .filter_map(|line| {
            let line = line.trim();
            if line.chars().count() <= DATELINE_CHARS || is_byline(line) {
                return Some(line);
            }
            after_place(line).map(|rest| {
                let end = rest
                    .char_indices()
                    .nth(DATELINE_CHARS)
                    .map_or(rest.len(), |(at, _)| at);
                &rest[..end]
            })
        })
        .find_map(|line| dates::dateline(line).or_else(|| iso_date(line)))
}

/// Whether a line is a byline ("By Jane Roe, …").
fn is_byline(line: &str) -> bool {
    line.strip_prefix("By ")
        .or_else(|| line.strip_prefix("by "))
        .is_some_and(|rest| rest.starts_with(char::is_uppercase))
}

/// The first `YYYY-MM-DD` date in a line ("Published 2023-02-04"), as bylines and page
/// stamps often write it.
fn iso_date(line: &str) -> Option<NaiveDate> {
    let bytes = line.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|at| {
        let candidate = line.get(at..at + 10)?;
        let shape = candidate.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
        let bounded = at == 0 || !bytes[at - 1].is_ascii_digit();
        let ends = bytes.get(at + 10).is_none_or(|b| !b.is_ascii_digit());
        (shape && bounded && ends)
            .then(|| candidate.parse().ok())
            .flatten()
    })
}

/// Where a date read from a dateline comes from, in words.
const DATELINE: &str = "the dateline";

/// How far into the text a dateline is looked for, in lines.
const DATELINE_LINES: usize = 8;

/// The most characters a line of its own holding a dateline has.
const DATELINE_CHARS: usize = 80;

/// The rest of a paragraph that starts with a place in capitals and a comma ("MOSCOW, ",
/// "NUR-SULTAN, Kazakhstan, "), where a wire story's date follows.
fn after_place(line: &str) -> Option<&str> {
    let (place, rest) = line.split_once(", ")?;
    let capitals = place.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && place
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '-' | '.' | '\''));
    capitals.then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_keeps_the_article_and_drops_navigation_scripts_and_comments() {
        let html = r#"<!doctype html><html><head><title>T</title>
            <meta name="author" content="Jane Roe">
            <meta property="article:published_time" content="2023-03-04T10:00:00Z">
            <style>p { color: red }</style></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <article><h1>Headline</h1><p>The talks will fail, she said.</p>
            <script>var x = "will";</script><p>Second &amp; last paragraph.</p></article>
            <section id="comments"><p>This will never happen!</p></section>
            <footer>Copyright</footer></body></html>"#;
        let article = from_html(html);
        assert_eq!(
            article.text,
            "Headline\n\nThe talks will fail, she said.\n\nSecond & last paragraph."
        );
        assert_eq!(article.author.as_deref(), Some("Jane Roe"));
        assert_eq!(article.published, Some("2023-03-04".parse().unwrap()));
        // No og:title: the page's headline.
        assert_eq!(article.title.as_deref(), Some("Headline"));
        assert_eq!(article.outlet, None);
    }

    #[test]
    fn title_and_outlet_from_metadata_and_the_address() {
        let html = r#"<html><head><title>Talks | The Daily</title>
            <meta property="og:title" content="Talks will fail">
            <meta property="og:site_name" content="The Daily"></head>
            <body><p>Text.</p></body></html>"#;
        let article = from_html(html);
        assert_eq!(article.title.as_deref(), Some("Talks will fail"));
        assert_eq!(article.outlet.as_deref(), Some("The Daily"));
        assert_eq!(
            host("https://www.rferl.org/a/week/1.html"),
            Some("rferl.org".into())
        );
        let text = from_text("\n  A Headline  \nBody text.".into());
        assert_eq!(text.title.as_deref(), Some("A Headline"));
    }

    #[test]
    fn bylines_and_author_notes() {
        assert_eq!(byline("Title\nBy Jane Roe\nText."), Some("Jane Roe".into()));
        assert_eq!(
            byline("Title\n\nWritten By\n\nJohn A. Smith is a professor of history."),
            Some("John A. Smith".into())
        );
        let text = "Title here now?\nA first long paragraph of text.\nAnother.\nMore.\nAnn Lee does not work for any company.";
        assert_eq!(byline(text), None);
        assert_eq!(author_note(text), Some("Ann Lee".into()));
    }

    #[test]
    fn a_byline_whose_name_lower_cases_to_another_length() {
        assert_eq!(
            byline("Title\nBy İlker Başbuğ\nText."),
            Some("İlker Başbuğ".into())
        );
        // The Kelvin sign lower-cases to one byte from three: no panic, no author.
        assert_eq!(byline("Title\nBy \u{212A}\u{212A}\u{212A}\nText."), None);
        assert!(looks_like_html(&format!(
            "{}<!DOCTYPE html><p>",
            " ".repeat(255)
        )));
        assert!(!looks_like_html(&"é".repeat(200)));
    }

    #[test]
    fn a_dateline_in_the_first_lines() {
        let article = from_text("Headline\n\nWritten by | Monday, May 2nd, 2022\n\nText.".into());
        assert_eq!(article.published, Some("2022-05-02".parse().unwrap()));
        let wire = from_text(
            "Talks stall\n\nGENEVA, March 3, 2023 (Wire) - Negotiators left the table late on Friday after a long day of talks that went nowhere.".into(),
        );
        assert_eq!(wire.published, Some("2023-03-03".parse().unwrap()));
    }

    #[test]
    fn a_byline_with_an_iso_date_gives_the_date() {
        let article =
            from_text("Talks stall\n\nBy Ines Roth, The Courier, 2023-02-04\n\nText.".into());
        assert_eq!(article.published, Some("2023-02-04".parse().unwrap()));
        let long = from_text(
            "Talks stall\n\nBy Ines Roth and Tom Berg, The Courier (the weekend edition of the regional paper, reprinting a column from its sister title), 2023-02-04\n\nText.".into(),
        );
        assert_eq!(long.published, Some("2023-02-04".parse().unwrap()));
        assert_eq!(iso_date("build 12023-02-04"), None);
        assert_eq!(iso_date("2023-02-30"), None);
    }

    #[test]
    fn a_date_inside_a_sentence_of_the_body_is_no_dateline() {
        let text = "Headline\n\nWhat began as a quarrel over bus fares on Feb. 3, 2020, soon spread to every large town, and by the spring the government had fallen.";
        assert_eq!(from_text(text.into()).published, None);
    }

    #[test]
    fn the_declared_charset_in_the_order_browsers_take_it() {
        let e_acute = |html: &[u8], header: Option<&str>| decode_html(html, header).ends_with('é');
        // A <meta> inside a comment is not a declaration; the one after it is.
        assert!(e_acute(
            b"<!-- <meta charset=koi8-r> --><meta charset='windows-1252'><p>\xe9",
            None
        ));
        // `content` counts only with http-equiv="Content-Type".
        assert!(e_acute(
            b"<META HTTP-EQUIV=\"content-type\" CONTENT=\"text/html; charset=ISO-8859-1\"><p>\xe9",
            None
        ));
        assert!(!e_acute(
            b"<meta content=\"charset=iso-8859-1\"><p>\xe9",
            None
        ));
        // The HTTP header wins over the page; a byte-order mark over both, and goes.
        assert!(e_acute(
            b"<meta charset=utf-8><p>\xe9",
            Some("windows-1252")
        ));
        assert_eq!(
            decode_html(b"\xef\xbb\xbf<p>\xc3\xa9", Some("windows-1252")),
            "<p>é"
        );
        // No declaration: UTF-8, as before.
        assert_eq!(decode_html(b"<p>\xe9", None), "<p>\u{FFFD}");
    }

    #[test]
    fn a_figures_caption_is_dropped_at_any_depth_and_a_lone_one_kept() {
        let html = "<article><figure><div><figcaption>Photo: A. Lens</figcaption></div></figure>\
            <p>Text.</p><figcaption>Kept</figcaption></article>";
        assert_eq!(from_html(html).text, "Text.\n\nKept");
    }
}

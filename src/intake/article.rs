//! An article as text: a plain-text file as it is, an HTML page's main text (navigation,
//! scripts, styles, forms and comment sections dropped), or a page fetched by URL with a
//! timeout and a size limit. Also what the page says about itself: its author and date,
//! from HTML metadata or a byline and dateline in the text.

use std::io::Read;
use std::path::Path;
use std::time::Duration;

use chrono::NaiveDate;
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
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if matches!(extension.as_str(), "html" | "htm" | "xhtml") || looks_like_html(&text) {
        Ok(from_html(&text))
    } else {
        Ok(from_text(text))
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

/// Fetches a page: a redirect or two, a timeout, and no more than [`MAX_BYTES`].
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
    let body = response
        .body_mut()
        .with_config()
        .limit(MAX_BYTES)
        .read_to_string()
        .map_err(|e| fail(e.to_string()))?;
    Ok(body)
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
    Article {
        title,
        outlet: None,
        author: byline(&text),
        published: dateline(&text),
        text,
    }
}

/// Elements that are never the article's text.
const DROPPED: &str = "script, style, noscript, template, nav, header, footer, aside, form, \
    button, select, svg, iframe, figure figcaption, [role=navigation], [role=banner], \
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
    let dropped: Vec<ElementRef> = document.select(&selector(DROPPED)).collect();
    let root = ["article", "main", "[role=main]", "body"]
        .iter()
        .find_map(|s| document.select(&selector(s)).next());
    let mut text = String::new();
    if let Some(root) = root {
        collect_text(root, &dropped, &mut text);
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
    .or_else(|| dateline(&text));
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
        published,
    }
}

fn collect_text(element: ElementRef, dropped: &[ElementRef], out: &mut String) {
    for child in element.children() {
        if ElementRef::wrap(child).is_some_and(|e| dropped.contains(&e)) {
            continue;
        }
        match child.value() {
            Node::Text(text) => out.push_str(text),
            Node::Element(e) => {
                let block = BLOCKS.contains(&e.name());
                if block {
                    out.push('\n');
                }
                if let Some(child) = ElementRef::wrap(child) {
                    collect_text(child, dropped, out);
                }
                if block {
                    out.push('\n');
                }
            }
            _ => {}
        }
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

/// A dateline: a full date among the first lines of the text.
pub fn dateline(text: &str) -> Option<NaiveDate> {
    let head: Vec<&str> = text.lines().take(8).collect();
    dates::dateline(&head.join("\n"))
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
    }
}

//! The pieces every page is made of: text escaped for HTML (every piece of ledger text
//! goes through [`text`]), links that are followed only when they are web addresses, and
//! the page around a body: its head, its style (inline, so that a page needs nothing from
//! any host), its navigation and its footer.

use std::fmt::Write as _;

use crate::ledger::is_web_link;

/// Text escaped for HTML content and attribute values: `<script>` in a claim shows as text.
pub fn text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters (an escape sequence in a name) have no place in a page.
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A link to an outside page when `url` is a web address (opened without the page's
/// referrer or access to it), else the address as text: a ledger cannot make a reader's
/// click run a script.
pub fn outside_link(url: &str, label: &str) -> String {
    if is_web_link(url) {
        format!(
            "<a href=\"{}\" rel=\"noopener noreferrer nofollow\">{}</a>",
            text(url),
            text(label)
        )
    } else {
        text(label)
    }
}

/// A probability as a percentage ("35%"), or "—".
pub fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_string(), |p| format!("{:.0}%", p * 100.0))
}

/// A score with three decimals, or "—".
pub fn score(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_string(), |v| format!("{v:.3}"))
}

/// A whole page: `depth` is how many folders below the site's root it sits, for its links
/// back (`../index.html`).
pub fn page(title: &str, depth: usize, as_of: &str, body: &str) -> String {
    let up = "../".repeat(depth);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} · Hindsight</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header><nav><a class=\"home\" href=\"{up}index.html\">Hindsight</a> \
         <a href=\"{up}index.html#leaderboard\">Leaderboard</a> \
         <a href=\"{up}questions/index.html\">Questions</a> \
         <a href=\"{up}scenarios/index.html\">Scenarios</a></nav></header>\n<main>\n{body}</main>\n\
         <footer>Track records as of {as_of}, made by <code>hindsight site</code> from a ledger of forecasts kept in plain files. \
         Brier score: 0 is perfect, 0.25 is always saying 50%; lower is better.</footer>\n</body>\n</html>\n",
        text(title),
    );
    out
}

/// The one style sheet, inline in every page: a readable column of text, tables that
/// scroll sideways on a phone rather than squeeze, and print without the navigation.
const STYLE: &str = "
:root{--ink:#1d232b;--muted:#5d6773;--line:#d9dee4;--bg:#fbfbf8;--accent:#1f5fa8;--true:#1d7a3a;--false:#b3261e;--warn:#9a5b00}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.5 Georgia,'Times New Roman',serif}
header{background:#fff;border-bottom:1px solid var(--line)}
nav{max-width:66rem;margin:0 auto;padding:.6rem 1rem;font:600 .95rem/1.4 system-ui,sans-serif}
nav a{margin-right:1.1rem;color:var(--ink);text-decoration:none}
nav a.home{color:var(--accent)}
main{max-width:66rem;margin:0 auto;padding:1rem}
h1{font-size:1.9rem;line-height:1.2;margin:.6rem 0}
h2{font-size:1.3rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
.lede{font-size:1.1rem;color:var(--muted)}
.note{color:var(--muted);font:.85rem/1.45 system-ui,sans-serif}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font:.9rem/1.4 system-ui,sans-serif;margin:.5rem 0}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600;color:var(--muted);white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.name{min-width:12rem}
a{color:var(--accent)}
.small{color:var(--warn);font-weight:600}
.true{color:var(--true);font-weight:600}
.false{color:var(--false);font-weight:600}
.open,.other{color:var(--muted)}
blockquote{margin:.4rem 0;padding:.1rem .9rem;border-left:3px solid var(--line);font-style:italic}
.forecast{border-bottom:1px solid var(--line);padding:.8rem 0}
.forecast h3{font-size:1.05rem;margin:0 0 .2rem}
.meta{font:.85rem/1.45 system-ui,sans-serif;color:var(--muted)}
.charts{display:flex;flex-wrap:wrap;gap:1.5rem}
figure{margin:0;flex:1 1 18rem;max-width:28rem}
figcaption{font:.85rem/1.4 system-ui,sans-serif;color:var(--muted)}
svg{width:100%;height:auto;background:#fff;border:1px solid var(--line)}
footer{max-width:66rem;margin:2rem auto;padding:1rem;border-top:1px solid var(--line);font:.8rem/1.4 system-ui,sans-serif;color:var(--muted)}
@media print{header{display:none}body{background:#fff}a{color:inherit}.scroll{overflow:visible}}
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ledger_text_cannot_become_markup_or_a_script_link() {
        assert_eq!(
            text("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(text("a\u{1b}[31mb"), "a\u{FFFD}[31mb");
        assert_eq!(outside_link("javascript:alert(1)", "see"), "see");
        assert!(
            outside_link("https://example.org/?a=1&b=2", "x")
                .contains("href=\"https://example.org/?a=1&amp;b=2\"")
        );
    }
}

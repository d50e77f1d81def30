//! The house plan, checked: no module of `src/` depends on one that depends on it back,
//! and the layers named in `LAYERS` never reach up. Run alone with
//! `cargo test --test tests house_plan`.
//!
//! A module depends on the module that *defines* what it names: a path through a
//! re-export (`pub use`) is followed to where the item lives, so a parent that only
//! re-exports its children is no link in a circle, while a child that takes a type
//! defined in its parent's `mod.rs`, which in turn uses the child, is. Test modules
//! (`#[cfg(test)] mod … { … }`) are left out: a test may use any module. The reading is of
//! the source text (comments and strings blanked), not of the compiler's name
//! resolution; it understands `use` trees, `crate::`, `super::`, `self::`, child modules
//! and names bound to a module by `use`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Layers, lowest first: a module in a layer must not depend on a module in any layer
/// listed after it. Each layer is a list of module path prefixes.
const LAYERS: &[(&str, &[&str])] = &[
    ("the ledger's model", &["crate::ledger::model"]),
    ("reading the ledger", &["crate::ledger::read"]),
    ("writing the ledger", &["crate::ledger::write"]),
    (
        "the ledger's consumers",
        &[
            "crate::draft",
            "crate::query",
            "crate::words",
            "crate::report",
            "crate::overview",
            "crate::seeds",
            "crate::export",
            "crate::demo",
            "crate::git",
            "crate::intake",
        ],
    ),
    ("the views", &["crate::cli", "crate::app"]),
];

/// Pairs of modules that must never depend on each other, either way.
const STRANGERS: &[(&str, &str)] = &[("crate::cli", "crate::app")];

#[test]
fn no_module_of_src_depends_on_one_that_depends_on_it() {
    let graph = Graph::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let circles = graph.circles();
    let mut report = String::new();
    for circle in &circles {
        report.push_str(&format!("circle of {} modules:\n", circle.len()));
        for module in circle {
            for (to, place) in &graph.edges[module] {
                if circle.contains(to) {
                    report.push_str(&format!("  {module} -> {to}   ({place})\n"));
                }
            }
        }
    }
    assert!(circles.is_empty(), "import circles in src/:\n{report}");
}

#[test]
fn no_layer_reaches_up_and_the_two_faces_never_meet() {
    let graph = Graph::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let layer_of = |module: &str| {
        LAYERS
            .iter()
            .position(|(_, prefixes)| prefixes.iter().any(|prefix| within(module, prefix)))
    };
    let mut wrong = Vec::new();
    for (from, edges) in &graph.edges {
        for (to, place) in edges {
            if let (Some(low), Some(high)) = (layer_of(from), layer_of(to))
                && low < high
            {
                wrong.push(format!(
                    "{from} ({}) uses {to} ({})   ({place})",
                    LAYERS[low].0, LAYERS[high].0
                ));
            }
            for (a, b) in STRANGERS {
                if (within(from, a) && within(to, b)) || (within(from, b) && within(to, a)) {
                    wrong.push(format!("{from} uses {to}   ({place})"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Whether `module` is `prefix` or inside it.
fn within(module: &str, prefix: &str) -> bool {
    module == prefix
        || module
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with("::"))
}

/// Pairs of a name and a path: a re-export's name and what it names, or a path a module
/// names and where (file:line).
type Pairs = Vec<(String, String)>;

/// One source file, read.
struct Module {
    file: PathBuf,
    /// Code with comments, strings and test modules blanked (same lengths, so offsets
    /// still give line numbers).
    code: String,
    /// Names this module re-exports (`pub use a::b::C as D` → `D` → `crate::a::b::C`);
    /// a glob re-export is under `*`, once per source.
    reexports: Vec<(String, String)>,
    /// Every path this module names, made absolute, with where it is named.
    uses: Vec<(String, String)>,
}

struct Graph {
    /// From each module to the modules it depends on, with where (file:line) one use is.
    edges: BTreeMap<String, BTreeMap<String, String>>,
}

impl Graph {
    fn read(src: &Path) -> Graph {
        let mut modules = BTreeMap::new();
        for file in rust_files(src) {
            let relative = file.strip_prefix(src).unwrap();
            if relative == Path::new("main.rs") {
                continue; // the binary, a crate of its own
            }
            let name = module_name(relative);
            let text = std::fs::read_to_string(&file).unwrap();
            modules.insert(name, Module::blank(file, &text));
        }
        let names: BTreeSet<String> = modules.keys().cloned().collect();
        let read: Vec<(String, Pairs, Pairs)> = modules
            .iter()
            .map(|(name, module)| {
                let (reexports, uses) = paths_named(name, &module.code, &module.file, &names);
                (name.clone(), reexports, uses)
            })
            .collect();
        for (name, reexports, uses) in read {
            let module = modules.get_mut(&name).unwrap();
            module.reexports = reexports;
            module.uses = uses;
        }
        let mut edges: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        for (name, module) in &modules {
            let entry = edges.entry(name.clone()).or_default();
            for (path, place) in &module.uses {
                for defined in definers(path, &modules, 0) {
                    if defined != *name {
                        entry.entry(defined).or_insert_with(|| place.clone());
                    }
                }
            }
        }
        Graph { edges }
    }

    /// The strongly connected components of more than one module (Tarjan's algorithm).
    fn circles(&self) -> Vec<Vec<String>> {
        struct Walk<'a> {
            graph: &'a Graph,
            index: BTreeMap<&'a str, usize>,
            low: BTreeMap<&'a str, usize>,
            stack: Vec<&'a str>,
            on_stack: BTreeSet<&'a str>,
            found: Vec<Vec<String>>,
        }
        impl<'a> Walk<'a> {
            fn visit(&mut self, node: &'a str) {
                let n = self.index.len();
                self.index.insert(node, n);
                self.low.insert(node, n);
                self.stack.push(node);
                self.on_stack.insert(node);
                for next in self
                    .graph
                    .edges
                    .get(node)
                    .into_iter()
                    .flat_map(|e| e.keys())
                {
                    let next = next.as_str();
                    if !self.index.contains_key(next) {
                        self.visit(next);
                        let low = self.low[node].min(self.low[next]);
                        self.low.insert(node, low);
                    } else if self.on_stack.contains(next) {
                        let low = self.low[node].min(self.index[next]);
                        self.low.insert(node, low);
                    }
                }
                if self.low[node] == self.index[node] {
                    let mut component = Vec::new();
                    loop {
                        let top = self.stack.pop().unwrap();
                        self.on_stack.remove(top);
                        component.push(top.to_string());
                        if top == node {
                            break;
                        }
                    }
                    if component.len() > 1 {
                        component.sort();
                        self.found.push(component);
                    }
                }
            }
        }
        let mut walk = Walk {
            graph: self,
            index: BTreeMap::new(),
            low: BTreeMap::new(),
            stack: Vec::new(),
            on_stack: BTreeSet::new(),
            found: Vec::new(),
        };
        for node in self.edges.keys() {
            if !walk.index.contains_key(node.as_str()) {
                walk.visit(node);
            }
        }
        walk.found
    }
}

/// The modules that define what `path` names: the module itself when the path ends at a
/// module, else the module holding the item, following re-exports.
fn definers(path: &str, modules: &BTreeMap<String, Module>, depth: usize) -> Vec<String> {
    let segments: Vec<&str> = path.split("::").collect();
    let Some(at) = (1..=segments.len())
        .rev()
        .find(|&n| modules.contains_key(&segments[..n].join("::")))
    else {
        return Vec::new(); // an outside crate
    };
    let module = segments[..at].join("::");
    let Some(item) = segments.get(at) else {
        return vec![module];
    };
    if depth > 16 {
        return vec![module];
    }
    let holder = &modules[&module];
    let named: Vec<&String> = holder
        .reexports
        .iter()
        .filter(|(name, _)| name == item)
        .map(|(_, target)| target)
        .collect();
    if let Some(target) = named.first() {
        let rest = segments[at + 1..]
            .iter()
            .fold(target.to_string(), |path, s| path + "::" + s);
        return definers(&rest, modules, depth + 1);
    }
    // Through a glob re-export, where the item is found.
    for (name, target) in &holder.reexports {
        if name == "*" {
            let through = format!("{target}::{item}");
            let found = definers(&through, modules, depth + 1);
            if found.iter().any(|m| *m != *target) || defines(modules.get(target), item) {
                return found;
            }
        }
    }
    vec![module]
}

/// Whether a module's code plainly defines `item`.
fn defines(module: Option<&Module>, item: &str) -> bool {
    module.is_some_and(|module| {
        [
            "fn",
            "struct",
            "enum",
            "trait",
            "type",
            "const",
            "static",
            "mod",
            "macro_rules!",
        ]
        .iter()
        .any(|keyword| module.code.contains(&format!("{keyword} {item}")))
    })
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// `ledger/read/load.rs` → `crate::ledger::read::load`; `mod.rs` and `lib.rs` name their
/// folder.
fn module_name(relative: &Path) -> String {
    let mut name = String::from("crate");
    let parts: Vec<String> = relative
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect();
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        let part = if last {
            part.trim_end_matches(".rs")
        } else {
            part
        };
        if last && (part == "mod" || part == "lib") {
            break;
        }
        name.push_str("::");
        name.push_str(part);
    }
    name
}

impl Module {
    /// Blanks comments, string and character literals, and `#[cfg(test)]` modules.
    fn blank(file: PathBuf, text: &str) -> Module {
        let bytes = text.as_bytes();
        let mut out = bytes.to_vec();
        let mut i = 0;
        let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
            for byte in &mut out[from..to] {
                if *byte != b'\n' {
                    *byte = b' ';
                }
            }
        };
        while i < bytes.len() {
            let rest = &bytes[i..];
            if rest.starts_with(b"//") {
                let end = rest
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |n| i + n);
                blank(&mut out, i, end);
                i = end;
            } else if rest.starts_with(b"/*") {
                let mut depth = 0;
                let mut j = i;
                while j < bytes.len() {
                    if bytes[j..].starts_with(b"/*") {
                        depth += 1;
                        j += 2;
                    } else if bytes[j..].starts_with(b"*/") {
                        depth -= 1;
                        j += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        j += 1;
                    }
                }
                blank(&mut out, i, j);
                i = j;
            } else if let Some(end) = raw_string_end(bytes, i) {
                blank(&mut out, i, end);
                i = end;
            } else if bytes[i] == b'"' {
                let mut j = i + 1;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                blank(&mut out, i, (j + 1).min(bytes.len()));
                i = j + 1;
            } else if bytes[i] == b'\'' {
                // A character literal ('x', '\n', '\u{1F600}') or a lifetime ('a).
                let close = if bytes.get(i + 1) == Some(&b'\\') {
                    bytes[i + 2..]
                        .iter()
                        .position(|&b| b == b'\'')
                        .map(|n| i + 2 + n)
                } else {
                    let width = text[i + 1..].chars().next().map_or(1, char::len_utf8);
                    (bytes.get(i + 1 + width) == Some(&b'\'')).then_some(i + 1 + width)
                };
                match close {
                    Some(close) => {
                        blank(&mut out, i, close + 1);
                        i = close + 1;
                    }
                    None => i += 1,
                }
            } else {
                i += 1;
            }
        }
        let mut code = String::from_utf8(out).unwrap();
        while let Some(start) = code.find("#[cfg(test)]") {
            let after = start + "#[cfg(test)]".len();
            let item = code[after..].trim_start();
            // An inline module (`mod tests { … }`), not one in a file of its own
            // (`mod tests;`): its brace comes before any semicolon.
            let inline = match (item.find('{'), item.find(';')) {
                (Some(brace), Some(semicolon)) => brace < semicolon,
                (Some(_), None) => true,
                (None, _) => false,
            };
            let end = if item.starts_with("mod ") && inline {
                let open = after + code[after..].find('{').unwrap();
                matching_brace(&code, open)
            } else {
                after
            };
            let blanked: String = code[start..end]
                .chars()
                .map(|c| if c == '\n' { '\n' } else { ' ' })
                .collect();
            code.replace_range(start..end, &blanked);
        }
        Module {
            file,
            code,
            reexports: Vec::new(),
            uses: Vec::new(),
        }
    }
}

/// Where a raw string (`r"…"`, `r#"…"#`, `br"…"`) starting at `i` ends, if one does.
fn raw_string_end(bytes: &[u8], i: usize) -> Option<usize> {
    if i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_') {
        return None;
    }
    let mut j = i;
    if bytes.get(j) == Some(&b'b') {
        j += 1;
    }
    if bytes.get(j) != Some(&b'r') {
        return None;
    }
    j += 1;
    let hashes = bytes[j..].iter().take_while(|&&b| b == b'#').count();
    j += hashes;
    if bytes.get(j) != Some(&b'"') {
        return None;
    }
    let closing: Vec<u8> = std::iter::once(b'"')
        .chain(std::iter::repeat_n(b'#', hashes))
        .collect();
    let body = &bytes[j + 1..];
    let end = body
        .windows(closing.len())
        .position(|w| w == closing.as_slice())?;
    Some(j + 1 + end + closing.len())
}

fn matching_brace(code: &str, open: usize) -> usize {
    let mut depth = 0;
    for (i, byte) in code.bytes().enumerate().skip(open) {
        match byte {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    code.len()
}

/// The re-exports and the absolute paths a module names.
fn paths_named(
    module: &str,
    code: &str,
    file: &Path,
    modules: &BTreeSet<String>,
) -> (Pairs, Pairs) {
    let place = |offset: usize| {
        let line = code[..offset].matches('\n').count() + 1;
        format!("{}:{line}", file.display())
    };
    let children: BTreeSet<&str> = modules
        .iter()
        .filter_map(|m| m.strip_prefix(module)?.strip_prefix("::"))
        .filter(|rest| !rest.contains("::"))
        .collect();
    // Names bound to modules by `use`, for paths like `ledger::load(…)` in the code.
    let mut aliases: BTreeMap<String, String> = BTreeMap::new();
    let mut reexports = Vec::new();
    let mut uses = Vec::new();
    let absolute = |path: &str| absolute(module, path, &children);

    let mut search = 0;
    while let Some(found) = find_word(code, "use", search) {
        search = found + 3;
        let Some(semicolon) = code[found..].find(';') else {
            break;
        };
        let tree = &code[found + 3..found + semicolon];
        let before = code[..found].trim_end();
        let public = before.ends_with("pub") || before.ends_with(')') && before.contains("pub(");
        for (path, bound) in expand_use_tree(tree.trim()) {
            let Some(path) = absolute(&path) else {
                continue;
            };
            if public {
                reexports.push((bound.clone(), path.clone()));
            }
            if modules.contains(&path) && bound != "*" {
                aliases.insert(bound, path.clone());
            }
            uses.push((path, place(found)));
        }
    }
    // Paths in the code: `crate::…`, `super::…`, `self::…`, a child module or an alias.
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = (bytes[i].is_ascii_alphabetic() || bytes[i] == b'_')
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_'))
            && (i < 2 || &bytes[i - 2..i] != b"::");
        if !starts_word {
            i += 1;
            continue;
        }
        let end = path_end(bytes, i);
        let path: String = code[i..end].split_whitespace().collect();
        if path.contains("::") {
            let first = path.split("::").next().unwrap();
            let resolved = match first {
                "crate" | "super" | "self" => absolute(&path),
                _ if children.contains(first) => absolute(&path),
                _ => aliases
                    .get(first)
                    .map(|target| path.replacen(first, target, 1)),
            };
            if let Some(resolved) = resolved {
                uses.push((resolved, place(i)));
            }
        }
        i = end.max(i + 1);
    }
    (reexports, uses)
}

fn find_word(code: &str, word: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(n) = code[at..].find(word) {
        let start = at + n;
        let end = start + word.len();
        let before = code[..start].chars().next_back();
        let after = code[end..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        if boundary(before) && boundary(after) {
            return Some(start);
        }
        at = end;
    }
    None
}

/// The end of a path `a::b::c` starting at `i`.
fn path_end(bytes: &[u8], i: usize) -> usize {
    let mut j = i;
    loop {
        while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_') {
            j += 1;
        }
        if bytes[j..].starts_with(b"::")
            && bytes
                .get(j + 2)
                .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
        {
            j += 2;
        } else {
            return j;
        }
    }
}

/// `a::{b, c::{d as e}, self}` → `[("a::b", "b"), ("a::c::d", "e"), ("a", "a")]`.
fn expand_use_tree(tree: &str) -> Vec<(String, String)> {
    let tree: String = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    expand(&tree, "", &mut out);
    out
}

fn expand(tree: &str, prefix: &str, out: &mut Vec<(String, String)>) {
    let tree = tree.trim().trim_start_matches("::");
    let join = |rest: &str| {
        if prefix.is_empty() {
            rest.to_string()
        } else {
            format!("{prefix}::{rest}")
        }
    };
    if let Some(open) = tree.find('{') {
        let head = tree[..open].trim().trim_end_matches("::");
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let prefix = if head.is_empty() {
            prefix.to_string()
        } else {
            join(head)
        };
        for part in split_top_level(inner) {
            if part.trim() == "self" {
                let bound = prefix.rsplit("::").next().unwrap_or("").to_string();
                out.push((prefix.clone(), bound));
            } else if !part.trim().is_empty() {
                expand(part, &prefix, out);
            }
        }
        return;
    }
    let (path, bound) = match tree.split_once(" as ") {
        Some((path, bound)) => (path.trim(), bound.trim().to_string()),
        None => (tree, tree.rsplit("::").next().unwrap_or(tree).to_string()),
    };
    let path = path.trim_end_matches("::*");
    let bound = if tree.ends_with('*') {
        "*".to_string()
    } else {
        bound
    };
    out.push((join(path), bound));
}

fn split_top_level(inner: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
}

/// A path as written in `module` made absolute, or `None` for an outside crate.
fn absolute(module: &str, path: &str, children: &BTreeSet<&str>) -> Option<String> {
    let mut segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let mut base: Vec<&str> = module.split("::").collect();
    match segments.first().copied() {
        Some("crate") => {
            base = vec!["crate"];
            segments.remove(0);
        }
        Some("self") => {
            segments.remove(0);
        }
        Some("super") => {
            while segments.first() == Some(&"super") {
                segments.remove(0);
                base.pop();
            }
        }
        Some(first) if children.contains(first) => {}
        _ => return None,
    }
    base.extend(segments);
    Some(base.join("::"))
}

/// Prints every dependency of the modules under `HOUSE_PLAN_SHOW` (default `crate`), for
/// an engineer planning a move: `HOUSE_PLAN_SHOW=crate::ledger cargo test --test tests
/// house_plan::show -- --ignored --nocapture`.
#[test]
#[ignore]
fn show() {
    let graph = Graph::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let prefix = std::env::var("HOUSE_PLAN_SHOW").unwrap_or_else(|_| "crate".into());
    for (from, edges) in &graph.edges {
        if within(from, &prefix) {
            for (to, place) in edges {
                println!("{from} -> {to}   ({place})");
            }
        }
    }
}

//! Layers that point one way (issue 20): no import cycle between modules, and no source file over 900
//! lines of non-test code, in the engine (`crates/engine/src`) and in the app (`src`).
//!
//! A module and its own submodules count as one: `rules::ch3` using `rules` is not a cycle, but `rules`
//! (any file of it) using `model` while `model` uses `rules` is. So at every level of the module tree the
//! children of one module, each taken with all its submodules, must form an acyclic graph. References are
//! read from the source text: `crate::…`, `super::…` and `self::…` paths (with `{…}` groups), and names the
//! crate root re-exports (`crate::Matter` is `model`). Doc comments and code after the file's first
//! `#[cfg(test)]` are not read.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Lines of a file before its first `#[cfg(test)]` (its non-test code).
const MAX_LINES: usize = 900;

type ModPath = Vec<String>;

struct Crate {
    /// Module path → its file's non-test text.
    modules: BTreeMap<ModPath, String>,
    /// Names the crate root re-exports (`pub use model::{Matter, …}`) → the module they come from.
    reexports: BTreeMap<String, ModPath>,
}

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let p = e.unwrap().path();
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The text before the first `#[cfg(test)]`.
fn non_test(text: &str) -> &str {
    match text.find("#[cfg(test)]") {
        Some(i) => &text[..i],
        None => text,
    }
}

/// Drops `//` comments (outside string literals, by quote parity on the line).
fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut in_str = false;
        let mut prev = ' ';
        let mut cut = line.len();
        for (i, c) in line.char_indices() {
            if c == '"' && prev != '\\' {
                in_str = !in_str;
            }
            if !in_str && c == '/' && prev == '/' {
                cut = i - 1;
                break;
            }
            prev = c;
        }
        out.push_str(&line[..cut]);
        out.push('\n');
    }
    out
}

/// The module path of a source file below `src` (`rules/ch3.rs` → `rules::ch3`; `lib.rs` → root).
fn module_of(src: &Path, file: &Path) -> ModPath {
    let rel = file.strip_prefix(src).unwrap();
    let mut parts: Vec<String> = rel.iter().map(|s| s.to_string_lossy().into_owned()).collect();
    let last = parts.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if !(parts.is_empty() && (stem == "lib" || stem == "main")) && stem != "mod" {
        parts.push(stem.to_string());
    }
    parts
}

fn load(src: &Path, skip: &[&str]) -> Crate {
    let mut files = Vec::new();
    rs_files(src, &mut files);
    let mut modules = BTreeMap::new();
    for f in files {
        let rel = f.strip_prefix(src).unwrap().to_string_lossy().replace('\\', "/");
        if skip.iter().any(|s| rel == *s || rel.starts_with(&format!("{s}/"))) {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        let code = strip_comments(non_test(&text));
        let m = module_of(src, &f);
        modules.entry(m).or_insert_with(String::new).push_str(&code);
    }
    let mut reexports = BTreeMap::new();
    let root = modules.get(&Vec::new()).cloned().unwrap_or_default();
    for stmt in root.split(';') {
        let s = stmt.trim();
        let Some(rest) = s.strip_prefix("pub use ") else { continue };
        for path in use_paths(rest) {
            if let Some((name, module)) = path.split_last() {
                let module = resolve_known(&modules, module);
                if !module.is_empty() {
                    reexports.insert(name.clone(), module);
                }
            }
        }
    }
    Crate { modules, reexports }
}

/// The paths of a use tree or a path expression, `a::{b, c::{d, e}}` → `a::b`, `a::c::d`, `a::c::e`.
/// Stops at the first character that cannot continue a path.
fn use_paths(s: &str) -> Vec<ModPath> {
    fn tree(chars: &[char], i: &mut usize, prefix: &ModPath, out: &mut Vec<ModPath>) {
        let mut path = prefix.clone();
        loop {
            while *i < chars.len() && chars[*i].is_whitespace() {
                *i += 1;
            }
            if *i < chars.len() && chars[*i] == '{' {
                *i += 1;
                loop {
                    tree(chars, i, &path, out);
                    while *i < chars.len() && chars[*i].is_whitespace() {
                        *i += 1;
                    }
                    match chars.get(*i) {
                        Some(',') => *i += 1,
                        Some('}') => {
                            *i += 1;
                            return;
                        }
                        _ => return,
                    }
                    while *i < chars.len() && chars[*i].is_whitespace() {
                        *i += 1;
                    }
                    if chars.get(*i) == Some(&'}') {
                        *i += 1;
                        return;
                    }
                }
            }
            let start = *i;
            while *i < chars.len() && (chars[*i].is_alphanumeric() || chars[*i] == '_') {
                *i += 1;
            }
            if *i > start {
                path.push(chars[start..*i].iter().collect());
            }
            if chars.get(*i) == Some(&':') && chars.get(*i + 1) == Some(&':') {
                *i += 2;
                continue;
            }
            break;
        }
        if !path.is_empty() {
            out.push(path);
        }
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    tree(&chars, &mut 0, &Vec::new(), &mut out);
    out
}

/// The longest prefix of `path` that is a module of the crate.
fn resolve_known(modules: &BTreeMap<ModPath, String>, path: &[String]) -> ModPath {
    (0..=path.len()).rev().map(|n| path[..n].to_vec()).find(|p| modules.contains_key(p)).unwrap_or_default()
}

/// Every module each module refers to, with the path written (for the message).
fn references(krate: &Crate) -> BTreeMap<(ModPath, ModPath), String> {
    let mut edges = BTreeMap::new();
    for (from, code) in &krate.modules {
        for (at, _) in code.match_indices("::") {
            // The path's first segment: the word before this `::`, if it is `crate`, `super` or `self`.
            let head_start = code[..at].rfind(|c: char| !(c.is_alphanumeric() || c == '_')).map_or(0, |i| i + 1);
            let head = &code[head_start..at];
            let before = code[..head_start].chars().next_back();
            if before == Some(':') {
                continue; // not the path's first segment
            }
            let mut base: ModPath = match head {
                "crate" => Vec::new(),
                "self" => from.clone(),
                "super" => from[..from.len().saturating_sub(1)].to_vec(),
                _ => continue,
            };
            let mut rest = &code[at + 2..];
            while let Some(r) = rest.strip_prefix("super::") {
                base.pop();
                rest = r;
            }
            for tail in use_paths(rest) {
                let mut full = base.clone();
                full.extend(tail.iter().cloned());
                let mut to = resolve_known(&krate.modules, &full);
                if to.is_empty() {
                    if let Some(m) = full.first().and_then(|n| krate.reexports.get(n)) {
                        to = m.clone();
                    }
                }
                let written = format!("{head}::{}", tail.join("::"));
                edges.entry((from.clone(), to)).or_insert(written);
            }
        }
    }
    edges
}

fn show(m: &ModPath) -> String {
    if m.is_empty() {
        "crate".into()
    } else {
        m.join("::")
    }
}

/// The import cycles among sibling modules (each with its submodules), one message per cycle found.
fn cycles(krate: &Crate) -> Vec<String> {
    // Edges between the children of one parent, keyed by the parent: child → child → a witness.
    let mut levels: BTreeMap<ModPath, BTreeMap<String, BTreeMap<String, String>>> = BTreeMap::new();
    for ((from, to), written) in references(krate) {
        let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
        if common == from.len() || common == to.len() {
            continue; // a module and its own submodules are one
        }
        let parent = from[..common].to_vec();
        levels
            .entry(parent)
            .or_default()
            .entry(from[common].clone())
            .or_default()
            .entry(to[common].clone())
            .or_insert(format!("{} uses {written}", show(&from)));
    }
    let mut found = Vec::new();
    for (parent, graph) in &levels {
        // Depth-first search for a back edge; the stack gives the cycle.
        let mut done = BTreeSet::new();
        for start in graph.keys() {
            let mut stack: Vec<(String, Vec<String>)> = Vec::new();
            let mut on_path: Vec<String> = Vec::new();
            if done.contains(start) {
                continue;
            }
            stack.push((start.clone(), graph[start].keys().cloned().collect()));
            on_path.push(start.clone());
            while let Some((node, next)) = stack.last_mut() {
                if let Some(n) = next.pop() {
                    if let Some(pos) = on_path.iter().position(|p| *p == n) {
                        let ring: Vec<String> = on_path[pos..].iter().chain([&n]).cloned().collect();
                        let why: Vec<String> = ring.windows(2).map(|w| graph[&w[0]][&w[1]].clone()).collect();
                        let name = |c: &String| {
                            let mut p = parent.clone();
                            p.push(c.clone());
                            show(&p)
                        };
                        found.push(format!(
                            "{} ({})",
                            ring.iter().map(name).collect::<Vec<_>>().join(" → "),
                            why.join("; ")
                        ));
                    } else if !done.contains(&n) {
                        let succ = graph.get(&n).map(|g| g.keys().cloned().collect()).unwrap_or_default();
                        on_path.push(n.clone());
                        stack.push((n, succ));
                    }
                } else {
                    done.insert(node.clone());
                    on_path.pop();
                    stack.pop();
                }
            }
        }
    }
    found
}

fn too_long(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rs_files(src, &mut files);
    files.sort();
    files
        .iter()
        .filter_map(|f| {
            let n = non_test(&std::fs::read_to_string(f).unwrap()).lines().count();
            (n > MAX_LINES).then(|| format!("{}: {n} lines before #[cfg(test)]", f.display()))
        })
        .collect()
}

fn engine_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn app_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src")
}

#[test]
fn the_engine_has_no_import_cycle() {
    // bin/ is another crate (the CLI), reaching the engine as `yingsu_engine::`.
    let found = cycles(&load(&engine_src(), &["bin"]));
    assert!(found.is_empty(), "import cycles in crates/engine/src:\n{}", found.join("\n"));
}

#[test]
fn the_app_has_no_import_cycle() {
    let found = cycles(&load(&app_src(), &[]));
    assert!(found.is_empty(), "import cycles in src:\n{}", found.join("\n"));
}

#[test]
fn no_source_file_has_more_than_900_lines_of_non_test_code() {
    let mut over = too_long(&engine_src());
    over.extend(too_long(&app_src()));
    assert!(over.is_empty(), "over {MAX_LINES} lines of non-test code:\n{}", over.join("\n"));
}

/// The checker itself: a cycle between siblings is found, one through a parent's submodule too, and a
/// module using its own parent is not one.
#[test]
fn the_cycle_check_finds_what_it_should() {
    let krate = |files: &[(&str, &str)]| {
        let modules: BTreeMap<ModPath, String> = files
            .iter()
            .map(|(m, code)| {
                let p = if m.is_empty() { Vec::new() } else { m.split("::").map(String::from).collect() };
                (p, code.to_string())
            })
            .collect();
        Crate { modules, reexports: BTreeMap::from([("Matter".to_string(), vec!["model".to_string()])]) }
    };
    let ok = krate(&[
        ("", "pub use model::Matter;"),
        ("model", ""),
        ("rules", "use crate::Matter; mod ch3;"),
        ("rules::ch3", "use super::Ctx; use crate::{model::Agency, rules::catalogue};"),
        ("rules::catalogue", ""),
    ]);
    assert_eq!(cycles(&ok), Vec::<String>::new());
    let through_child = krate(&[
        ("", ""),
        ("model", "fn f() { crate::rules::evaluate(); }"),
        ("rules", ""),
        ("rules::ch3", "use crate::{dates, model::{Agency, Matter}};"),
        ("dates", ""),
    ]);
    let found = cycles(&through_child);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("model → rules → model"), "{found:?}");
    let siblings = krate(&[
        ("", ""),
        ("pages", ""),
        ("pages::exchange", "use super::holidays::with_files;"),
        ("pages::holidays", "use crate::pages::exchange::Pick;"),
    ]);
    let found = cycles(&siblings);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("pages::exchange → pages::holidays → pages::exchange"), "{found:?}");
}

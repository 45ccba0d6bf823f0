//! The library's layers: every file of `src/` belongs to a layer of
//! [`LAYERS`], and may import only from its own layer or the ones below;
//! no two files import each other. DESIGN.md's module map gives the same
//! table with a line for each module.
//!
//! An import is a path written `crate::…` or `super::…` (in `use` or in
//! code, `use` groups expanded), resolved to the file that defines the
//! module it names. Comments and literals are left out. A folder's
//! `mod.rs` naming its own submodules by relative paths (`engine::…`) is
//! the folder's face declaring what it holds, and is not read as an import.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Layers from the ground up: a path under `src/` (a file, or a folder
/// ending in `/`) and its layer. The longest matching entry wins.
const LAYERS: &[(&str, u8, &str)] = &[
    // The text core: leaves.
    ("span.rs", 0, "text core"),
    ("error.rs", 0, "text core"),
    ("letters.rs", 0, "text core"),
    ("hash.rs", 0, "text core"),
    // The text core: tokens and normalization, then sentences over tokens.
    ("tokenizer/", 1, "text core"),
    ("normalize/", 1, "text core"),
    ("sentences.rs", 2, "text core"),
    ("morph/", 3, "morph"),
    // Numbers and time: the temporal values below the extractor that
    // reads them (numbers imports time, never the other way).
    ("time/", 4, "time"),
    ("numbers/", 4, "numbers"),
    ("ner/", 5, "ner"),
    ("pipeline.rs", 6, "pipeline"),
    // Beside the pipeline, behind the `eval` feature.
    ("eval/", 6, "eval"),
    // The one JSON schema (feature `serde`): views of the pipeline's
    // documents and of the mentions below it.
    ("schema.rs", 7, "schema"),
    // The crate's face: declares and re-exports everything.
    ("lib.rs", 8, "root"),
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn layer_of(file: &str) -> Option<(u8, &'static str)> {
    LAYERS
        .iter()
        .filter(|(prefix, _, _)| {
            if prefix.ends_with('/') {
                file.starts_with(prefix)
            } else {
                file == *prefix
            }
        })
        .max_by_key(|(prefix, _, _)| prefix.len())
        .map(|&(_, layer, name)| (layer, name))
}

/// Every `.rs` file under `dir`, as paths relative to `src/` with `/`.
fn rust_files(dir: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(src()).expect("under src/");
            let rel: Vec<_> = rel.iter().map(|c| c.to_string_lossy()).collect();
            out.push(rel.join("/"));
        }
    }
}

/// The module path of a file: `ner/iob.rs` → `[ner, iob]`, `ner/mod.rs` →
/// `[ner]`, `lib.rs` → `[]`.
fn module_of(file: &str) -> Vec<String> {
    if file == "lib.rs" {
        return Vec::new();
    }
    let mut parts: Vec<String> = file.split('/').map(str::to_owned).collect();
    let last = parts.pop().expect("a file name");
    if last != "mod.rs" {
        parts.push(last.trim_end_matches(".rs").to_owned());
    }
    parts
}

/// The file that defines the deepest module named by a prefix of `path`
/// (a path from the crate root).
fn file_of(path: &[String], files: &BTreeSet<String>) -> String {
    let mut best = "lib.rs".to_owned();
    for n in 1..=path.len() {
        let dir = path[..n].join("/");
        let candidates = [format!("{dir}.rs"), format!("{dir}/mod.rs")];
        match candidates.into_iter().find(|c| files.contains(c)) {
            Some(file) => best = file,
            None => break,
        }
    }
    best
}

/// `text` with comments, string literals and char literals blanked out.
fn strip(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let ident = |k: usize| k < c.len() && (c[k].is_alphanumeric() || c[k] == '_');
    while i < c.len() {
        if c[i] == '/' && c.get(i + 1) == Some(&'/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if c[i] == '/' && c.get(i + 1) == Some(&'*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c[i] == 'r'
            && (i == 0 || !ident(i - 1) || c[i - 1] == 'b' && (i < 2 || !ident(i - 2)))
            && matches!(c.get(i + 1), Some('"' | '#'))
        {
            // A raw string: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while c.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if c.get(j) != Some(&'"') {
                out.push(c[i]);
                i += 1;
                continue;
            }
            j += 1;
            while j < c.len() {
                if c[j] == '"' && (1..=hashes).all(|h| c.get(j + h) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str(" \"\" ");
            i = j;
        } else if c[i] == '"' {
            i += 1;
            while i < c.len() && c[i] != '"' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str(" \"\" ");
        } else if c[i] == '\'' && c.get(i + 1) == Some(&'\\') {
            i += 2;
            while i < c.len() && c[i] != '\'' {
                i += 1;
            }
            i += 1;
            out.push_str(" ' ");
        } else if c[i] == '\'' && c.get(i + 2) == Some(&'\'') {
            i += 3;
            out.push_str(" ' ");
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Ident(String),
    Sym(String),
}

fn tokens(code: &str) -> Vec<Tok> {
    let c: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if c[i].is_alphanumeric() || c[i] == '_' {
            let start = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            out.push(Tok::Ident(c[start..i].iter().collect()));
        } else if c[i] == ':' && c.get(i + 1) == Some(&':') {
            out.push(Tok::Sym("::".into()));
            i += 2;
        } else if c[i].is_whitespace() {
            i += 1;
        } else {
            out.push(Tok::Sym(c[i].to_string()));
            i += 1;
        }
    }
    out
}

fn is_sym(t: Option<&Tok>, s: &str) -> bool {
    matches!(t, Some(Tok::Sym(x)) if x == s)
}

/// A path or `use` tree starting at `toks[i]`: every path it names, and
/// the index after it.
fn tree(toks: &[Tok], mut i: usize) -> (Vec<Vec<String>>, usize) {
    let mut segments = Vec::new();
    loop {
        match toks.get(i) {
            Some(Tok::Ident(s)) => {
                segments.push(s.clone());
                i += 1;
            }
            Some(Tok::Sym(s)) if s == "{" => {
                i += 1;
                let mut out = Vec::new();
                loop {
                    if is_sym(toks.get(i), "}") {
                        i += 1;
                        break;
                    }
                    let (paths, next) = tree(toks, i);
                    out.extend(paths.into_iter().map(|p| [segments.clone(), p].concat()));
                    i = next;
                    if is_sym(toks.get(i), ",") {
                        i += 1;
                    } else if is_sym(toks.get(i), "}") {
                        i += 1;
                        break;
                    } else if i >= toks.len() {
                        break;
                    }
                }
                return (out, i);
            }
            Some(Tok::Sym(s)) if s == "*" => {
                i += 1;
                break;
            }
            _ => break,
        }
        if is_sym(toks.get(i), "::") {
            i += 1;
        } else {
            break;
        }
    }
    (vec![segments], i)
}

/// The files that `file` imports from (itself left out).
fn imports(file: &str, text: &str, files: &BTreeSet<String>) -> BTreeSet<String> {
    let toks = tokens(&strip(text));
    let module = module_of(file);
    let mut out = BTreeSet::new();
    let mut depth = 0usize;
    // Brace depths at which inline modules (`mod tests { … }`) opened.
    let mut inline: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match &toks[i] {
            Tok::Ident(m)
                if m == "mod"
                    && matches!(toks.get(i + 1), Some(Tok::Ident(_)))
                    && is_sym(toks.get(i + 2), "{") =>
            {
                depth += 1;
                inline.push(depth);
                i += 3;
            }
            Tok::Sym(s) if s == "{" => {
                depth += 1;
                i += 1;
            }
            Tok::Sym(s) if s == "}" => {
                if inline.last() == Some(&depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
                i += 1;
            }
            Tok::Ident(start)
                if (start == "crate" || start == "super")
                    && is_sym(toks.get(i + 1), "::")
                    && !is_sym(i.checked_sub(1).and_then(|k| toks.get(k)), "::") =>
            {
                let (paths, next) = tree(&toks, i);
                for path in paths {
                    if let Some(target) = resolve(&path, &module, inline.len(), files) {
                        if target != file {
                            out.insert(target);
                        }
                    }
                }
                i = next.max(i + 1);
            }
            _ => i += 1,
        }
    }
    out
}

/// The file a path from a file of module `module`, inside `inline` inline
/// modules, names; `None` when it names the file's own module.
fn resolve(
    path: &[String],
    module: &[String],
    inline: usize,
    files: &BTreeSet<String>,
) -> Option<String> {
    let path: Vec<String> = path.iter().filter(|s| *s != "self").cloned().collect();
    let absolute = if path.first().is_some_and(|s| s == "crate") {
        path[1..].to_vec()
    } else {
        let supers = path.iter().take_while(|s| *s == "super").count();
        if supers <= inline {
            return None;
        }
        let up = supers - inline;
        if up > module.len() {
            panic!("{path:?} climbs above the crate root from {module:?}");
        }
        [&module[..module.len() - up], &path[supers..]].concat()
    };
    Some(file_of(&absolute, files))
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut list = Vec::new();
    rust_files(&src(), &mut list);
    let files: BTreeSet<String> = list.iter().cloned().collect();
    list.iter()
        .map(|f| {
            let text = std::fs::read_to_string(src().join(f)).expect("a readable source file");
            (f.clone(), imports(f, &text, &files))
        })
        .collect()
}

fn violations(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let mut out = Vec::new();
    for (file, targets) in graph {
        let Some((layer, name)) = layer_of(file) else {
            out.push(format!("src/{file} is in no layer: add it to LAYERS (tests/layers.rs) and to DESIGN.md's module map"));
            continue;
        };
        for target in targets {
            if let Some((t_layer, t_name)) = layer_of(target) {
                if t_layer > layer {
                    out.push(format!(
                        "src/{file} ({name}, layer {layer}) imports src/{target} ({t_name}, layer {t_layer}), a layer above it"
                    ));
                }
            }
            if target < file && graph.get(target).is_some_and(|t| t.contains(file)) {
                out.push(format!("src/{file} and src/{target} import each other"));
            }
        }
    }
    out
}

#[test]
fn no_import_reaches_up_a_layer_and_no_two_files_import_each_other() {
    let graph = graph();
    assert!(
        graph.len() > 40,
        "only {} files read under src/",
        graph.len()
    );
    // The reader sees the imports it must: a few known ones.
    for (from, to) in [
        ("ner/names.rs", "ner/gazetteer.rs"),
        ("ner/names.rs", "morph/mod.rs"),
        ("ner/model.rs", "hash.rs"),
        ("pipeline.rs", "ner/mod.rs"),
        ("morph/engine.rs", "letters.rs"),
        ("numbers/extract.rs", "tokenizer/mod.rs"),
    ] {
        assert!(
            graph[from].contains(to),
            "{from} should import {to}: {:?}",
            graph[from]
        );
    }
    let found = violations(&graph);
    assert!(found.is_empty(), "layer rule broken:\n{}", found.join("\n"));
}

#[test]
fn the_checker_sees_violations() {
    let files: BTreeSet<String> = [
        "lib.rs",
        "morph/mod.rs",
        "morph/tables.rs",
        "ner/mod.rs",
        "ner/gazetteer.rs",
        "span.rs",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    let upward = "use crate::{span::Span, ner::gazetteer::listed_name_len};\n\
                  // crate::ner::mod in a comment is no import\n\
                  fn f() { let _ = \"crate::ner::x\"; super::tables::CASE_ENDINGS.len(); }\n\
                  #[cfg(test)]\nmod tests { use super::*; }\n";
    let got = imports("morph/mod.rs", upward, &files);
    let want: BTreeSet<String> = ["span.rs", "ner/gazetteer.rs", "lib.rs"]
        .into_iter()
        .map(str::to_owned)
        .collect();
    // `super::tables` from morph/mod.rs is the crate root's `tables`,
    // which does not exist: it resolves to lib.rs.
    assert_eq!(got, want);
    let mut graph = BTreeMap::new();
    graph.insert("morph/mod.rs".to_owned(), got);
    graph.insert(
        "ner/gazetteer.rs".to_owned(),
        imports(
            "ner/gazetteer.rs",
            "use crate::morph::CASE_ENDINGS;",
            &files,
        ),
    );
    let found = violations(&graph);
    assert!(
        found
            .iter()
            .any(|v| v.contains("src/morph/mod.rs (morph, layer 3) imports src/ner/gazetteer.rs")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|v| v.contains("import each other")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|v| v.contains("imports src/lib.rs")),
        "{found:?}"
    );
}

#[test]
fn design_module_map_lists_every_module_with_its_layer() {
    let design = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("DESIGN.md"))
        .expect("DESIGN.md");
    let mut wrong = Vec::new();
    for file in graph().keys() {
        let (layer, name) = layer_of(file).expect("every file has a layer (see the other test)");
        let cell = format!("| `src/{file}` |");
        let want = format!("| {layer} {name} {cell}");
        match design.lines().find(|l| l.contains(&cell)) {
            Some(row) if row.starts_with(&want) => {}
            Some(row) => wrong.push(format!("{row}\n  should start with {want}")),
            None => wrong.push(format!("src/{file} is missing: add `{want} … |`")),
        }
    }
    assert!(
        wrong.is_empty(),
        "DESIGN.md's module map disagrees with LAYERS:\n{}",
        wrong.join("\n")
    );
}

//! Runs `kazakh annotate` in every format and on corpus input.

use std::io::Read;
use std::process::{Command, Stdio};

use serde_json::Value as Json;

mod common;

use common::{assert_one_line_error, run, stderr, stdout, TempFile, BIN};

const TEXT: &str = "Қасым-Жомарт Тоқаев Ақтөбе облысына барды. \
                    Құны 1 трлн 125,6 млрд теңге.Инфляция 3,2%-ға төмендеді.\n\
                    Астанада «Самұрық-Қазына» қоры жиналыс өткізді.";

fn ok(args: &[&str], stdin: &[u8]) -> String {
    let output = run(args, stdin);
    assert!(output.status.success(), "{args:?}: {output:?}");
    stdout(&output).to_owned()
}

fn lines(out: &str) -> Vec<Json> {
    out.lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

#[test]
fn jsonl_has_every_key_and_exact_spans() {
    let out = ok(&["annotate"], TEXT.as_bytes());
    let docs = lines(&out);
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    for key in ["sentences", "tokens", "entities", "numbers"] {
        assert!(doc[key].is_array(), "{key}: {doc}");
    }
    assert!(doc.get("meta").is_none(), "no meta for plain text");
    let slice = |v: &Json| {
        &TEXT[v["start"].as_u64().unwrap() as usize..v["end"].as_u64().unwrap() as usize]
    };
    for t in doc["tokens"].as_array().unwrap() {
        assert_eq!(slice(t), t["text"].as_str().unwrap());
        assert!(t["lemma"].is_string());
    }
    let entities = doc["entities"].as_array().unwrap();
    assert!(!entities.is_empty());
    for e in entities {
        assert_eq!(slice(e), e["text"].as_str().unwrap());
        assert!(["PER", "LOC", "ORG"].contains(&e["label"].as_str().unwrap()));
        assert!(e["lemma"].is_string() && e["score"].is_number());
    }
    let numbers = doc["numbers"].as_array().unwrap();
    let money = numbers
        .iter()
        .find(|n| n["kind"] == "money")
        .expect("money");
    assert_eq!(money["text"], "1 трлн 125,6 млрд теңге");
    assert_eq!(money["value"].to_string(), "1125600000000");
    assert_eq!(money["unit"], "KZT");
    // Sentence token ranges cover the tokens.
    let sentences = doc["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 4);
    assert_eq!(
        sentences.last().unwrap()["tokens"][1].as_u64().unwrap() as usize,
        doc["tokens"].as_array().unwrap().len()
    );
}

#[test]
fn entity_and_number_objects_match_ner_and_numbers() {
    let doc = &lines(&ok(&["annotate"], TEXT.as_bytes()))[0];
    let ner = lines(&ok(&["ner"], TEXT.as_bytes()));
    assert_eq!(doc["entities"].as_array().unwrap(), &ner);
    // Numbers as `kazakh numbers` finds them: the tagger's spans, the rules' values.
    let numbers = lines(&ok(&["numbers"], TEXT.as_bytes()));
    assert_eq!(doc["numbers"].as_array().unwrap(), &numbers);
}

#[test]
fn char_offsets() {
    let doc = &lines(&ok(&["annotate", "--offsets", "chars"], TEXT.as_bytes()))[0];
    let chars: Vec<char> = TEXT.chars().collect();
    for t in doc["tokens"].as_array().unwrap() {
        let (s, e) = (
            t["start"].as_u64().unwrap() as usize,
            t["end"].as_u64().unwrap() as usize,
        );
        let text: String = chars[s..e].iter().collect();
        assert_eq!(text, t["text"].as_str().unwrap());
    }
}

#[test]
fn normalize_keeps_offsets_in_the_input() {
    let text = "Ол бiрiншi болып келдi. Шаhарда “жақсы” жиын.";
    let doc = &lines(&ok(&["annotate", "--normalize"], text.as_bytes()))[0];
    for t in doc["tokens"].as_array().unwrap() {
        let (s, e) = (
            t["start"].as_u64().unwrap() as usize,
            t["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], t["text"].as_str().unwrap());
    }
    let came = &doc["tokens"][3];
    assert_eq!(came["text"], "келдi");
    assert_eq!(came["lemma"], "кел");
}

#[test]
fn conllu_is_well_formed() {
    let out = ok(&["annotate", "--format", "conllu"], TEXT.as_bytes());
    let mut sentences = 0;
    let mut ids = std::collections::HashSet::new();
    let mut in_sentence = false;
    let mut seen_text = false;
    let mut next_id = 1;
    for line in out.lines() {
        if line.is_empty() {
            assert!(in_sentence, "blank line ends a sentence");
            in_sentence = false;
            seen_text = false;
            next_id = 1;
            continue;
        }
        if let Some(id) = line.strip_prefix("# sent_id = ") {
            assert!(ids.insert(id.to_owned()), "unique sent_id {id}");
            sentences += 1;
            in_sentence = true;
            continue;
        }
        if line.starts_with("# text = ") {
            seen_text = true;
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        assert!(seen_text, "# text before tokens");
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 10, "{line:?}");
        assert_eq!(cols[0], next_id.to_string());
        next_id += 1;
        assert!(!cols[1].is_empty() && !cols[2].is_empty() && !cols[9].is_empty());
    }
    assert_eq!(sentences, 4);
    assert!(out.contains("NE=B-PER"), "{out}");
    assert!(
        out.contains("Num=B-MONEY|NumValue=1125600000000_KZT"),
        "{out}"
    );
    // `теңге.Инфляция`: no space after the period's predecessor nor after it.
    assert!(out.contains("\tSpaceAfter=No\n"), "{out}");
    assert!(out.contains("\tоблыс\t"), "lemma column: {out}");
}

#[test]
fn html_is_self_contained_and_marks_entities() {
    let out = ok(&["annotate", "--format", "html"], TEXT.as_bytes());
    assert!(out.starts_with("<!DOCTYPE html>"));
    assert!(out.trim_end().ends_with("</html>"));
    assert!(!out.contains("http://") && !out.contains("https://") && !out.contains("<script"));
    assert!(out.contains("<mark class=\"ent PER\""), "{out}");
    assert!(out.contains("<span class=\"lbl\">LOC</span>"), "{out}");
    assert!(out.contains("title=\"money: 1125600000000 KZT\""), "{out}");
    assert!(out.contains("<table class=\"entities\">"));
}

#[test]
fn text_summary() {
    let out = ok(&["annotate", "--format", "text"], TEXT.as_bytes());
    assert!(out.starts_with("doc1: 4 sentences,"), "{out}");
    assert!(
        out.contains("money  1 трлн 125,6 млрд теңге = 1125600000000 KZT"),
        "{out}"
    );
}

fn corpus_line(id: usize, text: &str) -> String {
    serde_json::json!({"id": id, "source": "test", "text": text}).to_string()
}

#[test]
fn corpus_jsonl_carries_meta_and_keeps_order() {
    let mut corpus = String::new();
    for i in 0..40 {
        corpus.push_str(&corpus_line(
            i,
            &format!("{i} адам Алматыға келді. Бұл {i}-ші жиын."),
        ));
        corpus.push('\n');
    }
    for threads in ["1", "2"] {
        let out = ok(
            &[
                "annotate",
                "--input-format",
                "jsonl",
                "--threads",
                threads,
                "--batch",
                "7",
            ],
            corpus.as_bytes(),
        );
        let docs = lines(&out);
        assert_eq!(docs.len(), 40);
        for (i, doc) in docs.iter().enumerate() {
            assert_eq!(doc["meta"]["id"], i);
            assert_eq!(doc["meta"]["source"], "test");
            assert!(doc["meta"].get("text").is_none());
            assert_eq!(doc["tokens"][0]["text"], i.to_string());
        }
    }
}

#[test]
fn text_field_option() {
    let line = r#"{"body":"Тоқаев келді.","n":1}"#;
    let out = ok(
        &[
            "annotate",
            "--input-format",
            "jsonl",
            "--text-field",
            "body",
        ],
        line.as_bytes(),
    );
    let doc = &lines(&out)[0];
    assert_eq!(doc["meta"], serde_json::json!({"n": 1}));
    assert_eq!(doc["tokens"][0]["text"], "Тоқаев");
}

#[test]
fn malformed_line_is_skipped_with_its_line_number() {
    let corpus = format!(
        "{}\n{{\"id\": 2, \"text\": \n\n{}\n",
        corpus_line(1, "Бірінші."),
        corpus_line(3, "Үшінші.")
    );
    let file = TempFile::new("bad.jsonl", corpus.as_bytes());
    let output = run(&["annotate", "--input-format", "jsonl", file.path()], b"");
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let docs = lines(stdout(&output));
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1]["meta"]["id"], 3);
    let err = stderr(&output);
    assert!(err.contains("line 2: malformed JSON"), "{err}");
    assert!(err.contains("skipped 1 of 3 documents"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn documents_over_max_doc_bytes_are_skipped_with_their_line() {
    let long = corpus_line(2, &"Ұзақ сөйлем. ".repeat(50));
    let corpus = format!(
        "{}\r\n{long}\n{}",
        corpus_line(1, "Бірінші."),
        corpus_line(3, "Үшінші.")
    );
    // The limit is the first line's length, the longest of the kept lines.
    let limit = corpus_line(1, "Бірінші.").len().to_string();
    let file = TempFile::new("long.jsonl", corpus.as_bytes());
    let args = ["annotate", "--input-format", "jsonl", file.path()];
    let with_limit = |limit: &str| {
        let mut a = args.to_vec();
        a.extend(["--max-doc-bytes", limit]);
        run(&a, b"")
    };
    // A line exactly at the limit is kept; its `\r\n` does not count.
    let output = with_limit(&limit);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let docs = lines(stdout(&output));
    let ids: Vec<&Json> = docs.iter().map(|d| &d["meta"]["id"]).collect();
    assert_eq!(ids, [1, 3]);
    let err = stderr(&output);
    let want = format!(
        "line 2: document of {} bytes is longer than --max-doc-bytes {limit}; skipped",
        long.len()
    );
    assert!(err.contains(&want), "{err}");
    assert!(err.contains("skipped 1 of 3 documents"), "{err}");
    // One byte less and the first line is over too; 0 is no limit.
    let shorter = (corpus_line(1, "Бірінші.").len() - 1).to_string();
    assert_eq!(lines(stdout(&with_limit(&shorter))).len(), 1);
    let output = with_limit("0");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(lines(stdout(&output)).len(), 3);
    // The default (16 MiB) keeps all three.
    assert_eq!(lines(&ok(&args, b"")).len(), 3);
    // --strict stops there, after writing the first document.
    let mut strict = args.to_vec();
    strict.extend(["--strict", "--max-doc-bytes", &limit]);
    let output = run(&strict, b"");
    assert_one_line_error(&output, 1);
    assert_eq!(lines(stdout(&output)).len(), 1);
    // A text file, and standard input, over the limit.
    let text = TempFile::new("long.txt", "Бір екі үш.".as_bytes());
    for (file, stdin) in [
        (Some(text.path()), &b""[..]),
        (None, "Бір екі үш.".as_bytes()),
    ] {
        let mut a = vec!["annotate", "--max-doc-bytes", "10"];
        a.extend(file);
        let output = run(&a, stdin);
        assert_eq!(output.status.code(), Some(1), "{output:?}");
        assert_eq!(stdout(&output), "");
        let err = stderr(&output);
        assert!(
            err.contains("document of 19 bytes is longer than --max-doc-bytes 10"),
            "{err}"
        );
    }
}

#[test]
fn strict_stops_at_the_first_bad_document() {
    let corpus = format!(
        "{}\nnot json\n{}\n",
        corpus_line(1, "Бірінші."),
        corpus_line(3, "Үшінші.")
    );
    let output = run(
        &["annotate", "--input-format", "jsonl", "--strict"],
        corpus.as_bytes(),
    );
    assert_one_line_error(&output, 1);
    assert!(stderr(&output).contains("standard input line 2: malformed JSON"));
    // What came before the bad line is written.
    assert_eq!(lines(stdout(&output)).len(), 1);
}

#[test]
fn invalid_utf8_document_is_skipped() {
    let mut corpus = corpus_line(1, "Бірінші.").into_bytes();
    corpus.extend_from_slice(b"\n{\"id\":2,\"text\":\"\xff\xfe\"}\n");
    corpus.extend_from_slice(corpus_line(3, "Үшінші.").as_bytes());
    let output = run(&["annotate", "--input-format", "jsonl"], &corpus);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(lines(stdout(&output)).len(), 2);
    assert!(
        stderr(&output).contains("line 2: invalid UTF-8"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn directory_of_text_files() {
    let dir = std::env::temp_dir().join(format!("kazakh-annotate-dir-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("b.txt"), "Екінші құжат.").unwrap();
    std::fs::write(dir.join("a.txt"), "Бірінші құжат.").unwrap();
    std::fs::write(dir.join("c.txt"), b"\xff bad").unwrap();
    std::fs::write(dir.join("notes.md"), "ignored").unwrap();
    let output = run(&["annotate", dir.to_str().unwrap()], b"");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let docs = lines(stdout(&output));
    assert_eq!(docs.len(), 2);
    assert!(docs[0]["meta"]["file"].as_str().unwrap().ends_with("a.txt"));
    assert_eq!(docs[0]["tokens"][0]["text"], "Бірінші");
    assert!(docs[1]["meta"]["file"].as_str().unwrap().ends_with("b.txt"));
    let err = stderr(&output);
    assert!(
        err.contains("c.txt: invalid UTF-8 at byte offset 0; skipped"),
        "{err}"
    );
}

#[test]
fn missing_file_is_a_usage_error() {
    let output = run(&["annotate", "/nonexistent/kazakh.txt"], b"");
    assert_one_line_error(&output, 2);
}

#[test]
fn closed_pipe_is_quiet() {
    let mut corpus = String::new();
    for i in 0..3000 {
        corpus.push_str(&corpus_line(
            i,
            "Тоқаев Астанаға келді. Экспорт 15%-ға өсті.",
        ));
        corpus.push('\n');
    }
    let file = TempFile::new("big.jsonl", corpus.as_bytes());
    let mut child = Command::new(BIN)
        .args([
            "annotate",
            "--input-format",
            "jsonl",
            "--batch",
            "16",
            file.path(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 1];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The values of a document's temporal numbers.
fn temporal_values(doc: &Json) -> Vec<String> {
    doc["numbers"]
        .as_array()
        .expect("numbers")
        .iter()
        .filter(|n| ["date", "time", "duration", "set"].contains(&n["kind"].as_str().unwrap()))
        .map(|n| n["value"].as_str().unwrap_or("null").to_owned())
        .collect()
}

#[test]
fn dates_resolve_against_date_or_each_documents_date_field() {
    let text = "Былтыр басталған құрылыс кеше аяқталды.";
    let bare = lines(&ok(&["annotate"], text.as_bytes()));
    assert_eq!(temporal_values(&bare[0]), ["XXXX", "XXXX-XX-XX"]);
    assert_eq!(bare[0]["numbers"][0]["offset"], "-P1Y");
    let dated = lines(&ok(&["annotate", "--date", "2024-06-15"], text.as_bytes()));
    assert_eq!(temporal_values(&dated[0]), ["2023", "2024-06-14"]);
    assert!(dated[0]["numbers"][0].get("offset").is_none());

    // Each line's own date; --date where a line has none; a line whose
    // date is not one is reported with its line and skipped.
    let corpus = [
        serde_json::json!({"id": 1, "text": text, "published": "2020-03-01T09:30:00+06:00"}),
        serde_json::json!({"id": 2, "text": text}),
        serde_json::json!({"id": 3, "text": text, "published": "2020-02-30"}),
        serde_json::json!({"id": 4, "text": text, "published": null}),
    ]
    .iter()
    .map(|v| format!("{v}\n"))
    .collect::<String>();
    let file = TempFile::new("dated.jsonl", corpus.as_bytes());
    let args = [
        "annotate",
        "--input-format",
        "jsonl",
        "--date-field",
        "published",
        "--date",
        "2024-06-15",
        file.path(),
    ];
    let output = run(&args, b"");
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let docs = lines(stdout(&output));
    let ids: Vec<_> = docs
        .iter()
        .map(|d| d["meta"]["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, [1, 2, 4]);
    assert_eq!(temporal_values(&docs[0]), ["2019", "2020-02-29"]);
    assert_eq!(temporal_values(&docs[1]), ["2023", "2024-06-14"]);
    assert_eq!(temporal_values(&docs[2]), ["2023", "2024-06-14"]);
    assert_eq!(docs[0]["meta"]["published"], "2020-03-01T09:30:00+06:00");
    let err = stderr(&output);
    assert!(
        err.contains("line 3: field \"published\": invalid date"),
        "{err}"
    );
    assert!(err.contains("skipped 1 of 4 documents"), "{err}");
}

#[test]
fn bad_date_options_are_one_line_errors() {
    let output = run(&["annotate", "--date", "15.06.2024"], b"");
    assert_one_line_error(&output, 2);
    assert!(stderr(&output).contains("YYYY-MM-DD"));
    let output = run(&["annotate", "--date-field", "published"], b"");
    assert_one_line_error(&output, 2);
    assert!(stderr(&output).contains("--input-format jsonl"));
}
